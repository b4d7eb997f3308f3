package io.multiimage.core.pipeline;

import io.multiimage.core.build.MemoryRegion;
import java.util.Objects;

/**
 * Where one image lives: its partition in flash and the RAM it may use.
 *
 * @param domain the image's domain
 * @param partition the partition's name ({@code app} for the top-level image)
 * @param flash the partition's address range
 * @param ram the RAM the image may use ({@code <image>_sram}, else the domain's {@code sram_primary})
 * @param staticPartition true when the partition comes from {@code pm_static.yml}
 */
public record ImagePlacement(String domain, String partition, MemoryRegion flash, MemoryRegion ram,
        boolean staticPartition) {

    /** Checks the parts. */
    public ImagePlacement {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(flash, "flash");
        Objects.requireNonNull(ram, "ram");
    }
}
