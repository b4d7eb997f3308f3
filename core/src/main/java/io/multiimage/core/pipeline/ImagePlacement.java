package io.multiimage.core.pipeline;

import io.multiimage.core.toolchain.MemoryRegion;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one image lives: its partition in flash (or the region its
 * {@code CONFIG_FLASH_LOAD_OFFSET} names) and the RAM it may use.
 *
 * @param domain the image's domain
 * @param partition the partition's name ({@code app} for the top-level image); for an image
 *     placed by {@code CONFIG_FLASH_LOAD_OFFSET}, the image's own name
 * @param flash the partition's address range
 * @param flashBase where the flash the partition lies in starts (the domain's
 *     {@code chosen/zephyr,flash}, the base of the partition manager's region): the image lives
 *     {@link #loadOffset()} bytes into that flash, which is what Zephyr's
 *     {@code CONFIG_FLASH_LOAD_OFFSET} counts from
 * @param ram the RAM the image may use ({@code <image>_sram}, else the domain's {@code sram_primary};
 *     the domain's whole SRAM for an image placed by {@code CONFIG_FLASH_LOAD_OFFSET})
 * @param staticPartition true when the partition comes from {@code pm_static.yml}
 * @param loadOffsetOrigin for an image placed by {@code CONFIG_FLASH_LOAD_OFFSET} instead of the
 *     partition manager: where that symbol was set ({@code boot/prj.conf:1}); empty otherwise
 */
public record ImagePlacement(String domain, String partition, MemoryRegion flash, long flashBase, MemoryRegion ram,
        boolean staticPartition, Optional<String> loadOffsetOrigin) {

    /** The symbol that places an image outside the partition manager. */
    public static final String LOAD_OFFSET_SYMBOL = "CONFIG_FLASH_LOAD_OFFSET";

    /** Checks the parts. */
    public ImagePlacement {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(flash, "flash");
        Objects.requireNonNull(ram, "ram");
        Objects.requireNonNull(loadOffsetOrigin, "loadOffsetOrigin");
        if (flashBase < 0 || flashBase > flash.origin()) {
            throw new IllegalArgumentException("partition " + partition + " at " + flash
                    + " does not lie in a flash starting at " + MemoryRegion.hex(flashBase));
        }
    }

    /** A placement by the partition manager, in the partition named {@code partition}. */
    public ImagePlacement(String domain, String partition, MemoryRegion flash, long flashBase, MemoryRegion ram,
            boolean staticPartition) {
        this(domain, partition, flash, flashBase, ram, staticPartition, Optional.empty());
    }

    /**
     * How far into its flash the image starts: {@code flash().origin() - flashBase()}, the value
     * Zephyr's {@code CONFIG_FLASH_LOAD_OFFSET} takes for it.
     */
    public long loadOffset() {
        return flash.origin() - flashBase;
    }

    /** True when {@code CONFIG_FLASH_LOAD_OFFSET} placed the image, not the partition manager. */
    public boolean byLoadOffset() {
        return loadOffsetOrigin.isPresent();
    }

    /**
     * How the image was placed, for messages: {@code partition app}, or
     * {@code CONFIG_FLASH_LOAD_OFFSET region (boot/prj.conf:1)}.
     */
    public String describe() {
        return loadOffsetOrigin.map(origin -> LOAD_OFFSET_SYMBOL + " region (" + origin + ")")
                .orElse("partition " + partition);
    }
}
