package io.multiimage.core.kconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses fragment files in {@code .config} syntax (kconfig-subset §7) without Kconfig
 * definitions. Accepted lines, after trailing whitespace is removed: blank lines, comments
 * (first non-blank character {@code #}), {@code # CONFIG_NAME is not set} starting in column
 * 1, and {@code CONFIG_NAME=VALUE} starting in column 1 where {@code VALUE} is {@code y},
 * {@code n}, a decimal integer (optional sign), a {@code 0x}/{@code 0X} hex number or a
 * double-quoted string in which a backslash makes the next character literal (text after
 * the closing quote is ignored, as Kconfiglib does).
 *
 * <p>Where Kconfiglib would warn and ignore a line, this parser fails: without definitions a
 * line it cannot type is a mistake the user has to see. Control characters (U+0000 to U+001F,
 * U+007F) are refused in values, and a carriage return anywhere but at a line end
 * ({@link ControlCharacters}). In the generated {@code command line} fragment, a line that does
 * not start a new symbol is a line break inside a {@code -D} value, refused naming that value.
 */
public final class FragmentParser {

    private static final Pattern NOT_SET = Pattern.compile("# CONFIG_([A-Za-z0-9_]+) is not set");
    private static final Pattern SYMBOL_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");

    private FragmentParser() {}

    /** Parses all assignments of {@code source}, in line order. */
    public static List<Assignment> parse(FragmentSource source) throws FragmentSyntaxException {
        List<Assignment> assignments = new ArrayList<>();
        String text = source.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark some editors write; invisible in messages
        }
        String[] lines = text.split("\n", -1);
        if (FragmentSource.COMMAND_LINE.equals(source.location())) {
            // first, so a value cut by a line break is named as such, not by what its first part lacks
            String previousSymbol = null;
            for (int i = 0; i < lines.length; i++) {
                if (!(i == lines.length - 1 && lines[i].isEmpty())) {
                    previousSymbol = checkCommandLineLine(lines[i], previousSymbol);
                }
            }
        }
        for (int i = 0; i < lines.length; i++) {
            Assignment assignment = parseLine(lines[i], new SourceLocation(source.location(), i + 1));
            if (assignment != null) {
                assignments.add(assignment);
            }
        }
        return assignments;
    }

    /**
     * Checks one {@code -D} value before it is joined into the generated {@code command line}
     * fragment: a line break or another control character in it is refused, naming the symbol.
     * The pipeline can call this where it collects the values; {@link #parse} applies the same
     * rules to the joined fragment.
     *
     * @param symbol the name as given, {@code CONFIG_X}
     * @param value  the value as given, verbatim
     * @throws FragmentSyntaxException {@code command line: CONFIG_X (given with -D): ...}
     */
    public static void checkCommandLineValue(String symbol, String value) throws FragmentSyntaxException {
        int control = ControlCharacters.indexOfControl(value);
        if (control >= 0) {
            throw commandLineError(symbol, value.charAt(control));
        }
    }

    /**
     * The generated {@code command line} fragment holds one {@code CONFIG_X=v} line per value,
     * sorted by symbol, each symbol once. A line that does not start a new, later symbol is the
     * rest of the previous value, cut off by a line break in it: refused instead of read as
     * further lines. Returns this line's symbol.
     */
    private static String checkCommandLineLine(String line, String previousSymbol) throws FragmentSyntaxException {
        int equals = line.indexOf('=');
        String symbol = line.startsWith("CONFIG_") && equals > 0 ? line.substring(0, equals) : null;
        if (previousSymbol != null && (symbol == null || symbol.compareTo(previousSymbol) <= 0)) {
            throw commandLineError(previousSymbol, '\n');
        }
        return symbol == null ? previousSymbol : symbol;
    }

    private static FragmentSyntaxException commandLineError(String symbol, char c) {
        String what = c == '\n'
                ? "a line break (U+000A); a -D value must be on one line (what follows the line"
                        + " break would be read as further lines of the configuration). Remove the line break"
                : "the control character " + ControlCharacters.describe(c) + "; " + WHY + " Remove it";
        return new FragmentSyntaxException(
                FragmentSource.COMMAND_LINE,
                symbol + " (given with -D): the value contains " + what + " from the -D value.");
    }

    private static final String WHY = "configuration values may not contain control characters (autoconf.h would pass"
            + " them to the C compiler unescaped, and Kconfiglib reads a carriage return as a line break).";

    /** Parses one line; null for blank lines and comments. */
    static Assignment parseLine(String raw, SourceLocation at) throws FragmentSyntaxException {
        String line = raw.stripTrailing();
        if (line.isEmpty()) {
            return null;
        }
        checkControlCharacters(line, at);
        Matcher notSet = NOT_SET.matcher(line);
        if (notSet.matches()) {
            return new Assignment(notSet.group(1), KconfigValue.NO, at);
        }
        if (line.stripLeading().startsWith("#")) {
            return null;
        }
        if (!line.startsWith("CONFIG_")) {
            throw error(
                    at,
                    "expected 'CONFIG_<NAME>=<value>', '# CONFIG_<NAME> is not set', a comment or a blank line"
                            + " (starting in column 1), found '" + line + "'");
        }
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw error(at, "expected '=' after the symbol name in '" + line + "'");
        }
        String name = line.substring("CONFIG_".length(), equals);
        if (!SYMBOL_NAME.matcher(name).matches()) {
            throw error(
                    at,
                    "expected a symbol name made of letters, digits and '_' after 'CONFIG_', found '" + name + "' in '"
                            + line + "'");
        }
        return new Assignment(name, parseValue(name, line.substring(equals + 1), at), at);
    }

    private static KconfigValue parseValue(String name, String text, SourceLocation at) throws FragmentSyntaxException {
        if (text.startsWith("\"")) {
            return KconfigValue.ofString(unquote(name, text, at));
        }
        if (text.equals("y") || text.equals("n")) {
            return text.equals("y") ? KconfigValue.YES : KconfigValue.NO;
        }
        if (HEX.matcher(text).matches()) {
            return new KconfigValue(KconfigType.HEX, text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return new KconfigValue(KconfigType.INT, text);
        }
        throw error(
                at,
                "expected y, n, a decimal number, a 0x hex number or a \"quoted string\" as the value of CONFIG_" + name
                        + ", found '" + text + "'");
    }

    /** The text of a quoted literal; a backslash makes the next character literal. */
    private static String unquote(String name, String text, SourceLocation at) throws FragmentSyntaxException {
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                i++;
                if (i == text.length()) {
                    break;
                }
                c = text.charAt(i);
            }
            value.append(c);
        }
        throw error(at, "expected a closing '\"' in the string value of CONFIG_" + name + ", found " + text);
    }

    /**
     * Refuses control characters on an assignment line (a carriage return on any line: Kconfiglib
     * would start a new line there, so comments may not hide one either).
     */
    private static void checkControlCharacters(String line, SourceLocation at) throws FragmentSyntaxException {
        boolean comment = line.stripLeading().startsWith("#");
        int control = comment ? line.indexOf('\r') : ControlCharacters.indexOfControl(line);
        if (control < 0) {
            return;
        }
        char c = line.charAt(control);
        String where = ControlCharacters.describe(c) + " at column " + (control + 1);
        if (FragmentSource.COMMAND_LINE.equals(at.file()) && line.startsWith("CONFIG_") && line.indexOf('=') > 0) {
            throw commandLineError(line.substring(0, line.indexOf('=')), c);
        }
        int equals = line.indexOf('=');
        if (!comment && line.startsWith("CONFIG_") && equals > 0 && control > equals) {
            throw error(
                    at,
                    line.substring(0, equals) + ": the value contains the control character " + where + "; " + WHY
                            + " Remove it.");
        }
        throw error(
                at,
                "the control character " + where + " is not allowed on a fragment line"
                        + (c == '\r'
                                ? " (Kconfiglib would read it as a line break; save the file with LF or CRLF line ends)"
                                : "")
                        + "; remove it.");
    }

    private static FragmentSyntaxException error(SourceLocation at, String detail) {
        return new FragmentSyntaxException(at.file(), at.line(), detail);
    }
}
