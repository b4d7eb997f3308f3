package io.multiimage.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeException;
import io.multiimage.core.devicetree.DevicetreeMerger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devicetree partition tables read as a static layout, and the tables the importer refuses with FILE:LINE. */
class DevicetreeImporterTest {

    @TempDir
    Path dir;

    /** A board whose flash (1 MiB at 0x0) holds {@code partitions} (the body of its partitions node). */
    private DeviceTree board(String partitions) throws Exception {
        Path file = dir.resolve("board.dts");
        Files.writeString(
                file,
                "/dts-v1/;\n\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n\n"
                        + "\tchosen {\n\t\tzephyr,flash = &flash0;\n\t\tzephyr,sram = &sram0;\n\t};\n\n"
                        + "\tsram0: memory@20000000 {\n\t\treg = <0x20000000 0x10000>;\n\t};\n\n"
                        + "\tflash-controller@4001e000 {\n\t\treg = <0x4001e000 0x1000>;\n"
                        + "\t\t#address-cells = <1>;\n\t\t#size-cells = <1>;\n\n"
                        + "\t\tflash0: flash@0 {\n\t\t\tcompatible = \"soc-nv-flash\";\n\t\t\treg = <0x0 0x100000>;\n\n"
                        + "\t\t\tpartitions {\n\t\t\t\tcompatible = \"fixed-partitions\";\n"
                        + partitions + "\t\t\t};\n\t\t};\n\t};\n};\n");
        return new DevicetreeMerger().parse(file, List.of());
    }

    private static final String CELLS = "\t\t\t\t#address-cells = <1>;\n\t\t\t\t#size-cells = <1>;\n";

    private DevicetreeException refused(String partitions) {
        return assertThrows(
                DevicetreeException.class,
                () -> new DevicetreeImporter(RegionNodes.standard()).read(board(partitions)));
    }

    @Test
    void aStockZephyrBoardGivesThePartitionManagersNames() throws Exception {
        ImportedLayout layout = new DevicetreeImporter(RegionNodes.standard())
                .read(BoardCatalog.shipped().lookup("nrf52840dk/nrf52840").devicetree());
        assertEquals(
                Map.of(
                        "mcuboot", "0x0 0xc000 flash_primary []",
                        "mcuboot_primary", "0xc000 0x76000 flash_primary []",
                        "mcuboot_secondary", "0x82000 0x76000 flash_primary []",
                        "storage", "0xf8000 0x8000 flash_primary []"),
                RoundTripTest.summary(layout.partitions()));
        assertEquals(java.util.Optional.of("mcuboot_primary"), layout.codePartition());
    }

    @Test
    void aNetworkCoreFlashCountsFromItsBase() throws Exception {
        ImportedLayout layout = new DevicetreeImporter(RegionNodes.standard())
                .read(BoardCatalog.shipped().lookup("nrf5340dk/nrf5340/cpunet").devicetree());
        assertEquals(
                "0x100c000 0x12000 flash_primary []",
                RoundTripTest.summary(layout.partitions()).get("mcuboot_primary"));
    }

    @Test
    void pmStaticYamlListsEveryPartitionWithItsRegionAndContainersWithTheirSpan() throws Exception {
        ImportedLayout layout = new DevicetreeImporter(RegionNodes.standard())
                .read(board(CELLS
                        + "\t\t\t\tslot: partition@0 {\n\t\t\t\t\tcompatible = \"fixed-subpartitions\";\n"
                        + "\t\t\t\t\tlabel = \"slot\";\n\t\t\t\t\treg = <0x0 0x3000>;\n\t\t\t\t\tranges = <0x0 0x0 0x3000>;\n"
                        + "\t\t\t\t\t#address-cells = <1>;\n\t\t\t\t\t#size-cells = <1>;\n"
                        + "\t\t\t\t\tpartition@0 {\n\t\t\t\t\t\tlabel = \"pad\";\n\t\t\t\t\t\treg = <0x0 0x200>;\n\t\t\t\t\t};\n"
                        + "\t\t\t\t\tpartition@200 {\n\t\t\t\t\t\tlabel = \"body\";\n\t\t\t\t\t\treg = <0x200 0x2e00>;\n"
                        + "\t\t\t\t\t};\n\t\t\t\t};\n"));
        assertEquals(
                "# from board.dts\n"
                        + "body:\n  address: 0x200\n  end_address: 0x3000\n  region: flash_primary\n  size: 0x2e00\n"
                        + "pad:\n  address: 0x0\n  end_address: 0x200\n  region: flash_primary\n  size: 0x200\n"
                        + "slot:\n  address: 0x0\n  end_address: 0x3000\n  region: flash_primary\n  size: 0x3000\n"
                        + "  span:\n  - pad\n  - body\n",
                layout.pmStaticYaml(List.of("from board.dts")));
    }

    @Test
    void overlappingPartitionsAreRefusedNamingBothPlaces() {
        DevicetreeException e = refused(CELLS
                + "\t\t\t\tpartition@0 {\n\t\t\t\t\tlabel = \"a\";\n\t\t\t\t\treg = <0x0 0x2000>;\n\t\t\t\t};\n"
                + "\t\t\t\tpartition@1000 {\n\t\t\t\t\tlabel = \"b\";\n\t\t\t\t\treg = <0x1000 0x2000>;\n\t\t\t\t};\n");
        assertEquals(
                dir.resolve("board.dts") + ":33: partition 'b' (0x1000..0x3000) overlaps partition 'a'"
                        + " (0x0..0x2000) defined at " + dir.resolve("board.dts") + ":29",
                e.getMessage());
    }

