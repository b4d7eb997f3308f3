package io.multiimage.core.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files a killed build left behind: a file is written as {@code .name.<pid>.<n>.tmp}
 * or {@code name.<pid>.part} and moved into place, so a file with such a name whose process is
 * gone is nobody's. The next build deletes them (under the directory's lock) and never reads
 * one: an orphaned compiler of the killed build may still be writing it.
 */
public final class Leftovers {

    /** {@code .name.<pid>.<n>.tmp} (a file being written) or {@code name.<pid>.part} (a tool's output). */
    private static final Pattern TEMPORARY = Pattern.compile("\\..*\\.(\\d+)\\.\\d+\\.tmp|.*\\.(\\d+)\\.part");

    private Leftovers() {}

    /** Deletes the leftovers in {@code dirs} and their immediate sub-directories; returns how many. */
    public static int clean(List<Path> dirs) throws IOException {
        int removed = 0;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> candidates;
            try (Stream<Path> files = Files.walk(dir, 3)) {
                candidates = files.filter(Files::isRegularFile).toList();
            }
            for (Path file : candidates) {
                Matcher name = TEMPORARY.matcher(file.getFileName().toString());
                if (name.matches()
                        && !alive(Long.parseLong(name.group(1) != null ? name.group(1) : name.group(2)))
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid()
                || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
