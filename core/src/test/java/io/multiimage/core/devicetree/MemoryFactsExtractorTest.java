package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemoryFactsExtractorTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "qemu_cortex_m3,            0x0,        0x40000,  0x20000000, 0x10000",
        "nrf52840dk/nrf52840,       0x0,        0x100000, 0x20000000, 0x40000",
        "nrf5340dk/nrf5340/cpuapp,  0x0,        0x100000, 0x20000000, 0x80000",
        "nrf5340dk/nrf5340/cpunet,  0x1000000,  0x40000,  0x21000000, 0x10000",
        "nrf9160dk/nrf9160,         0x0,        0x100000, 0x20000000, 0x40000",
        "nrf9160dk/nrf9160/ns,      0x0,        0x100000, 0x20020000, 0x20000"
    })
    void shippedBoardsHaveTheirDocumentedMemoryMaps(
            String name, String flashBase, String flashSize, String sramBase, String sramSize) throws Exception {
        MemoryFacts facts = BoardCatalog.shipped().lookup(name).memoryFacts();
        assertEquals(Long.decode(flashBase), facts.flash().address());
        assertEquals(Long.decode(flashSize), facts.flash().size());
        assertEquals(Long.decode(sramBase), facts.sram().address());
        assertEquals(Long.decode(sramSize), facts.sram().size());
    }

    @Test
    void qemuBoardFlashAndSramComeFromChosenNodes() throws Exception {
        MemoryFacts facts = BoardCatalog.shipped().lookup("qemu_cortex_m3").memoryFacts();
        assertEquals(
                new MemoryRegion("/soc/flash-controller@400fd000/flash@0", List.of("flash0"), 0, 0x40000),
                facts.flash());
        assertEquals(new MemoryRegion("/memory@20000000", List.of("sram0"), 0x20000000L, 0x10000), facts.sram());
        assertEquals(0x20010000L, facts.sram().end());
        assertTrue(facts.externalFlash().isEmpty());
    }

    @Test
    void partitionTableListsNamesLabelsOffsetsAndSizes() throws Exception {
        MemoryFacts facts = BoardCatalog.shipped().lookup("qemu_cortex_m3").memoryFacts();
        assertEquals(1, facts.partitionTables().size());
        PartitionTable table = facts.partitionTables().get(0);
        String flash = "/soc/flash-controller@400fd000/flash@0";
        assertEquals(flash, table.flashDevicePath());
        assertEquals(Optional.of(0L), table.flashBase());
        assertEquals(
                List.of(
                        new FlashPartition(
                                flash + "/partitions/partition@0",
                                List.of("boot_partition"),
                                Optional.of("mcuboot"),
                                0,
                                0x8000,
                                true),
                        new FlashPartition(
                                flash + "/partitions/partition@8000",
                                List.of("slot0_partition"),
                                Optional.of("image-0"),
                                0x8000,
                                0x1a000,
                                false),
                        new FlashPartition(
                                flash + "/partitions/partition@22000",
                                List.of("slot1_partition"),
                                Optional.of("image-1"),
                                0x22000,
                                0x1a000,
                                false),
                        new FlashPartition(
                                flash + "/partitions/partition@3c000",
                                List.of("scratch_partition"),
                                Optional.of("image-scratch"),
                                0x3c000,
                                0x2000,
                                false),
                        new FlashPartition(
                                flash + "/partitions/partition@3e000",
                                List.of("storage_partition"),
                                Optional.of("storage"),
                                0x3e000,
                                0x2000,
                                false)),
                table.partitions());
        assertEquals(Optional.of(flash + "/partitions/partition@8000"), facts.codePartitionPath());
        assertEquals(
                "slot0_partition",
                facts.codePartition().orElseThrow().nodeLabels().get(0));
        assertEquals(Optional.of(table), facts.partitionsOf(flash));
    }

    @Test
    void networkCorePartitionsAreRelativeToItsFlashBase() throws Exception {
        MemoryFacts facts =
                BoardCatalog.shipped().lookup("nrf5340dk/nrf5340/cpunet").memoryFacts();
        PartitionTable table = facts.partitionsOf(facts.flash().nodePath()).orElseThrow();
        assertEquals(Optional.of(0x1000000L), table.flashBase());
        assertEquals(0xc000, facts.codePartition().orElseThrow().offset());
        assertEquals(0x12000, facts.codePartition().orElseThrow().size());
        long total = table.partitions().stream().mapToLong(FlashPartition::size).sum();
        assertEquals(facts.flash().size(), total);
    }

    @Test
    void qspiFlashOfTheNrf52840dkIsFoundWithItsSizeInBytes() throws Exception {
        MemoryFacts facts = BoardCatalog.shipped().lookup("nrf52840dk/nrf52840").memoryFacts();
        assertEquals(
                List.of(new ExternalFlash(
                        "/soc/qspi@40029000/mx25r6435f@0",
                        List.of("mx25r64"),
                        "nordic,qspi-nor",
                        8 * 1024 * 1024,
                        true)),
                facts.externalFlash());
    }

    @Test
    void spiFlashAppearsOnlyFromTheBoardRevisionThatHasIt() throws Exception {
        BoardCatalog catalog = BoardCatalog.shipped();
        assertTrue(catalog.lookup("nrf9160dk/nrf9160/ns")
                .memoryFacts()
                .externalFlash()
                .isEmpty());
        List<ExternalFlash> external =
                catalog.lookup("nrf9160dk@0.14.0/nrf9160/ns").memoryFacts().externalFlash();
        assertEquals(
                List.of(new ExternalFlash(
                        "/soc/peripheral@40000000/spi@b000/mx25r6435f@0",
                        List.of("mx25r64"),
                        "jedec,spi-nor",
                        8 * 1024 * 1024,
                        true)),
                external);
    }

    @Test
    void disabledControllerMakesTheExternalFlashDisabled() throws Exception {
        Board board = BoardCatalog.shipped().lookup("nrf52840dk/nrf52840");
        Path overlay = Files.writeString(work.resolve("off.overlay"), "&qspi {\n\tstatus = \"disabled\";\n};\n");
        MemoryFacts facts = MemoryFactsExtractor.extract(
                new DevicetreeMerger().merge(board.dts(), List.of(overlay), board.includeDirs()));
        assertFalse(facts.externalFlash().get(0).enabled());
    }

    @Test
    void overlaysChangeWhatPlacementSees() throws Exception {
        Path dir = Fixtures.dir("board-overlays/nrf52840dk_nrf52840");
        Board board = BoardCatalog.shipped().lookup("nrf52840dk/nrf52840");
        List<Path> overlays = new ArrayList<>(Fixtures.overlays(dir));
        MemoryFacts facts =
                MemoryFactsExtractor.extract(new DevicetreeMerger().merge(board.dts(), overlays, board.includeDirs()));
        FlashPartition code = facts.codePartition().orElseThrow();
        assertEquals(Optional.of("mcuboot"), code.label());
        assertEquals(48 * 1024, code.size());
        assertEquals(2, facts.partitionTables().size());
        PartitionTable internal = facts.partitionsOf(facts.flash().nodePath()).orElseThrow();
        assertEquals(
                List.of(0L, 0xc000L, 0x7c000L, 0xec000L),
                internal.partitions().stream().map(FlashPartition::offset).toList());
        PartitionTable external = facts.partitionTables().get(1);
        assertEquals("/soc/qspi@40029000/mx25r6435f@0", external.flashDevicePath());
        assertEquals(Optional.empty(), external.flashBase());
        assertEquals(0xe6000, external.partitions().get(0).size());
    }

    @Test
    void secureImageOverlayPointsSramAtTheSecurePart() throws Exception {
        Path dir = Fixtures.dir("board-overlays/nrf9160dk_nrf9160");
        Board board = BoardCatalog.shipped().lookup("nrf9160dk/nrf9160");
        MemoryFacts facts = MemoryFactsExtractor.extract(
                new DevicetreeMerger().merge(board.dts(), Fixtures.overlays(dir), board.includeDirs()));
        assertEquals(
                new MemoryRegion("/reserved-memory/image_s@20000000", List.of("sram0_s"), 0x20000000L, 0x10000),
                facts.sram());
    }

    @Test
    void flashPageSizeControllerAndPartitionManagerExternalFlashAreReported() throws Exception {
        Board board = BoardCatalog.shipped().lookup("nrf52840dk/nrf52840");
        assertEquals(Optional.of(4096L), board.memoryFacts().flashEraseBlockSize());
        assertEquals(Optional.of("flash_controller"), board.memoryFacts().flashControllerLabel());
        assertEquals(Optional.empty(), board.memoryFacts().pmExternalFlash());
        Path overlay = Files.writeString(
                work.resolve("ext.overlay"), "/ {\n\tchosen {\n\t\tnordic,pm-ext-flash = &mx25r64;\n\t};\n};\n");
        MemoryFacts facts = MemoryFactsExtractor.extract(
                new DevicetreeMerger().merge(board.dts(), List.of(overlay), board.includeDirs()));
        assertEquals(Optional.of(facts.externalFlash().get(0)), facts.pmExternalFlash());
        assertEquals(Optional.of("/soc/qspi@40029000/mx25r6435f@0"), facts.pmExternalFlashPath());
    }

    @Test
    void partitionManagerExternalFlashMustBeAnExternalFlash() throws Exception {
        Board board = BoardCatalog.shipped().lookup("nrf52840dk/nrf52840");
        Path overlay = Files.writeString(
                work.resolve("ext.overlay"), "/ {\n\tchosen {\n\t\tnordic,pm-ext-flash = &flash0;\n\t};\n};\n");
        DevicetreeException error = assertThrows(
                DevicetreeException.class,
                () -> MemoryFactsExtractor.extract(
                        new DevicetreeMerger().merge(board.dts(), List.of(overlay), board.includeDirs())));
        assertEquals(
                overlay + ":3: /chosen 'nordic,pm-ext-flash' names /soc/flash-controller@4001e000/flash@0,"
                        + " which is not an external flash (compatible jedec,spi-nor or nordic,qspi-nor)",
                error.getMessage());
    }

    @Test
    void twoCellAddressesAreCombined() throws Exception {
        DeviceTree tree = parse("/ {\n\t#address-cells = <2>;\n\t#size-cells = <2>;\n"
                + "\tchosen {\n\t\tzephyr,flash = &f;\n\t\tzephyr,sram = &s;\n\t};\n"
                + "\tf: flash@100000000 {\n\t\treg = <0x1 0x0 0x0 0x80000>;\n\t};\n"
                + "\ts: memory@0 {\n\t\treg = <0x0 0x20000000 0x0 0x8000>;\n\t};\n};\n");
        MemoryFacts facts = MemoryFactsExtractor.extract(tree);
        assertEquals(0x100000000L, facts.flash().address());
        assertEquals(0x80000, facts.flash().size());
        assertEquals(0x20000000L, facts.sram().address());
    }

    @Test
    void missingChosenFlashIsAnErrorThatSaysWhatToAdd() throws Exception {
        DeviceTree tree = parse("/ {\n\tchosen {\n\t\tzephyr,sram = &s;\n\t};\n"
                + "\ts: memory@0 {\n\t\treg = <0x20000000 0x8000>;\n\t};\n};\n");
        DevicetreeException error = assertThrows(DevicetreeException.class, () -> MemoryFactsExtractor.extract(tree));
        assertEquals(
                work.resolve("board.dts") + ":3: /chosen has no 'zephyr,flash' property;"
                        + " add e.g. 'zephyr,flash = &label;' to the board or an overlay",
                error.getMessage());
    }

    @Test
    void malformedRegIsAnErrorNamingTheCells() throws Exception {
        DeviceTree tree = parse("/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n"
                + "\tchosen {\n\t\tzephyr,flash = &f;\n\t\tzephyr,sram = &f;\n\t};\n"
                + "\tf: flash@0 {\n\t\treg = <0x0>;\n\t};\n};\n");
        DevicetreeException error = assertThrows(DevicetreeException.class, () -> MemoryFactsExtractor.extract(tree));
        assertEquals(
                work.resolve("board.dts") + ":10: 'reg' of /flash@0 has 4 bytes; expected (address, size)"
                        + " entries of 1+1 cells as #address-cells/#size-cells of / say",
                error.getMessage());
    }

    @Test
    void externalFlashWithoutSizeIsAnError() throws Exception {
        DeviceTree tree = parse("/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n"
                + "\tchosen {\n\t\tzephyr,flash = &f;\n\t\tzephyr,sram = &f;\n\t};\n"
                + "\tf: flash@0 {\n\t\treg = <0x0 0x1000>;\n\t};\n"
                + "\tnor {\n\t\tcompatible = \"jedec,spi-nor\";\n\t};\n};\n");
        DevicetreeException error = assertThrows(DevicetreeException.class, () -> MemoryFactsExtractor.extract(tree));
        assertEquals(
                work.resolve("board.dts") + ":12: external flash /nor (jedec,spi-nor) has no 'size' property"
                        + " (capacity in bits)",
                error.getMessage());
    }

    private DeviceTree parse(String root) throws Exception {
        Path board = Files.writeString(work.resolve("board.dts"), "/dts-v1/;\n" + root);
        return new DevicetreeMerger().parse(board, List.of());
    }
}
