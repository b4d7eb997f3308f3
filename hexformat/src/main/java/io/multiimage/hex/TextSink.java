package io.multiimage.hex;

import java.io.IOException;
import java.io.OutputStream;

/** A large output buffer that text-format writers fill byte by byte, flushed in big blocks. */
final class TextSink {

    private static final int SIZE = 1 << 18;

    private final OutputStream out;
    final byte[] buf = new byte[SIZE];
    int pos;

    TextSink(OutputStream out) {
        this.out = out;
    }

    /** Makes room for {@code n} more bytes. */
    void ensure(int n) throws IOException {
        if (pos + n > SIZE) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Appends two upper-case hex digits; returns the value for checksum accumulation. */
    int hexByte(int v) {
        buf[pos] = HexDigits.DIGITS[(v >>> 4) & 0xF];
        buf[pos + 1] = HexDigits.DIGITS[v & 0xF];
        pos += 2;
        return v & 0xFF;
    }

    void put(byte c) {
        buf[pos++] = c;
    }

    void put(byte[] bytes) {
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }
}
