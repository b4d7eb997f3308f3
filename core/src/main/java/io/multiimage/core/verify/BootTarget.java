package io.multiimage.core.verify;

import java.util.Objects;

/**
 * A partition a bootloader boots into, with the address it was built for.
 *
 * @param partition the partition's name ({@code s0}, {@code mcuboot_primary}, {@code app})
 * @param address the address the bootloader jumps to or checks there, as it was built
 */
public record BootTarget(String partition, long address) {

    /** Checks the parts. */
    public BootTarget {
        Objects.requireNonNull(partition, "partition");
    }
}
