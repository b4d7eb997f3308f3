package io.multiimage.core.pipeline;

import io.multiimage.core.board.Board;
import io.multiimage.core.config.SelectedFile;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeException;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.devicetree.DtsWriter;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.devicetree.MemoryFactsExtractor;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Each image's effective devicetree: the board's dts, the board's own revision overlay, then
 * the overlays the configure step selected, merged and written as {@code zephyr.dts}. The
 * memory facts placement needs are read from the merged tree, so an overlay that moves
 * {@code zephyr,flash} or {@code zephyr,sram} is honoured.
 */
final class DevicetreeStage {

    /** Merges the devicetree of {@code image}, writes {@code zephyr.dts} in {@code imageDir}, logs to {@code log}. */
    MemoryFacts run(ConfiguredImage image, Path imageDir, BuildLog log) throws DevicetreeException, IOException {
        Board board = image.board();
        if (image.configuration().isEmpty()) {
            return board.memoryFacts();
        }
        List<Path> overlays = new ArrayList<>(board.boardOverlays());
        for (SelectedFile overlay : image.configuration().get().plan().overlays()) {
            overlays.add(overlay.path());
        }
        DeviceTree tree = new DevicetreeMerger(log).merge(board.dts(), overlays, board.includeDirs());
        if (OutputFiles.writeIfChanged(imageDir.resolve("zephyr.dts"), DtsWriter.toDts(tree))) {
            log.debug(image.name() + ": wrote zephyr.dts");
        }
        return MemoryFactsExtractor.extract(tree);
    }
}
