package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardDefinition;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.toolchain.MemoryRegion;

/**
 * Where an image runs when its board sees the domain's memory through another alias than the
 * board the domain's layout was drawn for.
 *
 * <p>The rule: a domain has one layout, in the addresses of its main image's board (the first
 * image of the domain in tree order). Every image is linked at its partition's address moved by
 * the difference of the two boards' {@code memory.alias-offset}, and its HEX holds the
 * addresses it is linked at. On the MPS2 TrustZone boards a non-secure application on
 * {@code mps2/an505/ns} lays out code memory from {@code 0x00000000}; its secure child on
 * {@code mps2/an505} gets a partition there (say {@code 0x0..0x10000}) and is linked at
 * {@code 0x10000000..0x10010000}, where the CPU starts in the secure state. Both aliases reach
 * the same bytes, and partitions never overlap, so the images do not either.
 */
final class AliasPlacement {

    private final BuildLog log;

    AliasPlacement(BuildLog log) {
        this.log = log;
    }

    /**
     * {@code placement} of {@code image} (on {@code imageBoard}) in the layout drawn for
     * {@code layoutBoard}, moved to the image's own view of memory.
     *
     * @param ownMemory the image's own memory facts (its board and overlays), to check that the
     *     moved partition lies in its flash and SRAM; {@code null} when this build does not read them
     * @throws InvalidConfigurationException when the moved partition leaves the image's own flash
     *     or SRAM: the two boards do not describe the same memory
     */
    ImagePlacement place(
            String image,
            BoardDefinition imageBoard,
            BoardDefinition layoutBoard,
            ImagePlacement placement,
            MemoryFacts ownMemory)
            throws InvalidConfigurationException {
        long shift = imageBoard.aliasShiftFrom(layoutBoard);
        if (shift == 0) {
            return placement;
        }
        ImagePlacement moved;
        try {
            moved = placement.withAliasShift(shift);
        } catch (IllegalArgumentException e) {
            throw mismatch(image, imageBoard, layoutBoard, placement, "the 32-bit address space");
        }
        if (ownMemory != null) {
            if (!inside(moved.linkedFlash(), ownMemory.flash())) {
                throw mismatch(image, imageBoard, layoutBoard, placement, "its flash " + shown(ownMemory.flash()));
            }
            if (!inside(moved.linkedRam(), ownMemory.sram())) {
                throw mismatch(image, imageBoard, layoutBoard, placement, "its SRAM " + shown(ownMemory.sram()));
            }
        }
        log.info(image + ": linked at " + moved.linkedFlash() + " with RAM " + moved.linkedRam() + ": "
                + placement.describe() + " at " + placement.flash() + " of the layout of board " + layoutBoard.name()
                + ", seen through the alias of board " + imageBoard.name() + " (" + offsetText(imageBoard) + ")");
        return moved;
    }

    private static InvalidConfigurationException mismatch(
            String image,
            BoardDefinition imageBoard,
            BoardDefinition layoutBoard,
            ImagePlacement placement,
            String outside) {
        InvalidConfigurationException error = new InvalidConfigurationException("Image '" + image + "' on board "
                + imageBoard.name() + " (" + offsetText(imageBoard) + ") is placed in the layout of board "
                + layoutBoard.name() + " (" + offsetText(layoutBoard) + "): its flash " + placement.flash()
                + " and RAM " + placement.ram() + " move by " + signedHex(imageBoard.aliasShiftFrom(layoutBoard))
                + ", which leaves " + outside + ". The boards of one domain must describe the same memory, each"
                + " through its own alias: check memory.alias-offset in their board.properties and zephyr,flash and"
                + " zephyr,sram in their devicetrees");
        error.blameImage(image);
        return error;
    }

    private static boolean inside(MemoryRegion region, io.multiimage.core.devicetree.MemoryRegion memory) {
        return region.origin() >= memory.address() && region.end() <= memory.end();
    }

    private static String shown(io.multiimage.core.devicetree.MemoryRegion memory) {
        return new MemoryRegion(memory.address(), memory.size()).toString();
    }

    private static String offsetText(BoardDefinition board) {
        return "memory.alias-offset " + hex(board.memoryAliasOffset());
    }

    private static String hex(long value) {
        return MemoryRegion.hex(value);
    }

    private static String signedHex(long value) {
        return value < 0 ? "-" + hex(-value) : "+" + hex(value);
    }
}
