package io.multiimage.hex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Raw binary files: a flat run of bytes with no addresses of its own. Reading places it at a
 * base address; writing emits a range with every address that holds no data set to a fill
 * byte.
 *
 * <pre>{@code
 * MemoryImage blob = RawBinary.read(Path.of("net.bin"), 0x0100_0000L);
 * RawBinary.write(image, Path.of("flash.bin"));                         // lowest..highest, gaps 0xFF
 * RawBinary.write(image, Path.of("boot.bin"), 0x0, 0x8000, (byte) 0xFF); // [0, 0x8000)
 * }</pre>
 */
public final class RawBinary {

    /** The usual erased-flash value. */
    public static final byte DEFAULT_FILL = (byte) 0xFF;

    private static final int CHUNK = 1 << 16;

    private RawBinary() {}

    /** Reads {@code file} into a new image, its first byte at {@code base}. */
    public static MemoryImage read(Path file, long base) throws IOException, ImageFormatException {
        if (base >= 0 && Files.isRegularFile(file) && Files.size(file) > MemoryImage.ADDRESS_LIMIT - base) {
            throw new ImageFormatException(
                    file.toString(),
                    0,
                    String.format(
                            "address past 4 GiB: the file of %d bytes placed at base 0x%08X runs past 0xFFFFFFFF",
                            Files.size(file), base));
        }
        // a device or pipe is read up to the end of the address space at most
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), base);
        }
    }

    /**
     * Reads {@code in} (not closed) to its end into a new image, its first byte at
     * {@code base}.
     *
     * @throws ImageFormatException when the data would run past 4 GiB or the base is negative
     */
    public static MemoryImage read(InputStream in, String sourceName, long base)
            throws IOException, ImageFormatException {
        if (base < 0 || base >= MemoryImage.ADDRESS_LIMIT) {
            throw new ImageFormatException(
                    sourceName, 0, String.format("base address 0x%X is outside the 32-bit address space", base));
        }
        MemoryImage image = new MemoryImage();
        byte[] buf = new byte[CHUNK];
        long address = base;
        int n;
        while ((n = in.readNBytes(buf, 0, CHUNK)) > 0) {
            if (address + n > MemoryImage.ADDRESS_LIMIT) {
                throw new ImageFormatException(
                        sourceName,
                        0,
                        String.format("address past 4 GiB: the file placed at base 0x%08X runs past 0xFFFFFFFF", base));
            }
            image.write(address, buf, 0, n);
            address += n;
        }
        return image;
    }

    /** Writes from the lowest to the highest data address, gaps as 0xFF, atomically. */
    public static void write(MemoryImage image, Path file) throws IOException {
        Segment span = image.span().orElse(null);
        if (span == null) {
            AtomicFiles.write(file, out -> {});
        } else {
            write(image, file, span.start(), span.end(), DEFAULT_FILL);
        }
    }

    /** Writes the bytes of [start, end), gaps as {@code fill}, atomically. */
    public static void write(MemoryImage image, Path file, long start, long end, byte fill) throws IOException {
        checkRange(start, end);
        AtomicFiles.write(file, out -> write(image, out, start, end, fill));
    }

    /** Writes the bytes of [start, end), gaps as {@code fill}, to {@code out} (not closed). */
    public static void write(MemoryImage image, OutputStream out, long start, long end, byte fill) throws IOException {
        checkRange(start, end);
        byte[] buf = new byte[CHUNK];
        for (long a = start; a < end; ) {
            int n = (int) Math.min(CHUNK, end - a);
            image.read(a, buf, 0, n, fill);
            out.write(buf, 0, n);
            a += n;
        }
        out.flush();
    }

    private static void checkRange(long start, long end) {
        if (start < 0 || end < start || end > MemoryImage.ADDRESS_LIMIT) {
            throw new IllegalArgumentException(
                    String.format("range 0x%X:0x%X is not inside the 32-bit address space", start, end));
        }
    }
}