    @Test
    void aPartitionWithoutANameIsRefused() {
        DevicetreeException e = refused(CELLS
                + "\t\t\t\tpartition@0 {\n\t\t\t\t\tlabel = \"image-0\";\n\t\t\t\t\treg = <0x0 0x2000>;\n\t\t\t\t};\n");
        assertEquals(
                dir.resolve("board.dts") + ":29: partition /flash-controller@4001e000/flash@0/partitions/"
                        + "partition@0 has no name: give it a label property naming it (label = \"storage\";), not"
                        + " \"image-0\", or a node label ending in _partition",
                e.getMessage());
    }

    @Test
    void aPartitionPastTheEndOfTheFlashIsRefused() {
        DevicetreeException e = refused(CELLS
                + "\t\t\t\tpartition@f0000 {\n\t\t\t\t\tlabel = \"big\";\n\t\t\t\t\treg = <0xf0000 0x20000>;\n"
                + "\t\t\t\t};\n");
        assertEquals(
                dir.resolve("board.dts") + ":31: partition /flash-controller@4001e000/flash@0/partitions/"
                        + "partition@f0000 (offset 0xf0000, 0x20000 bytes) reaches past the end of"
                        + " /flash-controller@4001e000/flash@0 (0x100000 bytes)",
                e.getMessage());
    }

    @Test
    void threeAddressCellsAreRefused() {
        DevicetreeException e = refused(
                "\t\t\t\t#address-cells = <3>;\n\t\t\t\t#size-cells = <1>;\n"
                        + "\t\t\t\tpartition@0 {\n\t\t\t\t\tlabel = \"a\";\n\t\t\t\t\treg = <0x0 0x0 0x0 0x2000>;\n\t\t\t\t};\n");
        assertEquals(
                dir.resolve("board.dts") + ":27: #address-cells = <3> of /flash-controller@4001e000/flash@0/"
                        + "partitions is not supported: addresses and sizes of at most 2 cells (64 bits)",
                e.getMessage());
    }

    @Test
    void zeroSizeCellsAreRefusedAtTheProperty() {
        DevicetreeException e = refused("\t\t\t\t#address-cells = <1>;\n\t\t\t\t#size-cells = <0>;\n"
                + "\t\t\t\tpartition@0 {\n\t\t\t\t\tlabel = \"a\";\n\t\t\t\t\treg = <0x0>;\n\t\t\t\t};\n");
        assertEquals(
                dir.resolve("board.dts") + ":28: #size-cells = <0> of /flash-controller@4001e000/flash@0/"
                        + "partitions is not supported: addresses and sizes of 1 or 2 cells",
                e.getMessage());
    }

    @Test
    void aPartitionWithTwoRegEntriesIsRefused() {
        DevicetreeException e = refused(CELLS
                + "\t\t\t\tpartition@0 {\n\t\t\t\t\tlabel = \"a\";\n\t\t\t\t\treg = <0x0 0x1000 0x2000 0x1000>;\n"
                + "\t\t\t\t};\n");
        assertEquals(
                dir.resolve("board.dts") + ":31: 'reg' of partition /flash-controller@4001e000/flash@0/"
                        + "partitions/partition@0 has 2 (address, size) entries; a partition has exactly one",
                e.getMessage());
    }

    @Test
    void aSecondTablePartitionCoveringPartOfAPartitionIsRefused() throws Exception {
        Path file = dir.resolve("board.dts");
        board(CELLS + "\t\t\t\tpartition@0 {\n\t\t\t\t\tlabel = \"a\";\n\t\t\t\t\treg = <0x0 0x2000>;\n\t\t\t\t};\n");
        String text = Files.readString(file)
                .replace(
                        "\t\t};\n\t};\n};\n",
                        "\t\t\toverlapping-partitions {\n"
                                + "\t\t\t\tcompatible = \"fixed-partitions\";\n" + CELLS
                                + "\t\t\t\tpartition@1000 {\n\t\t\t\t\tlabel = \"half\";\n\t\t\t\t\treg = <0x1000 0x2000>;\n"
                                + "\t\t\t\t};\n\t\t\t};\n\t\t};\n\t};\n};\n");
        Files.writeString(file, text);
        DevicetreeException e = assertThrows(
                DevicetreeException.class,
                () -> new DevicetreeImporter(RegionNodes.standard())
                        .read(new DevicetreeMerger().parse(file, List.of())));
        assertEquals(
                file + ":38: partition 'half' (0x1000..0x3000) covers part of partition 'a' (0x0..0x2000)"
                        + " defined at " + file
                        + ":29; a partition of a second table must cover whole partitions of the first",
                e.getMessage());
    }

    @Test
    void aTableUnderANodeOfNoRegionIsLeftOutWithAWarning() throws Exception {
        ImportedLayout layout = new DevicetreeImporter(RegionNodes.standard())
                .read(BoardCatalog.shipped().lookup("nrf9160dk/nrf9160").devicetree());
        assertEquals(
                List.of(),
                layout.warnings().stream()
                        .filter(w -> !w.contains("belong to no region"))
                        .toList());
    }
}
