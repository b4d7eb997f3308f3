package io.multiimage.hex;

/** Lookup tables for hex text: decode a character, encode a byte, describe a bad character. */
final class HexDigits {

    /** Value of an ASCII hex digit (either case), -1 for every other byte. */
    static final byte[] VALUE = new byte[256];
    /** Upper-case digits. */
    static final byte[] DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    /**
     * Value of a pair of ASCII hex digits indexed by {@code first << 8 | second}, -1 when
     * either is not a hex digit: one lookup per byte on the parsers' hot path.
     */
    static final short[] PAIR = new short[1 << 16];
    /** The two upper-case digits of each byte value: {@code PAIR_TEXT[2v], PAIR_TEXT[2v+1]}. */
    static final byte[] PAIR_TEXT = new byte[512];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            VALUE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            VALUE['A' + i] = (byte) (10 + i);
            VALUE['a' + i] = (byte) (10 + i);
        }
        // Only the 22 x 22 digit pairs are visited: a loop over all 65536 entries costs a
        // one-shot CLI tens of milliseconds in the interpreter.
        java.util.Arrays.fill(PAIR, (short) -1);
        byte[] digits = "0123456789ABCDEFabcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (byte first : digits) {
            for (byte second : digits) {
                PAIR[(first << 8) | second] = (short) ((VALUE[first] << 4) | VALUE[second]);
            }
        }
        for (int v = 0; v < 256; v++) {
            PAIR_TEXT[2 * v] = DIGITS[v >>> 4];
            PAIR_TEXT[2 * v + 1] = DIGITS[v & 0xF];
        }
    }

    private HexDigits() {}

    /**
     * Most empty lines in a row a text reader takes: far more than any real file has, few enough
     * that an endless stream of line ends (a pipe from {@code yes ''}) stops at once.
     */
    static final int MAX_EMPTY_RUN = 1 << 16;

    /** An empty line, or one made only of DOS end-of-file characters (0x1A): what may follow the last record. */
    static boolean isBlankOrDosEnd(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] != 0x1A) {
                return false;
            }
        }
        return true;
    }

    static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\f' || c == 0x0B;
    }

    /** {@code 'G'}, or a code such as {@code 0x00} for control and non-ASCII bytes. */
    static String describe(byte c) {
        int v = c & 0xFF;
        if (v == ' ') {
            return "a space";
        }
        if (v == '\t') {
            return "a tab";
        }
        return v > 32 && v < 127 ? "'" + (char) v + "'" : String.format("byte 0x%02x", v);
    }

    /**
     * The problem with a run of characters that should all be hex digits, or null when they
     * are: names the first bad character and its 1-based column.
     */
    static String firstBadDigit(byte[] b, int from, int to, int lineStart) {
        for (int i = from; i < to; i++) {
            if (VALUE[b[i] & 0xFF] < 0) {
                int column = i - lineStart + 1;
                if (isBlank(b[i])) {
                    return "stray whitespace (" + describe(b[i]) + ") at column " + column
                            + "; expected a hex digit or the end of the line";
                }
                return "invalid character " + describe(b[i]) + " at column " + column + "; expected a hex digit";
            }
        }
        return null;
    }
}
