package io.multiimage.core.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.Layout;
import io.multiimage.partition.PartitionManager;
import io.multiimage.partition.RequestSource;
import io.multiimage.partition.StandardRegions;
import io.multiimage.testkit.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The overlay docs/devicetree-bridge.md shows for the secure-boot sample is what the exporter
 * writes for it: the sample's b0 and mcuboot requests placed on its board, exported for app.
 */
class SecureBootSampleOverlayTest {

    @Test
    void theDocumentedOverlayIsTheExportersOutput() throws Exception {
        Path sample = ProjectPaths.root().resolve("samples/secure-boot");
        Board board = BoardCatalog.shipped().lookup("qemu_cortex_m3");
        MemoryFacts facts = board.memoryFacts();
        Layout layout = new PartitionManager()
                .place(DomainConfig.root(
                        List.of(
                                RequestSource.ofFile(sample.resolve("b0/pm.yml")),
                                RequestSource.ofFile(sample.resolve("mcuboot/pm.yml"))),
                        null,
                        List.of(
                                StandardRegions.sramPrimary(
                                        facts.sram().address(), facts.sram().size()),
                                StandardRegions.flashPrimary(
                                        facts.flash().address(), facts.flash().size(), null))));
        String overlay = new DevicetreeExporter(RegionNodes.standard())
                .overlay(layout.toOutputDomain(), "partitions.yml", board.devicetree(), "app", "app");
        String doc = Files.readString(ProjectPaths.root().resolve("docs/devicetree-bridge.md"));
        assertTrue(doc.contains("```dts\n" + overlay + "```\n"), "docs/devicetree-bridge.md should show:\n" + overlay);
    }
}
