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
 * @param aliasShift how far from {@code flash} and {@code ram} the image is linked: an image whose
 *     board sees the layout's memory through another alias ({@code 0x10000000} for a secure image
 *     in a non-secure application's layout), 0 for most
 */
public record ReportedImage(
        String name,
        String domain,
        String strategy,
        String partition,
        MemoryRegion flash,
        MemoryRegion ram,
        Optional<String> loadOffsetOrigin,
        ImageUsage usage,
        long aliasShift) {

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

    /** An image linked where the layout puts it. */
    public ReportedImage(
            String name,
            String domain,
            String strategy,
            String partition,
            MemoryRegion flash,
            MemoryRegion ram,
            Optional<String> loadOffsetOrigin,
            ImageUsage usage) {
        this(name, domain, strategy, partition, flash, ram, loadOffsetOrigin, usage, 0);
    }

    /** Where the image's flash is linked: {@code flash} seen through its board's alias. */
    public MemoryRegion linkedFlash() {
        return new MemoryRegion(flash.origin() + aliasShift, flash.size());
    }

    /** Where the image's RAM is linked: {@code ram} seen through its board's alias. */
    public MemoryRegion linkedRam() {
        return new MemoryRegion(ram.origin() + aliasShift, ram.size());
    }

    /** True when {@code CONFIG_FLASH_LOAD_OFFSET} placed the image, not the partition manager. */
    public boolean byLoadOffset() {
        return loadOffsetOrigin.isPresent();
    }
}
