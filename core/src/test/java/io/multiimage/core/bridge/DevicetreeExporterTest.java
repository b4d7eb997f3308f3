package io.multiimage.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.devicetree.MemoryFactsExtractor;
import io.multiimage.partition.OutputDomain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay of one image: its text, what a merge with the board makes of it, and the layouts it refuses. */
class DevicetreeExporterTest {

    private static final Path GOLDEN = GoldenDomains.root();

    static GoldenDomains.Domain golden(String caseName, String file) throws IOException {
        return GoldenDomains.load(
                caseName, GOLDEN.resolve(caseName).resolve("expected").resolve(file));
    }

    static DeviceTree board(String name) throws InvalidConfigurationException {
        return BoardCatalog.shipped().lookup(name).devicetree();
    }

    static String expected(String resource) throws IOException {
        try (var in = DevicetreeExporterTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void mcubootLayoutOnTheNrf52840dkIsTheCheckedInOverlay() throws Exception {
        GoldenDomains.Domain domain = golden("mcuboot-app", "partitions.yml");
        String overlay = new DevicetreeExporter(RegionNodes.standard())
                .overlay(domain.layout(), "partitions.yml", board("nrf52840dk/nrf52840"), "app", "app");
        Files.writeString(Path.of("target/mcuboot-app-nrf52840dk.overlay"), overlay);
        assertEquals(expected("mcuboot-app-nrf52840dk.overlay"), overlay);
    }

    @Test
    void crossingContainersGoToASecondTable() throws Exception {
        GoldenDomains.Domain domain = golden("nrf9160-tfm-otp", "partitions.yml");
        String overlay = new DevicetreeExporter(RegionNodes.parse(List.of("otp=otp_region")))
                .overlay(domain.layout(), "partitions.yml", withOtpNode(), "app", "app");
        Files.writeString(Path.of("target/nrf9160-tfm.overlay"), overlay);
        assertEquals(expected("nrf9160-tfm-otp.overlay"), overlay);
    }

    private static DeviceTree withOtpNode() throws Exception {
        Path dir = Files.createTempDirectory("otp");
        Path extra = dir.resolve("otp.overlay");
        Files.writeString(extra, "/ {\n\totp_region: otp@ff8108 {\n\t\treg = <0xff8108 0x2f4>;\n\t};\n};\n");
        var board = BoardCatalog.shipped().lookup("nrf9160dk/nrf9160");
        List<Path> overlays = new java.util.ArrayList<>(board.boardOverlays());
        overlays.add(extra);
        return new DevicetreeMerger().merge(board.dts(), overlays, board.includeDirs());
    }

    @Test
    void theSameInputsGiveTheSameBytes() throws Exception {
        GoldenDomains.Domain domain = golden("b0-s0-s1-mcuboot-app", "partitions.yml");
        DevicetreeExporter exporter = new DevicetreeExporter(RegionNodes.standard());
        String first = exporter.overlay(domain.layout(), "partitions.yml", board("nrf52840dk/nrf52840"), "app", "app");
        String second = new DevicetreeExporter(RegionNodes.standard())
                .overlay(
                        golden("b0-s0-s1-mcuboot-app", "partitions.yml").layout(),
                        "partitions.yml",
                        board("nrf52840dk/nrf52840"),
                        "app",
                        "app");
        assertEquals(first, second);
    }

    @Test
    void theMergedTreeRunsEachImageFromItsPartitionAndKeepsNoBoardPartition(@TempDir Path dir) throws Exception {
        GoldenDomains.Domain domain = golden("mcuboot-app", "partitions.yml");
        var board = BoardCatalog.shipped().lookup("nrf52840dk/nrf52840");
        for (String image : List.of("app", "mcuboot")) {
            Path overlay = dir.resolve(image + ".overlay");
            Files.writeString(
                    overlay,
                    new DevicetreeExporter(RegionNodes.standard())
                            .overlay(domain.layout(), "partitions.yml", board.devicetree(), image, image));
            DeviceTree merged = new DevicetreeMerger().merge(board.dts(), List.of(overlay), board.includeDirs());
            MemoryFacts facts = MemoryFactsExtractor.extract(merged);
            var code = merged.chosen("zephyr,code-partition").orElseThrow();
            long address = ((Number) domain.layout().partitions().get(image).get("address")).longValue();
            long size = ((Number) domain.layout().partitions().get(image).get("size")).longValue();
            assertEquals(
                    List.of(image, address, size),
                    List.of(
                            code.property("label").orElseThrow().value().string(),
                            absolute(merged, code.path()),
                            code.property("reg").orElseThrow().value().cells()[1]),
                    image);
            // the board's image-1 partition is gone: only the layout's partitions remain
            assertTrue(
                    facts.partitionTables().stream()
                            .flatMap(t -> t.partitions().stream())
                            .noneMatch(p -> p.label().orElse("").equals("image-1")),
                    image);
            assertEquals(
                    0x20000000L,
                    merged.chosen("zephyr,sram")
                            .orElseThrow()
                            .property("reg")
                            .orElseThrow()
                            .value()
                            .cells()[0]);
        }
    }

    /** A partition's address: its offsets up through the containers' ranges, plus the flash base (0 here). */
    static long absolute(DeviceTree tree, String path) throws Exception {
        long address = 0;
        var node = tree.node(path).orElseThrow();
        address += node.property("reg").orElseThrow().value().cells()[0];
        for (var up = node.parent().orElseThrow();
                up.property("ranges").isPresent();
                up = up.parent().orElseThrow()) {
            long[] ranges = up.property("ranges").orElseThrow().value().cells();
            address += ranges[1] - ranges[0];
        }
        return address;
    }

    @Test
    void aRegionWithoutANodeIsRefusedNamingHowToMapIt() throws Exception {
        GoldenDomains.Domain domain = golden("nrf9160-tfm-otp", "partitions.yml");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new DevicetreeExporter(RegionNodes.standard())
                        .overlay(domain.layout(), "partitions.yml", board("nrf9160dk/nrf9160"), "app", "app"));
        assertEquals(
                "partitions.yml: region 'otp' has no node in the devicetree: no node is labelled 'otp';"
                        + " name one with otp=NODE_LABEL",
                e.getMessage());
    }

    @Test
    void aLayoutLargerThanTheBoardsFlashIsRefused() throws Exception {
        GoldenDomains.Domain domain = golden("mcuboot-app", "partitions.yml");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new DevicetreeExporter(RegionNodes.standard())
                        .overlay(domain.layout(), "partitions.yml", board("qemu_cortex_m3"), "app", "app"));
        assertTrue(
                e.getMessage()
                        .startsWith("partitions.yml: partition 'mcuboot_primary' (0xc000, 0x79000 bytes)"
                                + " of region flash_primary lies outside /soc/flash-controller@400fd000/flash@0"),
                e.getMessage());
    }

