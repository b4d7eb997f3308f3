package io.multiimage.hex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Motorola S-record files (S0, S1/S2/S3, S5/S6, S7/S8/S9). A termination record's address
 * becomes the image's linear start address, except 0, which every writer must put there when
 * the image has no start address and therefore reads as "none".
 *
 * <pre>{@code
 * MemoryImage image = SRecord.read(Path.of("app.srec"));
 * SRecord.write(image, Path.of("copy.srec"));
 * }</pre>
 */
public final class SRecord {

    private SRecord() {}

    /**
     * How to write.
     *
     * @param recordSize data bytes per record, 1-250 (default 16)
     * @param lineEnding line terminator (default LF)
     * @param header     text of the S0 record (default empty), at most 252 bytes of ASCII
     */
    public record WriteOptions(int recordSize, LineEnding lineEnding, String header) {

        /** 16 bytes per record, LF, empty header. */
        public static final WriteOptions DEFAULT = new WriteOptions(16, LineEnding.LF, "");

        /** Validates the options. */
        public WriteOptions {
            if (recordSize < 1 || recordSize > 250) {
                throw new IllegalArgumentException("S-record size must be 1 to 250 bytes, got " + recordSize);
            }
            Objects.requireNonNull(lineEnding, "lineEnding");
            Objects.requireNonNull(header, "header");
            if (header.length() > 252 || !StandardCharsets.US_ASCII.newEncoder().canEncode(header)) {
                throw new IllegalArgumentException("S0 header must be at most 252 ASCII characters");
            }
        }

        /** A copy with another record size. */
        public WriteOptions withRecordSize(int size) {
            return new WriteOptions(size, lineEnding, header);
        }

        /** A copy with another line ending. */
        public WriteOptions withLineEnding(LineEnding ending) {
            return new WriteOptions(recordSize, ending, header);
        }

        /** A copy with another S0 header text. */
        public WriteOptions withHeader(String text) {
            return new WriteOptions(recordSize, lineEnding, text);
        }
    }

    /** Reads {@code file} strictly. */
    public static MemoryImage read(Path file) throws IOException, ImageFormatException {
        return read(file, ReadMode.STRICT);
    }

    /** Reads {@code file} in the given mode. */
    public static MemoryImage read(Path file, ReadMode mode) throws IOException, ImageFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), mode);
        }
    }

    /** Reads S-records from {@code in} (not closed); problems are reported under {@code sourceName}. */
    public static MemoryImage read(InputStream in, String sourceName, ReadMode mode)
            throws IOException, ImageFormatException {
        MemoryImage image = new MemoryImage();
        new SRecordParser(sourceName, mode, image).parse(in);
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
        new SRecordWriter(
                        out,
                        options.recordSize(),
                        options.lineEnding(),
                        options.header().getBytes(StandardCharsets.US_ASCII))
                .write(image);
    }
}
