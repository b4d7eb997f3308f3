package io.multiimage.partition;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes YAML text byte-identical to what the reference partition manager writes (a YAML 1.1
 * block-style emitter with sorted keys, integers as lower-case hex, indentless lists under
 * mapping keys and {@code &idNNN}/{@code *idNNN} anchors for objects referenced twice).
 *
 * <p>Jackson's YAML generator formats differently, hence this small emitter. Values may be
 * {@link Map}, {@link List}, {@link Long}/{@link Integer}, {@link Boolean}, {@link Double},
 * {@link String} or {@code null}; an object (map or list) that appears twice by identity is
 * anchored.
 */
public final class YamlWriter {

    private static final int BEST_WIDTH = 80;

    private static final Pattern BOOL =
            Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT =
            Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT =
            Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    private final IdentityHashMap<Object, Integer> anchors = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    private final IdentityHashMap<Object, Boolean> written = new IdentityHashMap<>();
    private final StringBuilder out = new StringBuilder();
    private int nextAnchor = 1;

    private YamlWriter() {}

    /**
     * The YAML text of a top-level mapping, ending with a newline ({@code {}} plus newline when
     * empty).
     */
    public static String write(Map<String, ?> root) {
        YamlWriter w = new YamlWriter();
        w.findAnchors(root);
        if (root.isEmpty()) {
            return "{}\n";
        }
        w.mapping(root, 0, false);
        return w.out.toString();
    }

    // ---- anchors: numbered in the order their second reference is met, as the reference does

    private void findAnchors(Object node) {
        if (!(node instanceof Map) && !(node instanceof List)) {
            return;
        }
        if (seen.containsKey(node)) {
            if (!anchors.containsKey(node)) {
                anchors.put(node, nextAnchor++);
            }
            return;
        }
        seen.put(node, Boolean.TRUE);
        if (node instanceof Map<?, ?> map) {
            for (String key : sortedKeys(map)) {
                findAnchors(map.get(key));
            }
        } else {
            for (Object item : (List<?>) node) {
                findAnchors(item);
            }
        }
    }

