package io.multiimage.hex;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Small helpers that read and write formats from and to strings in tests. */
final class Texts {

    private Texts() {}

    static MemoryImage hex(String text) throws ImageFormatException {
        return hex(text, ReadMode.STRICT);
    }

    static MemoryImage hex(String text, ReadMode mode) throws ImageFormatException {
        try {
            return IntelHex.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "t.hex", mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageFormatException hexError(String text) {
        return assertThrows(ImageFormatException.class, () -> hex(text));
    }

    static String hexText(MemoryImage image, IntelHex.WriteOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            IntelHex.write(image, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static String hexText(MemoryImage image) {
        return hexText(image, IntelHex.WriteOptions.DEFAULT);
    }

    static MemoryImage srec(String text) throws ImageFormatException {
        return srec(text, ReadMode.STRICT);
    }

    static MemoryImage srec(String text, ReadMode mode) throws ImageFormatException {
        try {
            return SRecord.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "t.srec", mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String srecText(MemoryImage image, SRecord.WriteOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SRecord.write(image, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
