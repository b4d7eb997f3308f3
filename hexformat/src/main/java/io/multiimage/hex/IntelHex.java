package io.multiimage.hex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Intel HEX files: read (record types 00-05, streaming, strict by default) and write (the
 * canonical form described on {@link WriteOptions}).
 *
 * <pre>{@code
 * MemoryImage app = IntelHex.read(Path.of("app.hex"));
 * IntelHex.write(app, Path.of("out.hex"));                       // 16 bytes per record, LF
 * IntelHex.write(app, Path.of("out.hex"), WriteOptions.DEFAULT.withRecordSize(32).withLineEnding(LineEnding.CRLF));
 * }</pre>
 */
public final class IntelHex {

    private IntelHex() {}

    /**
     * How to write: data bytes per record (1-255, default 16) and line ending (default LF).
     *
     * @param recordSize bytes per data record
     * @param lineEnding line terminator
     */
    public record WriteOptions(int recordSize, LineEnding lineEnding) {

        /** 16 bytes per record, LF. */
        public static final WriteOptions DEFAULT = new WriteOptions(16, LineEnding.LF);

        /** Validates the record size. */
        public WriteOptions {
            if (recordSize < 1 || recordSize > 255) {
                throw new IllegalArgumentException("record size must be 1 to 255 bytes, got " + recordSize);
            }
            java.util.Objects.requireNonNull(lineEnding, "lineEnding");
        }

        /** A copy with another record size. */
        public WriteOptions withRecordSize(int size) {
            return new WriteOptions(size, lineEnding);
        }

        /** A copy with another line ending. */
        public WriteOptions withLineEnding(LineEnding ending) {
            return new WriteOptions(recordSize, ending);
        }
    }

    /** Reads {@code file} strictly; problems name the file as {@code file.toString()}. */
    public static MemoryImage read(Path file) throws IOException, ImageFormatException {
        return read(file, ReadMode.STRICT);
    }

    /**
     * Reads {@code file} in the given mode. Large files read strictly are parsed on several
     * threads when the machine has them; the result, and every problem reported, is the same
     * as reading sequentially.
     */
    public static MemoryImage read(Path file, ReadMode mode) throws IOException, ImageFormatException {
        if (mode == ReadMode.STRICT && Workers.parallel() && Files.size(file) >= ParallelIntelHexReader.THRESHOLD) {
            java.util.Optional<MemoryImage> image = ParallelIntelHexReader.tryRead(file, file.toString());
            if (image.isPresent()) {
                return image.get();
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), mode);
        }
    }

    /**
     * Reads several files strictly, side by side where that helps ({@link ParallelReads});
     * the images in the order given.
     *
     * @throws ImageFormatException listing the problems of every bad file, file by file
     * @throws IOException the first file that cannot be read, when no file is malformed
     */
    public static List<MemoryImage> readAll(List<Path> files) throws IOException, ImageFormatException {
        List<MemoryImage> images = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        IOException unreadable = null;
        for (ParallelReads.Outcome outcome : ParallelReads.readAll(files, IntelHex::read)) {
            if (outcome.ok()) {
                images.add(outcome.image());
            } else if (outcome.failure() instanceof ImageException bad) {
                problems.addAll(bad.problems());
            } else if (unreadable == null) {
                unreadable = (IOException) outcome.failure();
            }
        }
        if (!problems.isEmpty()) {
            throw new ImageFormatException(problems);
        }
        if (unreadable != null) {
            throw unreadable;
        }
        return images;
    }

    /**
     * Reads Intel HEX text from {@code in} (not closed) into a new image.
     *
     * @param sourceName the name problems are reported under
     * @throws ImageFormatException listing every problem found (up to 50), each with its line
     */
    public static MemoryImage read(InputStream in, String sourceName, ReadMode mode)
            throws IOException, ImageFormatException {
        MemoryImage image = new MemoryImage();
        new IntelHexParser(sourceName, mode, image).parse(in);
        return image;
    }

    /** Writes {@code image} to {@code file} with the default options, atomically. */
    public static void write(MemoryImage image, Path file) throws IOException {
        write(image, file, WriteOptions.DEFAULT);
    }

    /** Writes {@code image} to {@code file}, atomically. */
    public static void write(MemoryImage image, Path file, WriteOptions options) throws IOException {
        AtomicFiles.write(file, out -> write(image, out, options));
    }

    /** Writes {@code image} to {@code out} (flushed, not closed). */
    public static void write(MemoryImage image, OutputStream out, WriteOptions options) throws IOException {
        new IntelHexWriter(out, options.recordSize(), options.lineEnding()).write(image);
    }
}
