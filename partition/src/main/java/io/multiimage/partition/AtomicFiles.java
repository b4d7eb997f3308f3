package io.multiimage.partition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes several output files so that none is replaced unless all could be written: each is
 * first written to a temporary file next to its target, then all are moved into place.
 */
public final class AtomicFiles {

    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {}

    /** Writes every {@code path → text} (UTF-8), creating parent directories. */
    public static void writeAll(Map<Path, String> files) throws IOException {
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                Path target = e.getKey().toAbsolutePath();
                Files.createDirectories(target.getParent());
                // Not Files.createTempFile: its owner-only mode would stay on the output after the move.
                Path tmp = target.resolveSibling("." + target.getFileName() + "."
                        + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + ".tmp");
                Files.writeString(
                        tmp,
                        e.getValue(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                temps.put(target, tmp);
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                try {
                    Files.move(
                            e.getValue(),
                            e.getKey(),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path tmp : temps.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes {@code partitions.yml} and {@code regions.yml} of a layout together. */
    public static void writeLayout(Layout layout, Path partitionsFile, Path regionsFile) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(partitionsFile, layout.partitionsYaml());
        files.put(regionsFile, layout.regionsYaml());
        writeAll(files);
    }
}
