package io.multiimage.hex;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without creating a String per line: after {@link #next()}
 * the line is {@code buf[start .. end)}, without its terminator. LF, CRLF and a lone CR each
 * end a line. A line that runs past {@code maxLine} bytes without a terminator is flagged
 * {@link #tooLong} and reading stops there: an endless input (a link to {@code /dev/zero}) must
 * not be read to its end, which it does not have.
 */
final class LineReader {

    static final int BUFFER_SIZE = 1 << 20;

    private final InputStream in;
    final byte[] buf;
    /** Next unread byte; a fast-path parser may advance it past a line it consumed itself. */
    int pos;
    /** End of the filled part of {@link #buf}. */
    int limit;
    /** True once the stream has ended: nothing beyond {@link #limit} will come. */
    boolean eof;

    /** The current line. */
    int start;

    int end;
    long lineNumber;
    /**
     * True when the current line ran past {@link #maxLine} bytes before its terminator; its
     * content is then not available and nothing after it is read (the next {@link #next()} is false).
     */
    boolean tooLong;
    /** The longest line (without terminator) read in full. */
    final int maxLine;

    /** Reads {@code in}; a line longer than {@code maxLine} bytes stops reading. */
    LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.buf = new byte[BUFFER_SIZE];
        this.maxLine = maxLine;
    }

    /** Reads the lines of {@code data[0 .. length)}, which already holds the whole input. */
    LineReader(byte[] data, int length) {
        this.in = InputStream.nullInputStream();
        this.buf = data;
        this.limit = length;
        this.eof = true;
        this.maxLine = Integer.MAX_VALUE;
    }

    /**
     * Makes at least {@code n} unread bytes available unless the input ends first; a parser
     * that looks ahead by at most {@code n} bytes can then work on {@link #buf} directly.
     */
    void ensure(int n) throws IOException {
        if (limit - pos < n && !eof) {
            compactAndFill(n);
        }
    }

    /** Advances to the next line; false at end of input. */
    boolean next() throws IOException {
        if (tooLong) {
            return false;
        }
        int i = pos;
        while (true) {
            // Scan for a terminator in the filled part of the buffer.
            byte[] b = buf;
            int lim = limit;
            while (i < lim) {
                byte c = b[i];
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 == lim && !eof) {
                        break; // need the next byte to know whether this is CRLF
                    }
                    start = pos;
                    end = i;
                    lineNumber++;
                    pos = (c == '\r' && i + 1 < lim && b[i + 1] == '\n') ? i + 2 : i + 1;
                    return true;
                }
                i++;
            }
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                start = pos;
                end = limit;
                lineNumber++;
                pos = limit;
                return true;
            }
            int scanned = i - pos;
            if (scanned > maxLine || (pos == 0 && limit == buf.length)) {
                // No terminator within the longest line allowed: flag the line and stop reading.
                start = pos;
                end = pos;
                lineNumber++;
                tooLong = true;
                return true;
            }
            compactAndFill(4096);
            i = pos + scanned;
        }
    }

    /** Moves the unread bytes to the front and reads until {@code wanted} are unread, or the end. */
    private void compactAndFill(int wanted) throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
            if (limit - pos > wanted) {
                return;
            }
        }
    }
}
