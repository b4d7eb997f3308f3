package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.board.BoardDefinition;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.toolchain.MemoryRegion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AliasPlacementTest {

    private final RecordingLog log = new RecordingLog();

    @Test
    void secureImageInANonSecureLayoutIsLinkedAtTheSecureAlias() throws Exception {
        ImagePlacement spm = new ImagePlacement(
                "CPUAPP", "spm", new MemoryRegion(0x0, 0x10000), 0x0, new MemoryRegion(0x28000000L, 0x10000), false);

        ImagePlacement moved = new AliasPlacement(log)
                .place("spm", board("mps2/an505"), board("mps2/an505/ns"), spm, facts("mps2/an505"));

        assertEquals(0x10000000L, moved.aliasShift());
        assertEquals(
                "0x10000000..0x10010000 (0x10000 bytes)", moved.linkedFlash().toString());
        assertEquals(0x10000000L, moved.linkedFlashBase());
        assertEquals("0x38000000..0x38010000 (0x10000 bytes)", moved.linkedRam().toString());
        // The layout's own addresses stay: pm_config.h and partitions.yml speak them.
        assertEquals(spm.flash(), moved.flash());
        assertEquals(spm.ram(), moved.ram());
        assertEquals(0L, moved.loadOffset());
        assertEquals(
                "spm: linked at 0x10000000..0x10010000 (0x10000 bytes) with RAM 0x38000000..0x38010000 (0x10000"
                        + " bytes): partition spm at 0x0..0x10000 (0x10000 bytes) of the layout of board mps2/an505/ns, seen"
                        + " through the alias of board mps2/an505 (memory.alias-offset 0x10000000)",
                log.at("INFO").get(0));
    }

    @Test
    void nonSecureImageInASecureLayoutMovesTheOtherWay() throws Exception {
        ImagePlacement app = new ImagePlacement(
                "CPUAPP",
                "app",
                new MemoryRegion(0x10010000L, 0x3f0000),
                0x10000000L,
                new MemoryRegion(0x38010000L, 0x3f0000),
                false);

        ImagePlacement moved = new AliasPlacement(log)
                .place("app", board("mps2/an505/ns"), board("mps2/an505"), app, facts("mps2/an505/ns"));

        assertEquals("0x10000..0x400000 (0x3f0000 bytes)", moved.linkedFlash().toString());
        assertEquals(
                "0x28010000..0x28400000 (0x3f0000 bytes)", moved.linkedRam().toString());
    }

    @Test
    void boardsThatSeeMemoryAlikeLeaveThePlacementAsItIs() throws Exception {
        // The nRF9160's secure and non-secure boards have no alias: nothing moves, nothing is logged.
        ImagePlacement spm = new ImagePlacement(
                "CPUAPP", "spm", new MemoryRegion(0x0, 0x10000), 0x0, new MemoryRegion(0x20000000L, 0x8000), false);

        ImagePlacement same = new AliasPlacement(log)
                .place(
                        "spm",
                        board("nrf9160dk/nrf9160"),
                        board("nrf9160dk/nrf9160/ns"),
                        spm,
                        facts("nrf9160dk/nrf9160"));

        assertSame(spm, same);
        assertEquals(spm.flash(), same.linkedFlash());
        assertEquals(spm.ram(), same.linkedRam());
        assertTrue(log.lines().isEmpty(), log.lines().toString());
    }

    @Test
    void aPartitionThatLeavesTheImagesOwnFlashNamesBothBoards() throws Exception {
        // The secure board's devicetree describes less flash than the layout lends the image.
        ImagePlacement spm = new ImagePlacement(
                "CPUAPP",
                "spm",
                new MemoryRegion(0x3f0000, 0x20000),
                0x0,
                new MemoryRegion(0x28000000L, 0x10000),
                false);

        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> new AliasPlacement(log)
                        .place("spm", board("mps2/an505"), board("mps2/an505/ns"), spm, facts("mps2/an505")));

        assertEquals(
                "Image 'spm' on board mps2/an505 (memory.alias-offset 0x10000000) is placed in the layout of"
                        + " board mps2/an505/ns (memory.alias-offset 0x0): its flash 0x3f0000..0x410000 (0x20000 bytes) and"
                        + " RAM 0x28000000..0x28010000 (0x10000 bytes) move by +0x10000000, which leaves its flash"
                        + " 0x10000000..0x10400000 (0x400000 bytes). The boards of one domain must describe the same memory,"
                        + " each through its own alias: check memory.alias-offset in their board.properties and zephyr,flash"
                        + " and zephyr,sram in their devicetrees",
                error.getMessage());
        assertEquals(Optional.of("spm"), error.culpritImage());
    }

    @Test
    void aRamThatLeavesTheImagesOwnSramIsRefusedToo() throws Exception {
        ImagePlacement spm = new ImagePlacement(
                "CPU0", "spm", new MemoryRegion(0x0, 0x10000), 0x0, new MemoryRegion(0x28200000L, 0x10000), false);

        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> new AliasPlacement(log)
                        .place(
                                "spm",
                                board("mps2/an521/cpu0"),
                                board("mps2/an521/cpu0/ns"),
                                spm,
                                facts("mps2/an521/cpu0")));

        assertTrue(
                error.getMessage().contains("which leaves its SRAM 0x38000000..0x38200000 (0x200000 bytes)"),
                error.getMessage());
    }

    @Test
    void withoutTheImagesOwnMemoryFactsOnlyTheMoveIsMade() throws Exception {
        // Another module's image: this build does not read its devicetree, that module checks it.
        ImagePlacement spm = new ImagePlacement(
                "CPUAPP",
                "spm",
                new MemoryRegion(0x3f0000, 0x20000),
                0x0,
                new MemoryRegion(0x28000000L, 0x10000),
                false);

        ImagePlacement moved =
                new AliasPlacement(log).place("spm", board("mps2/an505"), board("mps2/an505/ns"), spm, null);

        assertEquals(0x103f0000L, moved.linkedFlash().origin());
    }

    @Test
    void describeNamesTheLayoutAddressOfAMovedImage() throws Exception {
        ImagePlacement spm = new ImagePlacement(
                "CPUAPP", "spm", new MemoryRegion(0x0, 0x10000), 0x0, new MemoryRegion(0x28000000L, 0x10000), false);
        assertEquals("partition spm", spm.describe());
        assertEquals(
                "partition spm at 0x0..0x10000 (0x10000 bytes) in the layout",
                spm.withAliasShift(0x10000000L).describe());
    }

    private static BoardDefinition board(String name) throws InvalidConfigurationException {
        return BoardCatalog.shipped().lookup(name).definition();
    }

    private static MemoryFacts facts(String name) throws Exception {
        return BoardCatalog.shipped().lookup(name).memoryFacts();
    }
}
