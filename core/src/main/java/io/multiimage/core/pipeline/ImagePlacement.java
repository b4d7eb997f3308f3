package io.multiimage.core.pipeline;

import io.multiimage.core.toolchain.MemoryRegion;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one image lives: its partition in flash (or the region its
 * {@code CONFIG_FLASH_LOAD_OFFSET} names) and the RAM it may use, as the layout of its domain
 * gives them, and where the image is linked and runs.
 *
 * <p>The two differ only on a chip whose memory has a secure alias (Arm's SSE-200 and IoTKit
 * make every address with bit 28 set secure): a domain's layout is drawn in the view of its
 * main image's board, say the non-secure application's ({@code mps2/an505/ns}: code memory at
 * {@code 0x00000000}), and a secure child image on {@code mps2/an505} sees the same bytes at
 * {@code 0x10000000}. That child is linked at its partition's address plus
 * {@link #aliasShift()}, and its HEX holds the addresses it runs from; the partitions never
 * overlap, so neither do the bytes behind the two aliases.
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
 * @param aliasShift how far the image's own board sees this memory from where the layout's board
 *     sees it ({@code BoardDefinition.aliasShiftFrom}): {@code 0x10000000} for a secure image in a
 *     non-secure application's domain, 0 for every image of a chip without memory aliases
 */
public record ImagePlacement(
        String domain,
        String partition,
        MemoryRegion flash,
        long flashBase,
        MemoryRegion ram,
        boolean staticPartition,
        Optional<String> loadOffsetOrigin,
        long aliasShift) {

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
        if (aliasShift != 0) {
            // Throws for an alias that would leave the 32-bit address space.
            shifted(flash, aliasShift);
            shifted(ram, aliasShift);
        }
    }

    /** A placement seen alike by the image and the layout (no alias shift). */
    public ImagePlacement(
            String domain,
            String partition,
            MemoryRegion flash,
            long flashBase,
            MemoryRegion ram,
            boolean staticPartition,
            Optional<String> loadOffsetOrigin) {
        this(domain, partition, flash, flashBase, ram, staticPartition, loadOffsetOrigin, 0);
    }

    /** A placement by the partition manager, in the partition named {@code partition}. */
    public ImagePlacement(
            String domain,
            String partition,
            MemoryRegion flash,
            long flashBase,
            MemoryRegion ram,
            boolean staticPartition) {
        this(domain, partition, flash, flashBase, ram, staticPartition, Optional.empty());
    }

    /** This placement for an image whose board sees memory {@code shift} bytes from the layout's view. */
    public ImagePlacement withAliasShift(long shift) {
        return new ImagePlacement(domain, partition, flash, flashBase, ram, staticPartition, loadOffsetOrigin, shift);
    }

    /** Where the image is linked and runs: {@link #flash()} seen through the image's board. */
    public MemoryRegion linkedFlash() {
        return shifted(flash, aliasShift);
    }

    /** Where the flash holding the partition starts, seen through the image's board. */
    public long linkedFlashBase() {
        return flashBase + aliasShift;
    }

    /** The RAM the image uses, seen through the image's board. */
    public MemoryRegion linkedRam() {
        return shifted(ram, aliasShift);
    }

    private static MemoryRegion shifted(MemoryRegion region, long shift) {
        return shift == 0 ? region : new MemoryRegion(region.origin() + shift, region.size());
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
        String what = loadOffsetOrigin
                .map(origin -> LOAD_OFFSET_SYMBOL + " region (" + origin + ")")
                .orElse("partition " + partition);
        return aliasShift == 0 ? what : what + " at " + flash + " in the layout";
    }
}
