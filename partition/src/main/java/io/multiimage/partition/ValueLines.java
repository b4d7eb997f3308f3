package io.multiimage.partition;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain values — mappings, lists, strings, {@link Long}s, {@link Integer}s, {@link Double}s,
 * {@link Boolean}s, {@code null} — as lines of text and back, without YAML: each mapping or list
 * is one line ({@code map} or {@code list}, then its keys and values separated by tabs), written
 * after the mappings and lists it holds; a value is a token ({@code ~}, {@code T}, {@code F},
 * {@code L42}, {@code I7}, {@code D<bits in hex>}, {@code S<text>}, {@code @<n>} for the n-th
 * mapping or list). An object held twice is written once and referenced twice, so sharing — what
 * {@code partitions.yml} writes as anchors — survives the round trip. Text is escaped to printable
 * ASCII (a backslash before {@code \}, {@code t}, {@code n}, {@code r}, or {@code u} and four hex
 * digits), so a line never holds a tab or a line break of its content.
 */
final class ValueLines {

    /** A line or token that is not what {@link Writer} writes. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private ValueLines() {}

    /** Turns values into tokens, collecting the lines of the mappings and lists they hold. */
    static final class Writer {
        private final List<String> lines = new ArrayList<>();
        private final IdentityHashMap<Object, Integer> ids = new IdentityHashMap<>();

        /**
         * The token of {@code value}; a mapping or list not written yet is written first.
         *
         * @throws IllegalArgumentException for a value of another type
         */
        String token(Object value) {
            if (value == null) {
                return "~";
            }
            if (value instanceof Boolean b) {
                return b ? "T" : "F";
            }
            if (value instanceof Long l) {
                return "L" + l;
            }
            if (value instanceof Integer i) {
                return "I" + i;
            }
            if (value instanceof Double d) {
                return "D" + Long.toHexString(Double.doubleToRawLongBits(d));
            }
            if (value instanceof String s) {
                return "S" + escape(s);
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                Integer id = ids.get(value);
                if (id == null) {
                    id = define(value);
                }
                return "@" + id;
            }
            throw new IllegalArgumentException(
                    "cannot record a " + value.getClass().getName());
        }

        private int define(Object container) {
            StringBuilder line = new StringBuilder();
            if (container instanceof Map<?, ?> map) {
                line.append("map");
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("cannot record a key of type " + entry.getKey());
                    }
                    line.append('\t').append(escape(key)).append('\t').append(token(entry.getValue()));
                }
            } else {
                line.append("list");
                for (Object item : (List<?>) container) {
                    line.append('\t').append(token(item));
                }
            }
            if (ids.containsKey(container)) {
                throw new IllegalArgumentException("a mapping or list contains itself");
            }
            int id = ids.size();
            ids.put(container, id);
            lines.add(line.toString());
            return id;
        }

        /** The lines written so far, in the order a {@link Reader} needs them. */
        List<String> lines() {
            return List.copyOf(lines);
        }
    }

    /** Reads back what a {@link Writer} wrote: definition lines first, then tokens. */
    static final class Reader {
        private final List<Object> containers = new ArrayList<>();

        /** True when {@code line} is a definition ({@code map} or {@code list} line). */
        static boolean isDefinition(String line) {
            return line.equals("map") || line.equals("list") || line.startsWith("map\t") || line.startsWith("list\t");
        }

        /** Reads a definition line. */
        void define(String line) throws Malformed {
            String[] fields = line.split("\t", -1);
            if (fields[0].equals("map")) {
                if (fields.length % 2 != 1) {
                    throw new Malformed("a key without a value");
                }
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 1; i < fields.length; i += 2) {
                    String key = unescape(fields[i]);
                    if (map.containsKey(key)) {
                        throw new Malformed("key given twice: " + key);
                    }
                    map.put(key, value(fields[i + 1]));
                }
                containers.add(map);
            } else if (fields[0].equals("list")) {
                List<Object> list = new ArrayList<>();
                for (int i = 1; i < fields.length; i++) {
                    list.add(value(fields[i]));
                }
                containers.add(list);
            } else {
                throw new Malformed("not a definition: " + fields[0]);
            }
        }

        /** The value of a token; a reference must name a mapping or list defined before. */
        Object value(String token) throws Malformed {
            if (token.isEmpty()) {
                throw new Malformed("empty token");
            }
            String rest = token.substring(1);
            try {
                return switch (token.charAt(0)) {
                    case '~' -> nothingAfter(rest, null);
                    case 'T' -> nothingAfter(rest, Boolean.TRUE);
                    case 'F' -> nothingAfter(rest, Boolean.FALSE);
                    case 'L' -> Long.valueOf(decimal(rest));
                    case 'I' -> Integer.valueOf(decimal(rest));
                    case 'D' -> Double.longBitsToDouble(Long.parseUnsignedLong(rest, 16));
                    case 'S' -> unescape(rest);
                    case '@' -> container(Integer.parseInt(decimal(rest)));
                    default -> throw new Malformed("unknown token " + token);
                };
            } catch (NumberFormatException e) {
                throw new Malformed("not a number: " + token);
            }
        }

        private static Object nothingAfter(String rest, Object value) throws Malformed {
            if (!rest.isEmpty()) {
                throw new Malformed("unexpected text after a token: " + rest);
            }
            return value;
        }

        /** Digits with an optional minus: what {@code Long.toString} writes, nothing else. */
        private static String decimal(String text) throws Malformed {
            if (text.isEmpty() || text.startsWith("+")) {
                throw new Malformed("not a number: " + text);
            }
            return text;
        }

        private Object container(int id) throws Malformed {
            if (id < 0 || id >= containers.size()) {
                throw new Malformed("reference to @" + id + " before its definition");
            }
            return containers.get(id);
        }
    }

    /** {@code s} in printable ASCII without tabs: backslash escapes for the rest. */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7f && c != '\\';
            if (plain) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** The text {@link #escape} turned into {@code s}. */
    static String unescape(String s) throws Malformed {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new Malformed("a backslash at the end of " + s);
            }
            switch (s.charAt(i)) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    if (i + 5 > s.length()) {
                        throw new Malformed("a short \\u escape in " + s);
                    }
                    String hex = s.substring(i + 1, i + 5);
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(hex.charAt(k), 16) < 0 || hex.charAt(k) > 'f') {
                            throw new Malformed("not hex: " + hex);
                        }
                    }
                    out.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                }
                default -> throw new Malformed("unknown escape \\" + s.charAt(i));
            }
        }
        return out.toString();
    }
}
