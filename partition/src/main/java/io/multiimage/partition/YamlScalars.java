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

    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
            + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL");

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
        char first = text.charAt(0);
        if ("yYnNtTfFoO".indexOf(first) >= 0 && BOOL.matcher(text).matches()) {
            char c = Character.toLowerCase(first);
            return c == 't' || c == 'y' || (c == 'o' && Character.toLowerCase(text.charAt(1)) == 'n');
        }
        if ("-+0123456789".indexOf(first) >= 0 && INT.matcher(text).matches()) {
            return integer(text);
        }
        if ("-+0123456789.".indexOf(first) >= 0 && FLOAT.matcher(text).matches()) {
            return floating(text);
        }
        if ("~nN".indexOf(first) >= 0 && NULL.matcher(text).matches()) {
            return null;
        }
        return text;
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