    private static List<String> sortedKeys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        for (Object k : map.keySet()) {
            keys.add(String.valueOf(k));
        }
        keys.sort(YamlWriter::compareCodePoints);
        return keys;
    }

    /** Python's string order: by code point. */
    static int compareCodePoints(String a, String b) {
        return PythonForms.compareCodePoints(a, b);
    }

    // ---- block structure

    private static String spaces(int n) {
        return " ".repeat(n);
    }

    /** Writes "&idNNN" or "*idNNN" as needed; true when an alias was written (nothing else follows). */
    private boolean anchorOrAlias(Object node) {
        Integer id = anchors.get(node);
        if (id == null) {
            return false;
        }
        String name = String.format("id%03d", id);
        if (written.containsKey(node)) {
            out.append(" *").append(name);
            return true;
        }
        written.put(node, Boolean.TRUE);
        out.append(" &").append(name);
        return false;
    }

    private void mapping(Map<?, ?> map, int indent, boolean inline) {
        boolean first = true;
        for (String key : sortedKeys(map)) {
            if (!(first && inline)) {
                out.append(spaces(indent));
            }
            first = false;
            out.append(scalarText(key, indent, false)).append(':');
            value(map.get(key), indent, true);
        }
    }

    /** Writes a value after "key:" (inMapping) or "-" and ends the line(s). */
    private void value(Object v, int indent, boolean inMapping) {
        if (v instanceof Map<?, ?> m) {
            if (anchorOrAlias(m)) {
                out.append('\n');
            } else if (m.isEmpty()) {
                out.append(" {}\n");
            } else if (!inMapping && !anchors.containsKey(m)) {
                out.append(' ');
                mapping(m, indent + 2, true);
            } else {
                out.append('\n');
                mapping(m, indent + 2, false);
            }
        } else if (v instanceof List<?> l) {
            if (anchorOrAlias(l)) {
                out.append('\n');
            } else if (l.isEmpty()) {
                out.append(" []\n");
            } else if (inMapping) {
                out.append('\n');
                sequence(l, indent, false);
            } else if (anchors.containsKey(l)) {
                out.append('\n');
                sequence(l, indent + 2, false);
            } else {
                out.append(' ');
                sequence(l, indent + 2, true);
            }
        } else {
            out.append(' ').append(scalarText(v, indent, true)).append('\n');
        }
    }

    private void sequence(List<?> list, int indent, boolean inline) {
        boolean first = true;
        for (Object item : list) {
            if (!(first && inline)) {
                out.append(spaces(indent));
            }
            first = false;
            out.append('-');
            value(item, indent, false);
        }
    }

    // ---- scalars

    private String scalarText(Object v, int indent, boolean split) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Long || v instanceof Integer) {
            return hex(((Number) v).longValue());
        }
        if (v instanceof Double d) {
            return floatText(d);
        }
        return stringText(String.valueOf(v), indent + 2, split);
    }

    /** Python's {@code hex()}: {@code 0x1f}, {@code -0x10}. */
    public static String hex(long value) {
        return PythonForms.hex(value);
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String s = Double.toString(d).toLowerCase();
        return s.contains("e") && !s.contains(".") ? s.replace("e", ".0e") : s;
    }

    private String stringText(String s, int contIndent, boolean split) {
        Style style = analyse(s);
        return switch (style) {
            case PLAIN -> split ? foldPlain(s, contIndent) : s;
            case SINGLE -> "'" + s.replace("'", "''") + "'";
            case DOUBLE -> doubleQuoted(s);
        };
    }

    private enum Style {
        PLAIN,
        SINGLE,
        DOUBLE
    }

    private static boolean implicitlyResolved(String s) {
        return BOOL.matcher(s).matches()
                || FLOAT.matcher(s).matches()
                || INT.matcher(s).matches()
                || NULL.matcher(s).matches()
                || TIMESTAMP.matcher(s).matches()
                || s.equals("<<")
                || s.equals("=");
    }

    /** Identifiers (most partition names, devices, Kconfig names) are plain unless a YAML 1.1 word. */
    private static boolean simpleIdentifier(String s) {
        char first = s.charAt(0);
        if (!(Character.isLetter(first) && first < 0x80) && first != '_') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch < 0x80 && (Character.isLetterOrDigit(ch) || ch == '_' || ch == '(' || ch == ')'))) {
                return false;
            }
        }
        return !BOOL.matcher(s).matches() && !NULL.matcher(s).matches();
    }

    private static Style analyse(String s) {
        if (!s.isEmpty() && simpleIdentifier(s)) {
            return Style.PLAIN;
        }
        if (s.isEmpty() || implicitlyResolved(s)) {
            return Style.SINGLE;
        }
        boolean special = false;
        boolean blockIndicators = false;
        boolean lineBreaks = false;
        if (s.startsWith("---") || s.startsWith("...")) {
            blockIndicators = true;
        }
        boolean precededBySpace = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean followedBySpace = i + 1 >= s.length() || " \t\r\n\u0085\u2028\u2029".indexOf(s.charAt(i + 1)) >= 0;
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                    blockIndicators = true;
                }
                if ((ch == '?' || ch == ':' || ch == '-') && followedBySpace) {
                    blockIndicators = true;
                }
            } else {
                if (ch == ':' && followedBySpace) {
                    blockIndicators = true;
                }
                if (ch == '#' && precededBySpace) {
                    blockIndicators = true;
                }
            }
            if (ch == '\n' || ch == '\r' || ch == '\u0085' || ch == '\u2028' || ch == '\u2029') {
                lineBreaks = true;
            }
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7e))) {
                special = true;
            }
            precededBySpace = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        }
        if (special || lineBreaks) {
            return Style.DOUBLE;
        }
        boolean leadingOrTrailingSpace = s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ';
        if (leadingOrTrailingSpace || blockIndicators) {
            return Style.SINGLE;
        }
        return Style.PLAIN;
    }

    /** Plain scalars longer than the line width break at single spaces, like the reference. */
    private String foldPlain(String s, int contIndent) {
        if (!s.contains(" ")) {
            return s;
        }
        int column = currentColumn() + 1;
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == ' ') {
                int j = i;
                while (j < s.length() && s.charAt(j) == ' ') {
                    j++;
                }
                if (j - i == 1 && column > BEST_WIDTH && j < s.length()) {
                    b.append('\n').append(spaces(contIndent));
                    column = contIndent;
                } else {
                    b.append(s, i, j);
                    column += j - i;
                }
                i = j;
            } else {
                b.append(ch);
                column++;
                i++;
            }
        }
        return b.toString();
    }

    private int currentColumn() {
        int lastNl = out.lastIndexOf("\n");
        return out.length() - (lastNl + 1);
    }

    private static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\0' -> b.append("\\0");
                case 0x07 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case 0x0b -> b.append("\\v");
                case '\f' -> b.append("\\f");
                case '\r' -> b.append("\\r");
                case 0x1b -> b.append("\\e");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\u0085' -> b.append("\\N");
                case '\u00a0' -> b.append("\\_");
                case '\u2028' -> b.append("\\L");
                case '\u2029' -> b.append("\\P");
                default -> {
                    if (ch >= 0x20 && ch <= 0x7e) {
                        b.append(ch);
                    } else if (ch <= 0xff) {
                        b.append(String.format("\\x%02X", (int) ch));
                    } else {
                        b.append(String.format("\\u%04X", (int) ch));
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
