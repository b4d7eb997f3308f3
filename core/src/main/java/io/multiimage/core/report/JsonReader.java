package io.multiimage.core.report;

import io.multiimage.core.InvalidConfigurationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259) into maps in document order, lists, strings, numbers
 * ({@code Long} when integral and in range, else {@code BigDecimal}), booleans and
 * {@code null}. Errors name the source, line and column. Small on purpose: core reads one kind
 * of JSON document ({@code build-info.json}) and carries no JSON library.
 */
final class JsonReader {

    private final String text;
    private final String source;
    private int pos;

    private JsonReader(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * Parses {@code text}, read from {@code source}.
     *
     * @throws InvalidConfigurationException naming {@code source:line:column} and what was expected
     */
    static Object parse(String text, String source) throws InvalidConfigurationException {
        JsonReader reader = new JsonReader(text, source);
        reader.skipSpace();
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.pos < text.length()) {
            throw reader.error("text after the end of the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws InvalidConfigurationException {
        if (depth > 200) {
            throw error("nesting deeper than 200 levels");
        }
        if (pos >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected '" + c + "' where a value was expected");
            }
        };
    }

    private Map<String, Object> object(int depth) throws InvalidConfigurationException {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek('}')) {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw error("expected a member name in double quotes");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array(int depth) throws InvalidConfigurationException {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() throws InvalidConfigurationException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("a control character inside a string (write it as an escape such as \\n)");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("expected four hex digits after \\u");
                    }
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw error("unknown escape \\" + e);
                }
            }
        }
        throw error("the text ends inside a string");
    }

    private Object number() throws InvalidConfigurationException {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        digits();
        boolean integral = true;
        if (peek('.')) {
            pos++;
            digits();
            integral = false;
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            digits();
            integral = false;
        }
        String number = text.substring(start, pos);
        BigDecimal value = new BigDecimal(number);
        if (integral) {
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                return value;
            }
        }
        return value;
    }

    private void digits() throws InvalidConfigurationException {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 0x80) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private Object literal(String word, Object value) throws InvalidConfigurationException {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return value;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) throws InvalidConfigurationException {
        if (!peek(c)) {
            throw error(
                    pos >= text.length()
                            ? "the text ends where '" + c + "' was expected"
                            : "expected '" + c + "' but found '" + text.charAt(pos) + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private InvalidConfigurationException error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        InvalidConfigurationException e =
                new InvalidConfigurationException(source + ":" + line + ":" + column + ": not valid JSON: " + what);
        e.blameFile(source);
        return e;
    }
}
