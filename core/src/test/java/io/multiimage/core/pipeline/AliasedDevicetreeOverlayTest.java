package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.bridge.RegionNodes;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.devicetree.MemoryFactsExtractor;
import io.multiimage.core.devicetree.Node;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firmware:export-devicetree} for a domain whose images see memory through different
 * aliases: each image's overlay describes the layout as its own board sees the memory, so the
 * secure child's code partition and RAM are where it is linked.
 */
class AliasedDevicetreeOverlayTest {

    @TempDir
    Path project;

    @Test
    void theSecureChildsOverlayPlacesItsPartitionsAtTheSecureAlias() throws Exception {
        Samples.copy("spm-qemu", project);
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project),
                        "app",
                        List.of(
                                ImageDeclaration.builder("app", project.resolve("app"))
                                        .board("mps2/an505/ns")
                                        .children("spm")
                                        .build(),
                                ImageDeclaration.builder("spm", project.resolve("spm"))
                                        .build()),
                        project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 1, false, Optional.empty()))
                .build();
        ProcessLauncher noProcesses = spec -> {
            throw new AssertionError("no process may start: " + spec.commandLine());
        };
        RecordingLog log = new RecordingLog();
        PreparedTree tree =
                new FirmwareBuild(log, noProcesses, HexArtifactResolver.unavailable("none")).prepare(request);

        List<Path> written = DevicetreeOverlays.write(request, tree, RegionNodes.standard(), log);

        Path spmOverlay = project.resolve("app/target/firmware/spm/partitions.overlay");
        Path appOverlay = project.resolve("app/target/firmware/app/partitions.overlay");
        assertEquals(List.of(appOverlay, spmOverlay), written);
        DeviceTree spm = applied(BoardCatalog.shipped().lookup("mps2/an505"), spmOverlay);
        DeviceTree app = applied(BoardCatalog.shipped().lookup("mps2/an505/ns"), appOverlay);
        // Offsets into the code memory are the same in both views; absolute addresses differ by the alias.
        assertEquals(0x10000000L, address(spm, "zephyr,code-partition"));
        assertEquals(0x10000L, address(app, "zephyr,code-partition"));
        Node spmCode = spm.chosen("zephyr,code-partition").orElseThrow();
        assertEquals(
                List.of(0L, 0x10000L),
                List.of(MemoryFactsExtractor.firstReg(spmCode)[0], MemoryFactsExtractor.firstReg(spmCode)[1]));
        assertEquals(0x38000000L, MemoryFactsExtractor.extract(spm).sram().address());
        assertEquals(0x10000L, MemoryFactsExtractor.extract(spm).sram().size());
        assertEquals(0x28010000L, MemoryFactsExtractor.extract(app).sram().address());
        assertTrue(Files.readString(spmOverlay).contains("spm"), Files.readString(spmOverlay));
    }

    private static DeviceTree applied(Board board, Path overlay) throws Exception {
        return new DevicetreeMerger().merge(board.dts(), List.of(overlay), board.includeDirs());
    }

    /** The address of the partition a chosen property names: its parent's address plus its own offset. */
    private static long address(DeviceTree tree, String chosen) throws Exception {
        Node partition = tree.chosen(chosen).orElseThrow();
        Node device = partition.parent().orElseThrow().parent().orElseThrow();
        return MemoryFactsExtractor.firstReg(device)[0] + MemoryFactsExtractor.firstReg(partition)[0];
    }
}
