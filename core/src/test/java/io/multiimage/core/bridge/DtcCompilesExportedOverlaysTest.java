package io.multiimage.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.devicetree.DtsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code dtc} compiles what the exporter writes, and the blob places every partition
 * where the layout does: for every golden layout (its board merged with the overlay by core's
 * merger and written by {@link DtsWriter}), and for shipped boards with the overlay included
 * after the board file through the C preprocessor, as Zephyr does.
 */
@Tag("tools")
class DtcCompilesExportedOverlaysTest {

    static List<GoldenDomains.Domain> domains() {
        return GoldenDomains.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void everyPartitionNodeOfTheCompiledTreeIsWhereTheLayoutPutsIt(GoldenDomains.Domain domain, @TempDir Path dir)
            throws Exception {
        String image = BridgeFixture.imagePartition(domain);
        BridgeFixture.Exported exported = BridgeFixture.export(domain, image, dir);
        Path dts = dir.resolve("merged.dts");
        Files.writeString(dts, DtsWriter.toDts(exported.merged()));
        DtcCheck dtc = DtcCheck.compile(dts, dir);
        List<LayoutPartition> partitions = LayoutPartitions.of(domain.layout(), domain.fileName());
        assertPlacedAsTheLayoutSays(dtc, partitions);
        dtc.assertChosen("zephyr,code-partition", ZephyrLabels.ownLabel(image));
    }

    @Test
    void theNrf52840dkWithTheMcubootLayoutThroughCpp(@TempDir Path dir) throws Exception {
        compileShippedBoard(
                "nrf52840dk/nrf52840",
                GoldenDomains.load("mcuboot-app", GoldenDomains.root().resolve("mcuboot-app/expected/partitions.yml")),
                List.of("app", "mcuboot"),
                dir);
    }

    @Test
    void theNrf5340NetworkCoreWithItsLayoutThroughCpp(@TempDir Path dir) throws Exception {
        compileShippedBoard(
                "nrf5340dk/nrf5340/cpunet",
                GoldenDomains.load(
                        "nrf5340-cpunet",
                        GoldenDomains.root().resolve("nrf5340-cpunet/expected/partitions_CPUNET.yml")),
                List.of("hci_ipc", "b0n"),
                dir);
    }

    private static void compileShippedBoard(
            String boardName, GoldenDomains.Domain domain, List<String> images, Path dir) throws Exception {
        Board board = BoardCatalog.shipped().lookup(boardName);
        List<LayoutPartition> partitions = LayoutPartitions.of(domain.layout(), domain.fileName());
        for (String image : images) {
            Path overlay = dir.resolve(image + ".overlay");
            Files.writeString(
                    overlay,
                    new DevicetreeExporter(RegionNodes.standard())
                            .overlay(domain.layout(), domain.fileName(), board.devicetree(), image, image));
            List<Path> overlays = new ArrayList<>(board.boardOverlays());
            overlays.add(overlay);
            Path dts = DtcCheck.preprocess(board.dts(), overlays, board.includeDirs(), dir);
            DtcCheck dtc = DtcCheck.compile(dts, dir);
            assertPlacedAsTheLayoutSays(dtc, partitions);
            dtc.assertChosen("zephyr,code-partition", ZephyrLabels.ownLabel(image));
            dtc.assertChosen("zephyr,sram", ZephyrLabels.ownLabel("sram_primary"));
        }
    }

    private static void assertPlacedAsTheLayoutSays(DtcCheck dtc, List<LayoutPartition> partitions) {
        List<String> labels =
                partitions.stream().map(p -> ZephyrLabels.ownLabel(p.name())).toList();
        Map<String, String> paths = dtc.paths(labels);
        Map<String, String> placed = dtc.placements(new ArrayList<>(paths.values()));
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (LayoutPartition p : partitions) {
            expected.put(p.name(), String.format("0x%x 0x%x", p.address(), p.size()));
            actual.put(p.name(), placed.get(paths.get(ZephyrLabels.ownLabel(p.name()))));
        }
        assertEquals(expected, actual);
    }
}
