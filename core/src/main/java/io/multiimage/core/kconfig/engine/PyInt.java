package io.multiimage.core.kconfig.engine;

import java.math.BigInteger;

/**
 * Python's {@code int(text, base)} for the bases Kconfig uses (0, 10, 16): what it accepts
 * decides whether a value is a valid int/hex, whether a range bound counts as 0, and whether a
 * comparison is numeric. Accepted: surrounding whitespace, a sign, a {@code 0x}/{@code 0o}/{@code 0b}
 * prefix where the base allows it, single underscores between digits, and Unicode decimal
 * digits. Base 0 rejects a leading zero ({@code 010}) unless the number is zero.
 */
final class PyInt {

    /** CPython 3.11's limit on decimal digits converted by {@code int()}. */
    private static final int MAX_DECIMAL_DIGITS = 4300;

    private PyInt() {}

    /** The value of {@code text} in {@code base} (0, 10 or 16), or null where Python raises ValueError. */
    static BigInteger parse(String text, int base) {
        String s = toAscii(text);
        if (s == null) {
            return null;
        }
        int i = 0;
        int end = s.length();
        while (i < end && PyText.isAsciiRegexSpace(s.charAt(i))) {
            i++;
        }
        while (end > i && PyText.isAsciiRegexSpace(s.charAt(end - 1))) {
            end--;
        }
        boolean negative = false;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        boolean mustBeZero = false;
        if (base == 0) {
            if (i >= end || s.charAt(i) != '0') {
                base = 10;
            } else if (i + 1 < end && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
                base = 16;
            } else if (i + 1 < end && (s.charAt(i + 1) == 'o' || s.charAt(i + 1) == 'O')) {
                base = 8;
            } else if (i + 1 < end && (s.charAt(i + 1) == 'b' || s.charAt(i + 1) == 'B')) {
                base = 2;
            } else {
                mustBeZero = true;
                base = 10;
            }
        }
        if (i + 1 < end && s.charAt(i) == '0' && hasPrefixLetter(s.charAt(i + 1), base)) {
            i += 2;
            if (i < end && s.charAt(i) == '_') {
                i++;
            }
        }
        if (i >= end || s.charAt(i) == '_') {
            return null;
        }
        StringBuilder digits = new StringBuilder(end - i);
        char previous = 0;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (previous == '_') {
                    return null;
                }
            } else if (Character.digit(c, base) >= 0 && c < 128) {
                digits.append(c);
            } else {
                return null;
            }
            previous = c;
        }
        if (previous == '_' || digits.length() == 0) {
            return null;
        }
        if (base == 10 && digits.length() > MAX_DECIMAL_DIGITS) {
            return null;
        }
        BigInteger value = new BigInteger(digits.toString(), base);
        if (mustBeZero && value.signum() != 0) {
            return null;
        }
        return negative ? value.negate() : value;
    }

    /** {@code _is_base_n}: whether Python's {@code int(text, base)} succeeds. */
    static boolean isBaseN(String text, int base) {
        return parse(text, base) != null;
    }

    /** Python's {@code hex(n)}: {@code 0x1f}, {@code -0x1f}. */
    static String hex(BigInteger value) {
        return value.signum() < 0 ? "-0x" + value.negate().toString(16) : "0x" + value.toString(16);
    }

    private static boolean hasPrefixLetter(char c, int base) {
        return (base == 16 && (c == 'x' || c == 'X'))
                || (base == 8 && (c == 'o' || c == 'O'))
                || (base == 2 && (c == 'b' || c == 'B'));
    }

    /**
     * CPython first maps Unicode whitespace to a space and Unicode decimal digits to ASCII
     * digits; any other non-ASCII character makes the text invalid (null here).
     */
    private static String toAscii(String text) {
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return text.indexOf('\0') >= 0 ? null : text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (PyText.isSpace(c)) {
                out.append(' ');
            } else if (c >= 128 && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else if (c < 128 && c != 0) {
                out.append((char) c);
            } else {
                return null;
            }
        }
        return out.toString();
    }
}
