package io.multiimage.core.pipeline;

import io.multiimage.core.board.Board;
import io.multiimage.core.config.SelectedFile;
import io.multiimage.core.devicetree.DevicetreeException;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.devicetree.DtsWriter;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.devicetree.MemoryFactsExtractor;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.state.DevicetreeMemo;
import io.multiimage.core.state.DevicetreeRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each image's effective devicetree: the board's dts, the board's own revision overlay, then
 * the overlays the configure step selected, merged and written as {@code zephyr.dts}. The
 * memory facts placement needs are read from the merged tree, so an overlay that moves
 * {@code zephyr,flash} or {@code zephyr,sram} is honoured. A merge is skipped while its inputs
 * are unchanged: the image's last merge ({@link DevicetreeRecord}), or the same merge earlier in
 * this JVM ({@link DevicetreeMemo}).
 */
final class DevicetreeStage {

    private final DevicetreeRecord record;
    private final DevicetreeMemo memo;

    /**
     * A stage that keeps each image's last merge in its state directory per {@code record}, and
     * the merges of this build session in {@code memo}.
     */
    DevicetreeStage(DevicetreeRecord record, DevicetreeMemo memo) {
        this.record = record;
        this.memo = memo;
    }

    /** Merges the devicetree of {@code image}, writes {@code zephyr.dts} in {@code imageDir}, logs to {@code log}. */
    MemoryFacts run(ConfiguredImage image, Path imageDir, BuildLog log) throws DevicetreeException, IOException {
        return merge(image, imageDir, log, true);
    }

    /**
     * The memory facts of {@code image}'s devicetree without writing anything: for an image another
     * module owns, whose domain this build must place. Its last merge there is reused while unchanged.
     */
    MemoryFacts facts(ConfiguredImage image, Path imageDir, BuildLog log) throws DevicetreeException, IOException {
        return merge(image, imageDir, log, false);
    }

    private MemoryFacts merge(ConfiguredImage image, Path imageDir, BuildLog log, boolean write)
            throws DevicetreeException, IOException {
        Board board = image.board();
        if (image.configuration().isEmpty()) {
            return board.memoryFacts();
        }
        List<Path> overlays = new ArrayList<>(board.boardOverlays());
        for (SelectedFile overlay : image.configuration().get().plan().overlays()) {
            overlays.add(overlay.path());
        }
        DevicetreeMemo.Key key = new DevicetreeMemo.Key(board.dts(), List.copyOf(overlays), board.includeDirs());
        Path zephyrDts = imageDir.resolve("zephyr.dts");
        Path stateFile = imageDir.resolve(".state").resolve("devicetree");
        Optional<MemoryFacts> recorded = record.load(stateFile, key, zephyrDts);
        if (recorded.isPresent()) {
            logMerge(log, board, overlays);
            log.debug(image.name() + ": devicetree inputs unchanged since the last build");
            return recorded.get();
        }
        DevicetreeMemo.Result result = memo.find(key).orElse(null);
        if (result != null) {
            logMerge(log, board, overlays);
        } else {
            DevicetreeMerger.Merged merged =
                    new DevicetreeMerger(log).mergeTracked(board.dts(), overlays, board.includeDirs());
            result = new DevicetreeMemo.Result(
                    DtsWriter.toDts(merged.tree()),
                    MemoryFactsExtractor.extract(merged.tree()),
                    merged.sources(),
                    merged.absent());
            memo.remember(key, result);
        }
        if (write) {
            if (OutputFiles.writeIfChanged(zephyrDts, result.dtsText())) {
                log.debug(image.name() + ": wrote zephyr.dts");
            }
            record.save(stateFile, key, result);
        }
        return result.facts();
    }

    /** The lines a merge logs, also when an earlier merge stands in for it: a log does not depend on what ran before. */
    private static void logMerge(BuildLog log, Board board, List<Path> overlays) {
        log.info("Devicetree: board file '" + board.dts() + "'");
        overlays.forEach(overlay -> log.info("Devicetree: merged overlay '" + overlay + "'"));
    }
}
