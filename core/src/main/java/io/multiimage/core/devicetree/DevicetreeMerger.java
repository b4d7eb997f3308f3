package io.multiimage.core.devicetree;

import io.multiimage.core.spi.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an image's devicetree: the board file followed by its overlays, in order, read as
 * one concatenated source exactly as Zephyr does (C preprocessor first, then dtc). The
 * result is merged, checked and resolved; {@link DtsWriter} prints it as {@code zephyr.dts}.
 *
 * <pre>{@code
 * DeviceTree tree = new DevicetreeMerger(log).merge(board.dts(),
 *         List.of(appDir.resolve("app.overlay")), board.includeDirs());
 * DtsWriter.write(tree, buildDir.resolve("zephyr/zephyr.dts"));
 * }</pre>
 */
public final class DevicetreeMerger {

    private final BuildLog log;

    /** A merger that reports each file it reads at info level. */
    public DevicetreeMerger(BuildLog log) {
        this.log = log;
    }

    /** A merger that reports nothing. */
    public DevicetreeMerger() {
        this(BuildLog.silent());
    }

    /**
     * Merges {@code boardDts} and {@code overlays} (in order).
     *
     * @param boardDts the board's {@code .dts}; it must start with {@code /dts-v1/;}
     * @param overlays overlay files applied after the board file, first to last
     * @param includeDirs search path for {@code #include <…>} and {@code /include/}, in order
     * @return the merged tree with phandles allocated and references resolved
     * @throws DevicetreeException for a missing file or any error in the sources, with FILE:LINE
     */
    public DeviceTree merge(Path boardDts, List<Path> overlays, List<Path> includeDirs) throws DevicetreeException {
        return mergeTracked(boardDts, overlays, includeDirs).tree();
    }

    /**
     * A merged tree, every source file that went into it (board file, includes, overlays) in
     * reading order, and every include candidate looked for and not found.
     */
    public record Merged(DeviceTree tree, List<Path> sources, List<Path> absent) {

        /** Copies the lists. */
        public Merged {
            sources = List.copyOf(sources);
            absent = List.copyOf(absent);
        }
    }

    /**
     * Like {@link #merge}, also telling which files were read and which include candidates were
     * missing: what decides whether an earlier result can stand in for a new merge.
     */
    public Merged mergeTracked(Path boardDts, List<Path> overlays, List<Path> includeDirs) throws DevicetreeException {
        requireFile(boardDts, "board devicetree");
        for (Path overlay : overlays) {
            requireFile(overlay, "devicetree overlay");
        }
        List<Path> sources = new ArrayList<>();
        List<Path> absent = new ArrayList<>();
        SourceTracker tracker = new SourceTracker() {
            @Override
            public void read(Path file) {
                sources.add(file);
            }

            @Override
            public void absent(Path candidate) {
                absent.add(candidate);
            }
        };
        Preprocessor preprocessor = new Preprocessor(includeDirs, tracker);
        preprocessor.process(boardDts);
        log.info("Devicetree: board file '" + boardDts + "'");
        for (Path overlay : overlays) {
            preprocessor.process(overlay);
            log.info("Devicetree: merged overlay '" + overlay + "'");
        }
        DtsParser.Parsed parsed = new DtsParser(preprocessor.result(), includeDirs, tracker).parse();
        return new Merged(ReferenceResolver.resolve(parsed), sources, absent);
    }

    /** Reads one devicetree source file without overlays. */
    public DeviceTree parse(Path dts, List<Path> includeDirs) throws DevicetreeException {
        return merge(dts, List.of(), includeDirs);
    }

    private static void requireFile(Path file, String what) throws DevicetreeException {
        if (!Files.isRegularFile(file)) {
            throw new DevicetreeException(what + " " + file + " does not exist");
        }
    }
}
