package io.multiimage.partition;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Gives an unquoted (plain) YAML scalar its type the way the YAML 1.1 resolver the partition
 * module used before (SnakeYAML's, as Jackson applied it) did: booleans include
 * {@code yes/no/on/off}, integers may be hex {@code 0x}, octal {@code 0..}, binary {@code 0b} with
 * {@code _} separators, floats include {@code 1e5} and {@code .inf}/{@code .nan}, {@code ~}/{@code null}/empty
 * are null, everything else is a string.
 */
final class YamlScalars {

    /**
     * The resolver's number patterns, compiled only when a scalar is not a plain word, decimal
     * or hex integer (the common cases are decided by hand, to keep the first parse cheap).
     */
    private static final class NumberPatterns {
        static final Pattern INT = Pattern.compile("[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)"
                + "|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
        static final Pattern FLOAT =
                Pattern.compile("[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
                        + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                        + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    }

    /** Why a plain scalar that looks like a number cannot be read. */
    static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;

        BadNumber(String message) {
            super(message, null, false, false);
        }
    }

    private YamlScalars() {}

    /**
     * The value of a plain scalar: {@link Boolean}, {@link Long}, {@link Double}, {@code null} or
     * the text itself.
     *
     * @throws BadNumber for an integer wider than 62 bits, a base 60 float ({@code 1:30.5}) or
     *                   a float without digits ({@code ._})
     */
    static Object resolve(String text) throws BadNumber {
        if (text.isEmpty()) {
            return null;
        }
        switch (text) {
            case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
                return Boolean.TRUE;
            case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
                return Boolean.FALSE;
            case "~", "null", "Null", "NULL":
                return null;
            default:
                break;
        }
        char first = text.charAt(0);
        if ("-+0123456789.".indexOf(first) < 0) {
            return text;
        }
        Long simple = simpleInteger(text);
        if (simple != null) {
            return simple;
        }
        if (first != '.' && NumberPatterns.INT.matcher(text).matches()) {
            return integer(text);
        }
        if (NumberPatterns.FLOAT.matcher(text).matches()) {
            return floating(text);
        }
        return text;
    }

    /** Plain decimal ({@code 4096}) or hex ({@code 0x1000}) of up to 15 digits, else null. */
    private static Long simpleInteger(String text) {
        int i = text.charAt(0) == '-' ? 1 : 0;
        int radix = 10;
        if (text.startsWith("0x", i)) {
            radix = 16;
            i += 2;
        } else if (text.length() > i + 1 && text.charAt(i) == '0') {
            return null; // octal or something else: the resolver decides
        }
        int digits = text.length() - i;
        if (digits < 1 || digits > 15) {
            return null;
        }
        long value = 0;
        for (int k = i; k < text.length(); k++) {
            char c = text.charAt(k);
            // ASCII digits only: Character.digit would also accept other scripts' digits
            int d = c >= '0' && c <= '9'
                    ? c - '0'
                    : radix == 16 && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (d < 0) {
                return null;
            }
            value = value * radix + d;
        }
        return text.charAt(0) == '-' ? -value : value;
    }

    private static Object integer(String text) throws BadNumber {
        boolean negative = text.charAt(0) == '-';
        String digits = text.charAt(0) == '-' || text.charAt(0) == '+' ? text.substring(1) : text;
        BigInteger value;
        if (digits.startsWith("0b")) {
            value = new BigInteger(withoutUnderscores(digits.substring(2)), 2);
        } else if (digits.startsWith("0x")) {
            value = new BigInteger(withoutUnderscores(digits.substring(2)), 16);
        } else if (digits.startsWith("0") && digits.length() > 1) {
            value = new BigInteger(withoutUnderscores(digits.substring(1)), 8);
        } else if (digits.indexOf(':') >= 0) {
            // base 60 ("1:30") resolves as an integer, but the old reader kept its text
            return text;
        } else {
            value = new BigInteger(withoutUnderscores(digits));
        }
        if (negative) {
            value = value.negate();
        }
        if (value.bitLength() > 62) {
            throw new BadNumber("integer " + value + " is too large");
        }
        return value.longValue();
    }

    private static Object floating(String text) throws BadNumber {
        String unsigned = text.charAt(0) == '-' || text.charAt(0) == '+' ? text.substring(1) : text;
        if (unsigned.equalsIgnoreCase(".inf")) {
            // the old reader rejected these; the reference loader and YamlWriter know them
            return text.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equalsIgnoreCase(".nan")) {
            return Double.NaN;
        }
        if (text.indexOf(':') >= 0) {
            throw new BadNumber("unsupported number '" + text + "' (base 60 floats are not supported)");
        }
        String cleaned = withoutUnderscores(text.charAt(0) == '+' ? text.substring(1) : text);
        try {
            return Double.parseDouble(cleaned);
        } catch (NumberFormatException e) {
            throw new BadNumber("malformed number '" + text + "'");
        }
    }

    private static String withoutUnderscores(String s) {
        return s.indexOf('_') < 0 ? s : s.replace("_", "");
    }
}
