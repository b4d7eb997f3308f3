package io.multiimage.core.report;

import io.multiimage.core.toolchain.MemoryRegion;
import java.util.Objects;
import java.util.Optional;

/**
 * One image as the memory report shows it: where it lives and how full it is.
 *
 * @param name the image
 * @param domain its domain, e.g. {@code CPUAPP}
 * @param strategy {@code from-source}, {@code use-hex} or {@code skip}
 * @param partition its flash partition; for an image placed by {@code CONFIG_FLASH_LOAD_OFFSET}, its own name
 * @param flash the partition's (or offset-placed range's) addresses
 * @param ram the RAM it was given
 * @param loadOffsetOrigin where {@code CONFIG_FLASH_LOAD_OFFSET} was set, for an image placed by it
 * @param usage how full it is
 */
public record ReportedImage(String name, String domain, String strategy, String partition, MemoryRegion flash,
        MemoryRegion ram, Optional<String> loadOffsetOrigin, ImageUsage usage) {

    /** Checks the parts. */
    public ReportedImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(flash, "flash");
        Objects.requireNonNull(ram, "ram");
        Objects.requireNonNull(loadOffsetOrigin, "loadOffsetOrigin");
        Objects.requireNonNull(usage, "usage");
    }

    /** True when {@code CONFIG_FLASH_LOAD_OFFSET} placed the image, not the partition manager. */
    public boolean byLoadOffset() {
        return loadOffsetOrigin.isPresent();
    }
}