    @Test
    void anImageInARamPartitionIsRefused() throws Exception {
        GoldenDomains.Domain domain = golden("mcuboot-app", "partitions.yml");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new DevicetreeExporter(RegionNodes.standard())
                        .overlay(
                                domain.layout(),
                                "partitions.yml",
                                board("nrf52840dk/nrf52840"),
                                "app",
                                "sram_primary"));
        assertTrue(
                e.getMessage()
                        .startsWith("partitions.yml: image 'app' is placed in partition 'sram_primary',"
                                + " which is not a flash partition of the layout"),
                e.getMessage());
    }

    @Test
    void aPartitionLabelTheBoardUsesForAnotherNodeIsRefused() throws Exception {
        OutputDomain layout = OutputDomain.parse(
                "",
                "partitions.yml",
                "app:\n  address: 0x0\n  end_address: 0x80000\n  region: flash_primary\n  size: 0x80000\n"
                        + "gpio0:\n  address: 0x80000\n  end_address: 0x100000\n  region: flash_primary\n  size: 0x80000\n",
                "regions.yml",
                "flash_primary:\n  base_address: 0x0\n  size: 0x100000\n");
        DeviceTree tree = boardWithLabel("gpio0_partition");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new DevicetreeExporter(RegionNodes.standard())
                        .overlay(layout, "partitions.yml", tree, "app", "app"));
        assertEquals(
                "partitions.yml: the label 'gpio0_partition' for partition 'gpio0' is already used by a node of"
                        + " the devicetree",
                e.getMessage());
    }

    private static DeviceTree boardWithLabel(String label) throws Exception {
        Path dir = Files.createTempDirectory("label");
        Path extra = dir.resolve("label.overlay");
        Files.writeString(extra, "/ {\n\t" + label + ": something {\n\t};\n};\n");
        var board = BoardCatalog.shipped().lookup("nrf52840dk/nrf52840");
        return new DevicetreeMerger().merge(board.dts(), List.of(extra), board.includeDirs());
    }
}
