package io.multiimage.hex;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Reads several input files at once: the small ones side by side on the worker threads, the
 * large ones on the calling thread (a large Intel HEX file splits itself across the workers).
 * Only small files run side by side, so the peak memory grows by little more than their size.
 */
public final class ParallelReads {

    /** Reads one file into an image. */
    @FunctionalInterface
    public interface FileReader {
        MemoryImage read(Path file) throws IOException, ImageException;
    }

    /** What reading one file gave: its image, or the exception that says why it could not be read. */
    public record Outcome(Path file, MemoryImage image, Exception failure) {

        /** True when the file was read. */
        public boolean ok() {
            return failure == null;
        }
    }

    /** Small files side by side only when together they hold at least this many bytes. */
    static final long SIDE_BY_SIDE_MIN = 256 << 10;

    private ParallelReads() {}

    /**
     * Reads every file with {@code reader}; one outcome per file, in the order given. Only an
     * {@link IOException} or {@link ImageException} of the reader becomes a failed outcome;
     * anything else is rethrown.
     *
     * @throws InterruptedIOException when the calling thread is interrupted while waiting
     */
    public static List<Outcome> readAll(List<Path> files, FileReader reader) throws InterruptedIOException {
        Objects.requireNonNull(reader, "reader");
        List<Future<Outcome>> small = new ArrayList<>();
        long[] sizes = new long[files.size()];
        long smallBytes = 0;
        for (int i = 0; i < files.size(); i++) {
            sizes[i] = sizeOf(files.get(i));
            smallBytes += sizes[i] < ParallelIntelHexReader.THRESHOLD ? sizes[i] : 0;
        }
        // A few kilobytes read faster on this thread than the workers can be started.
        boolean sideBySide = files.size() > 1 && smallBytes >= SIDE_BY_SIDE_MIN && Workers.parallel();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            boolean isSmall = sizes[i] < ParallelIntelHexReader.THRESHOLD;
            small.add(sideBySide && isSmall ? Workers.pool().submit(() -> readOne(file, reader)) : null);
        }
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Future<Outcome> pending = small.get(i);
                outcomes.add(pending == null ? readOne(files.get(i), reader) : pending.get());
            }
        } catch (InterruptedException e) {
            small.stream().filter(Objects::nonNull).forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + files);
        } catch (ExecutionException e) {
            // readOne turns every expected failure into an outcome: what is left is a bug.
            throw new IllegalStateException(Workers.failureOf(e));
        }
        return outcomes;
    }

    /** The file's size; a file that cannot be measured counts as large, read on the calling thread, which reports the problem. */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Outcome readOne(Path file, FileReader reader) {
        try {
            return new Outcome(file, reader.read(file), null);
        } catch (IOException | ImageException e) {
            return new Outcome(file, null, e);
        }
    }
}
