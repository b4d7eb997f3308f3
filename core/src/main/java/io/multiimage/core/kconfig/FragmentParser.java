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
 * line it cannot type is a mistake the user has to see.
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
        for (int i = 0; i < lines.length; i++) {
            Assignment assignment = parseLine(lines[i], new SourceLocation(source.location(), i + 1));
            if (assignment != null) {
                assignments.add(assignment);
            }
        }
        return assignments;
    }

    /** Parses one line; null for blank lines and comments. */
    static Assignment parseLine(String raw, SourceLocation at) throws FragmentSyntaxException {
        String line = raw.stripTrailing();
        if (line.isEmpty()) {
            return null;
        }
        Matcher notSet = NOT_SET.matcher(line);
        if (notSet.matches()) {
            return new Assignment(notSet.group(1), KconfigValue.NO, at);
        }
        if (line.stripLeading().startsWith("#")) {
            return null;
        }
        if (!line.startsWith("CONFIG_")) {
            throw error(at, "expected 'CONFIG_<NAME>=<value>', '# CONFIG_<NAME> is not set', a comment or a blank line"
                    + " (starting in column 1), found '" + line + "'");
        }
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw error(at, "expected '=' after the symbol name in '" + line + "'");
        }
        String name = line.substring("CONFIG_".length(), equals);
        if (!SYMBOL_NAME.matcher(name).matches()) {
            throw error(at, "expected a symbol name made of letters, digits and '_' after 'CONFIG_', found '"
                    + name + "' in '" + line + "'");
        }
        return new Assignment(name, parseValue(name, line.substring(equals + 1), at), at);
    }

    private static KconfigValue parseValue(String name, String text, SourceLocation at)
            throws FragmentSyntaxException {
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
        throw error(at, "expected y, n, a decimal number, a 0x hex number or a \"quoted string\" as the value of CONFIG_"
                + name + ", found '" + text + "'");
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

    private static FragmentSyntaxException error(SourceLocation at, String detail) {
        return new FragmentSyntaxException(at.file(), at.line(), detail);
    }
}
