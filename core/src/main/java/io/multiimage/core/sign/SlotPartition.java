package io.multiimage.core.sign;

import java.util.Locale;
import java.util.Objects;

/**
 * One partition of a layout, as signing and verification need it.
 *
 * @param name the partition's name
 * @param address where it starts
 * @param size its size in bytes
 */
public record SlotPartition(String name, long address, long size) {

    /** Checks the parts. */
    public SlotPartition {
        Objects.requireNonNull(name, "name");
    }

    /** The first address after the partition. */
    public long end() {
        return address + size;
    }

    /** True when {@code at} lies inside the partition. */
    public boolean contains(long at) {
        return at >= address && at < end();
    }

    /** {@code mcuboot_primary (0x00014000-0x0002a000, 0x16000 bytes)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (0x%08x-0x%08x, 0x%x bytes)", name, address, end(), size);
    }
}
