package io.multiimage.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for the YAML subset of partition manager files: block mappings
 * and sequences, flow collections, plain and one-line quoted scalars, comments, anchors and
 * aliases, one document. Anything else is rejected with the line it was found on.
 *
 * <p>Block parsing keeps one invariant: a block parse method returns with the cursor on the
 * first non-space character of the next content line (or at the end), so the caller decides by
 * that line's indentation whether its own collection goes on.
 */
final class YamlTextParser {

    /**
     * Deepest nesting of collections accepted. Partition files nest four or five levels; the
     * limit only stops hostile input before the recursive descent exhausts the thread's stack
     * (every level costs a few stack frames here and in the code that walks the result).
     */
    static final int MAX_DEPTH = 1000;

    /** A syntax error: what was expected or is not supported, and the 1-based line. */
    static class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxError(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** Valid YAML nested deeper than {@link #MAX_DEPTH}: refused, but not a syntax error. */
    static final class TooDeep extends SyntaxError {
        private static final long serialVersionUID = 1L;

        TooDeep(int line) {
            super("nesting deeper than " + MAX_DEPTH + " levels", line);
        }
    }

    /** The parse result with the line of every key of every mapping (by mapping identity). */
    record Parsed(YamlReader.Document document, Map<Map<String, Object>, Map<String, Integer>> keyLines) {}

    /** A scalar before it is typed: keys keep their text, values are resolved. */
    private record Scalar(String text, boolean plain, int line) {}

    private final char[] s;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final Map<String, Object> anchors = new HashMap<>();
    private final Map<String, Integer> anchorLines = new HashMap<>();
    private final Set<String> openAnchors = new HashSet<>();
    private final Map<String, Integer> topLevelLines = new LinkedHashMap<>();
    private final Map<Map<String, Object>, Map<String, Integer>> keyLines = new IdentityHashMap<>();

    private YamlTextParser(String text) {
        this.s = normaliseLineBreaks(text);
    }

    /** The root value of the only document in {@code text} and the line of each top-level key. */
    static YamlReader.Document parse(String text) throws SyntaxError {
        return parseWithKeyLines(text).document();
    }

    /** Like {@link #parse}, also giving the line of every key of every mapping. */
    static Parsed parseWithKeyLines(String text) throws SyntaxError {
        YamlTextParser p = new YamlTextParser(text);
        Object root = p.document();
        return new Parsed(new YamlReader.Document(root, Map.copyOf(p.topLevelLines)), p.keyLines);
    }

    private static char[] normaliseLineBreaks(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.indexOf('\r') >= 0) {
            t = t.replace("\r\n", "\n").replace('\r', '\n');
        }
        return t.toCharArray();
    }

    // ---- document

    private Object document() throws SyntaxError {
        checkCharacters();
        nextContentLine();
        if (atEnd()) {
            return null;
        }
        if (col() == 0 && peek() == '%') {
            throw error("YAML directives ('%') are not supported");
        }
        Object root = null;
        if (atMarker('-')) {
            pos += 3;
            expectLineEnd("'---'");
            nextContentLine();
        }
        if (!atEnd() && !atMarker('.') && !atMarker('-')) {
            root = node(-1, true, false, 0);
        }
        if (atMarker('.')) {
            pos += 3;
            expectLineEnd("'...'");
            nextContentLine();
        }
        if (!atEnd()) {
            if (atMarker('-')) {
                throw error("a second YAML document ('---') is not supported; expected one document");
            }
            throw error("unexpected content at column " + (col() + 1) + " (check the indentation)");
        }
        return root;
    }

    private void checkCharacters() throws SyntaxError {
        int ln = 1;
        for (char c : s) {
            if (c == '\n') {
                ln++;
            } else if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f && c != 0x85) || c == 0xfffe || c == 0xffff) {
                // what YAML (and the reference's loader) calls non-printable
                throw new SyntaxError(String.format("control character U+%04X is not allowed", (int) c), ln);
            }
        }
    }

    /** True at "---" or "..." in column 0 followed by a space or the line end. */
    private boolean atMarker(char c) {
        return col() == 0
                && pos + 2 < s.length
                && s[pos] == c
                && s[pos + 1] == c
                && s[pos + 2] == c
                && (pos + 3 >= s.length || isSpace(s[pos + 3]) || s[pos + 3] == '\n');
    }

    // ---- block structure

    /**
     * A node whose first character is under the cursor (possibly mid-line).
     *
     * @param parent     indentation of the enclosing block collection (-1 at the root)
     * @param compact    a block collection may start here (line start or after "- ")
     * @param indentless after "key:", a sequence may sit at the key's own indentation
     * @param depth      0 for the root
     */
    private Object node(int parent, boolean compact, boolean indentless, int depth) throws SyntaxError {
        checkDepth(depth);
        char c = peek();
        int nodeLine = line;
        int column = col();
        switch (c) {
            case '&' -> {
                String name = anchorName();
                skipSpaces();
                Object value;
                openAnchors.add(name);
                if (atLineEnd()) {
                    nextContentLine();
                    if (peek() == '&' && col() > parent) {
                        throw error("a node may have only one anchor");
                    }
                    value = valueOnNextLines(parent, indentless, depth);
                } else {
                    if (peek() == '&') {
                        throw error("a node may have only one anchor");
                    }
                    if (startsBlockKey()) {
                        throw error("an anchor before a mapping key is not supported; put &" + name
                                + " on the line before the mapping");
                    }
                    value = node(parent, false, indentless, depth);
                }
                openAnchors.remove(name);
                defineAnchor(name, value, nodeLine);
                return value;
            }
            case '*' -> {
                Object value = alias();
                skipSpaces();
                if (peek() == ':') {
                    throw error("an alias as a mapping key is not supported");
                }
                endOfLine("an alias");
                return value;
            }
            case '[', '{' -> {
                Object value = flowNode(depth);
                skipSpaces();
                if (peek() == ':') {
                    throw error("a flow collection as a mapping key is not supported");
                }
                endOfLine("a flow collection");
                return value;
            }
            case '"', '\'' -> {
                String text = quoted();
                skipSpaces();
                if (isValueIndicator()) {
                    return blockMapping(new Scalar(text, false, nodeLine), column, compact, depth);
                }
                endOfLine("a quoted scalar");
                return text;
            }
            case '-', '?', ':' -> {
                if (followedBySpace(pos + 1)) {
                    if (c == '-') {
                        if (!compact) {
                            throw error("a block sequence cannot start on the line of its key; "
                                    + "start it on the next line");
                        }
                        return blockSequence(depth);
                    }
                    throw error(
                            c == '?'
                                    ? "complex mapping keys ('? ') are not supported"
                                    : "a mapping key is missing before ':'");
                }
                return plainInBlock(parent, compact, depth);
            }
            default -> {
                rejectIndicator(c);
                return plainInBlock(parent, compact, depth);
            }
        }
    }

    /** After "key:" or "- " (and an optional anchor) with nothing else on the line. */
    private Object valueOnNextLines(int parent, boolean indentless, int depth) throws SyntaxError {
        if (atLineEnd()) {
            nextContentLine();
        }
        if (atEnd() || atMarker('-') || atMarker('.')) {
            return null;
        }
        int c = col();
        if (c > parent) {
            return node(parent, true, false, depth);
        }
        if (indentless && c == parent && peek() == '-' && followedBySpace(pos + 1)) {
            return blockSequence(depth);
        }
        return null;
    }

    private Map<String, Object> blockMapping(Scalar firstKey, int indent, boolean compact, int depth)
            throws SyntaxError {
        if (!compact) {
            throw new SyntaxError(
                    "mapping values are not allowed here (a value cannot itself be "
                            + "'key: value' on the same line; quote it or nest it on the next line)",
                    firstKey.line());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        keyLines.put(map, lines);
        Scalar key = firstKey;
        while (true) {
            pos++; // the ':'
            newKey(lines, key.text(), key.line());
            if (depth == 0) {
                topLevelLines.putIfAbsent(key.text(), key.line());
            }
            skipSpaces();
            Object value =
                    atLineEnd() ? valueOnNextLines(indent, true, depth + 1) : node(indent, false, true, depth + 1);
            map.put(key.text(), value);
            if (atEnd() || col() < indent || atMarker('-') || atMarker('.')) {
                return map;
            }
            if (col() > indent) {
                throw error("unexpected indentation: expected a key at column " + (indent + 1) + ", found column "
                        + (col() + 1));
            }
            key = blockKey();
        }
    }

    private Scalar blockKey() throws SyntaxError {
        int keyLine = line;
        char c = peek();
        String text;
        if (c == '"' || c == '\'') {
            text = quoted();
            skipSpaces();
        } else {
            if (c == '-' && followedBySpace(pos + 1)) {
                throw error("expected a mapping key, found a sequence entry '- ' (check the indentation)");
            }
            if (c == '?' && followedBySpace(pos + 1)) {
                throw error("complex mapping keys ('? ') are not supported");
            }
            if (c == ':' && followedBySpace(pos + 1)) {
                throw error("a mapping key is missing before ':'");
            }
            if (c == '&' || c == '*') {
                throw error("anchors and aliases on mapping keys are not supported");
            }
            if (c == '[' || c == '{') {
                throw error("a flow collection as a mapping key is not supported");
            }
            rejectIndicator(c);
            text = plainText(false);
        }
        if (!isValueIndicator()) {
            throw new SyntaxError("expected 'key: value', found '" + text + "' without ':'", keyLine);
        }
        return new Scalar(text, c != '"' && c != '\'', keyLine);
    }

    private List<Object> blockSequence(int depth) throws SyntaxError {
        int indent = col();
        List<Object> list = new ArrayList<>();
        while (true) {
            pos++; // the '-'
            skipSpaces();
            list.add(atLineEnd() ? valueOnNextLines(indent, false, depth + 1) : node(indent, true, false, depth + 1));
            if (atEnd() || col() < indent || atMarker('-') || atMarker('.')) {
                return list;
            }
            if (col() > indent) {
                throw error("unexpected indentation: expected '- ' at column " + (indent + 1) + ", found column "
                        + (col() + 1));
            }
            if (!(peek() == '-' && followedBySpace(pos + 1))) {
                return list;
            }
        }
    }

    /** A plain scalar in block context: a key (then a mapping starts) or a value, maybe folded over lines. */
    private Object plainInBlock(int parent, boolean compact, int depth) throws SyntaxError {
        int startLine = line;
        int column = col();
        String first = plainText(false);
        if (isValueIndicator()) {
            return blockMapping(new Scalar(first, true, startLine), column, compact, depth);
        }
        StringBuilder folded = null;
        while (true) {
            // look ahead for a continuation line: more indented than the parent, not a comment
            int save = pos;
            int saveLine = line;
            int saveStart = lineStart;
            if (!atLineEnd() || peek() == '#') {
                break;
            }
            int blank = 0;
            boolean found = false;
            while (pos < s.length) {
                pos++; // the '\n'
                line++;
                lineStart = pos;
                skipSpaces();
                if (peek() == '\n') {
                    blank++;
                    continue;
                }
                found = !atEnd() && col() > parent && peek() != '#' && !atMarker('-') && !atMarker('.');
                break;
            }
            if (!found) {
                pos = save;
                line = saveLine;
                lineStart = saveStart;
                break;
            }
            if (folded == null) {
                folded = new StringBuilder(first);
            }
            // one line break folds to a space; each blank line between keeps a line break
            folded.append(blank == 0 ? " " : "\n".repeat(blank));
            folded.append(plainText(false));
            if (isValueIndicator()) {
                throw error("mapping values are not allowed here (a continuation line of a plain "
                        + "scalar contains ': '; check the indentation)");
            }
        }
        String text = folded == null ? first : folded.toString();
        endOfLine("a plain scalar");
        return typed(text, startLine);
    }

    // ---- flow collections

    private Object flowNode(int depth) throws SyntaxError {
        Object n = flowItem(depth);
        if (n instanceof Scalar sc) {
            return sc.plain() ? typed(sc.text(), sc.line()) : sc.text();
        }
        return n;
    }

    /** A flow node; scalars stay {@link Scalar} so a caller can use them as keys. */
    private Object flowItem(int depth) throws SyntaxError {
        skipFlowSpace();
        checkDepth(depth);
        int itemLine = line;
        char c = peek();
        switch (c) {
            case '[' -> {
                pos++;
                int open = line;
                List<Object> list = new ArrayList<>();
                while (true) {
                    skipFlowSpace();
                    if (peek() == ']') {
                        pos++;
                        return list;
                    }
                    if (atEnd()) {
                        throw notClosed("flow sequence", ']', open);
                    }
                    Object item = flowItem(depth + 1);
                    int itemEnd = line;
                    skipFlowSpace();
                    if (peek() == ':') {
                        sameLineAsKey(itemEnd);
                        // [key: value] is a one-pair mapping
                        Map<String, Object> pair = new LinkedHashMap<>();
                        pos++;
                        String pairKey = flowKey(item);
                        keyLines.put(pair, Map.of(pairKey, ((Scalar) item).line()));
                        pair.put(pairKey, flowValue(depth + 2));
                        item = pair;
                        skipFlowSpace();
                    } else if (item instanceof Scalar sc) {
                        item = sc.plain() ? typed(sc.text(), sc.line()) : sc.text();
                    }
                    list.add(item);
                    if (!flowSeparator(']', "flow sequence", open)) {
                        return list;
                    }
                }
            }
            case '{' -> {
                pos++;
                int open = line;
                Map<String, Object> map = new LinkedHashMap<>();
                Map<String, Integer> lines = new HashMap<>();
                keyLines.put(map, lines);
                while (true) {
                    skipFlowSpace();
                    if (peek() == '}') {
                        pos++;
                        return map;
                    }
                    if (atEnd()) {
                        throw notClosed("flow mapping", '}', open);
                    }
                    int keyLine = line;
                    String key = flowKey(flowItem(depth + 1));
                    int keyEnd = line;
                    skipFlowSpace();
                    Object value = null;
                    if (peek() == ':') {
                        sameLineAsKey(keyEnd);
                        pos++;
                        value = flowValue(depth + 1);
                    }
                    newKey(lines, key, keyLine);
                    if (depth == 0) {
                        topLevelLines.putIfAbsent(key, keyLine);
                    }
                    map.put(key, value);
                    if (!flowSeparator('}', "flow mapping", open)) {
                        return map;
                    }
                }
            }
            case '&' -> {
                String name = anchorName();
                openAnchors.add(name);
                skipFlowSpace();
                if (peek() == '&') {
                    throw error("a node may have only one anchor");
                }
                Object value = flowNode(depth);
                openAnchors.remove(name);
                defineAnchor(name, value, itemLine);
                return value;
            }
            case '*' -> {
                return alias();
            }
            case '"', '\'' -> {
                return new Scalar(quoted(), false, itemLine);
            }
            case ',', ']', '}' -> throw error("unexpected '" + c + "' in a flow collection (missing value?)");
            default -> {
                if (atEnd()) {
                    throw error("the flow collection is not closed before the end of the file");
                }
                if (c == '-' && followedBySpace(pos + 1)) {
                    throw error("a block sequence entry '- ' is not allowed inside a flow collection");
                }
                rejectIndicator(c);
                return new Scalar(plainText(true), true, itemLine);
            }
        }
    }

    /**
     * Records a key of a mapping; a key given twice is an error. YAML requires unique keys;
     * PyYAML silently keeps the last value, which hides a mistake (two {@code size:} lines).
     */
    private static void newKey(Map<String, Integer> lines, String key, int keyLine) throws SyntaxError {
        Integer first = lines.putIfAbsent(key, keyLine);
        if (first != null) {
            throw new SyntaxError(
                    "duplicate key '" + key + "' (first on line " + first + "); a mapping may give each key only once",
                    keyLine);
        }
    }

    private void checkDepth(int depth) throws SyntaxError {
        if (depth > MAX_DEPTH) {
            throw new TooDeep(line);
        }
    }

    /** A key and its ':' share a line (YAML's implicit keys are single-line). */
    private void sameLineAsKey(int keyLine) throws SyntaxError {
        if (line != keyLine) {
            throw error("':' must be on the same line as its key (line " + keyLine + ")");
        }
    }

    /** After ':' in a flow collection: a value, or null when the entry ends. */
    private Object flowValue(int depth) throws SyntaxError {
        skipFlowSpace();
        char c = peek();
        if (c == ',' || c == '}' || c == ']') {
            return null;
        }
        return flowNode(depth);
    }

    private String flowKey(Object item) throws SyntaxError {
        if (item instanceof Scalar sc) {
            return sc.text();
        }
        throw error("a flow mapping key must be a scalar, not a collection or an alias");
    }

    /** Consumes ',' (true: more entries may follow) or the closing bracket (false). */
    private boolean flowSeparator(char close, String what, int openLine) throws SyntaxError {
        skipFlowSpace();
        char c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            return false;
        }
        if (atEnd()) {
            throw notClosed(what, close, openLine);
        }
        throw error("expected ',' or '" + close + "' in a " + what + ", found '" + c + "'");
    }

    private static SyntaxError notClosed(String what, char close, int openLine) {
        return new SyntaxError(
                "the " + what + " opened on this line is not closed: expected ',' or '" + close
                        + "' before the end of the file",
                openLine);
    }

    /** Spaces, line breaks and comments between flow tokens. */
    private void skipFlowSpace() throws SyntaxError {
        while (pos < s.length) {
            char c = s[pos];
            if (c == ' ') {
                pos++;
            } else if (c == '\t') {
                throw tab();
            } else if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
                if (atMarker('-') || atMarker('.')) {
                    throw error("a document marker inside an unclosed flow collection");
                }

            } else if (c == '#' && (pos == lineStart || isSpace(s[pos - 1]))) {
                while (pos < s.length && s[pos] != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    // ---- scalars

    /**
     * The text of a plain scalar up to the end of its line, a comment, a value indicator
     * (':' then space) or, in flow context, a flow indicator; trailing spaces removed.
     */
    private String plainText(boolean flow) throws SyntaxError {
        int start = pos;
        int end = pos;
        while (pos < s.length) {
            char c = s[pos];
            if (c == '\n') {
                break;
            }
            if (c == '\t') {
                throw tab();
            }
            if (c == ':'
                    && (followedBySpace(pos + 1) || (flow && pos + 1 < s.length && ",[]{}".indexOf(s[pos + 1]) >= 0))) {
                break;
            }
            if (c == '#' && pos > start && isSpace(s[pos - 1])) {
                break;
            }
            if (flow && ",[]{}".indexOf(c) >= 0) {
                break;
            }
            if (flow && (c == '?' || (c == ':' && pos == start))) {
                // '?' marks a complex key in flow context, ':' a value; readers disagree on the rest
                throw error("'" + c + "' in a plain scalar inside a flow collection is not supported; quote the value");
            }
            pos++;
            if (!isSpace(c)) {
                end = pos;
            }
        }
        if (end == start) {
            throw error("expected a value, found '" + (atEnd() ? "end of file" : String.valueOf(peek())) + "'");
        }
        String text = new String(s, start, end - start);
        pos = end;
        skipSpaces();
        return text;
    }

    private String quoted() throws SyntaxError {
        char q = s[pos++];
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length || s[pos] == '\n') {
                throw error(
                        "the quoted scalar is not closed on its line (multi-line quoted scalars are not supported)");
            }
            char c = s[pos++];
            if (c == q) {
                if (q == '\'' && pos < s.length && s[pos] == '\'') {
                    b.append('\'');
                    pos++;
                    continue;
                }
                return b.toString();
            }
            if (c == '\\' && q == '"') {
                escape(b);
            } else {
                b.append(c);
            }
        }
    }

    private void escape(StringBuilder b) throws SyntaxError {
        if (pos >= s.length || s[pos] == '\n') {
            throw error("a line continuation '\\' in a double-quoted scalar is not supported");
        }
        char e = s[pos++];
        switch (e) {
            case '0' -> b.append('\0');
            case 'a' -> b.append('\u0007');
            case 'b' -> b.append('\b');
            case 't', '\t' -> b.append('\t');
            case 'n' -> b.append('\n');
            case 'v' -> b.append('\u000b');
            case 'f' -> b.append('\f');
            case 'r' -> b.append('\r');
            case 'e' -> b.append('\u001b');
            case ' ' -> b.append(' ');
            case '"' -> b.append('"');
            case '/' -> b.append('/');
            case '\\' -> b.append('\\');
            case 'N' -> b.append('\u0085');
            case '_' -> b.append('\u00a0');
            case 'L' -> b.append('\u2028');
            case 'P' -> b.append('\u2029');
            case 'x' -> b.appendCodePoint(hexDigits(2));
            case 'u' -> b.appendCodePoint(hexDigits(4));
            case 'U' -> b.appendCodePoint(hexDigits(8));
            default -> throw error("unknown escape '\\" + e + "' in a double-quoted scalar");
        }
    }

    private int hexDigits(int n) throws SyntaxError {
        if (pos + n > s.length) {
            throw error("expected " + n + " hex digits after the escape");
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = Character.digit(s[pos + i], 16);
            if (d < 0) {
                throw error("expected " + n + " hex digits after the escape, found '" + new String(s, pos, n) + "'");
            }
            v = v * 16 + d;
        }
        if (v > Character.MAX_CODE_POINT) {
            throw error("escape \\U" + new String(s, pos, n) + " is not a Unicode code point");
        }
        pos += n;
        return v;
    }

    private Object typed(String text, int at) throws SyntaxError {
        try {
            return YamlScalars.resolve(text);
        } catch (YamlScalars.BadNumber e) {
            throw new SyntaxError(e.getMessage(), at);
        }
    }

    // ---- anchors and aliases

    private String anchorName() throws SyntaxError {
        int start = ++pos;
        while (pos < s.length && (Character.isLetterOrDigit(s[pos]) || s[pos] == '_' || s[pos] == '-')) {
            pos++;
        }
        char kind = s[start - 1];
        if (pos == start) {
            throw error("expected a name after '" + kind + "'");
        }
        if (pos < s.length && !isSpace(s[pos]) && s[pos] != '\n' && ",]}".indexOf(s[pos]) < 0) {
            throw error(
                    "the name after '" + kind + "' may only have letters, digits, '-' and '_'; found '" + s[pos] + "'");
        }
        return new String(s, start, pos - start);
    }

    private void defineAnchor(String name, Object value, int at) throws SyntaxError {
        Integer earlier = anchorLines.putIfAbsent(name, at);
        if (earlier != null) {
            throw new SyntaxError("anchor &" + name + " is defined twice (first on line " + earlier + ")", at);
        }
        anchors.put(name, value);
    }

    private Object alias() throws SyntaxError {
        String name = anchorName();
        if (openAnchors.contains(name)) {
            throw error("alias *" + name + " refers to a node that contains it (recursive aliases are not supported)");
        }
        if (!anchors.containsKey(name)) {
            throw error("unknown YAML alias *" + name);
        }
        return anchors.get(name);
    }

    // ---- characters and lines

    private boolean atEnd() {
        return pos >= s.length;
    }

    private char peek() {
        return pos < s.length ? s[pos] : '\0';
    }

    private int col() {
        return pos - lineStart;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private boolean followedBySpace(int i) {
        return i >= s.length || isSpace(s[i]) || s[i] == '\n';
    }

    /** ':' followed by a space or the line end: a mapping value follows. */
    private boolean isValueIndicator() {
        return peek() == ':' && followedBySpace(pos + 1);
    }

    /** Does a block mapping key ("text: " or "'text': ") start under the cursor? */
    private boolean startsBlockKey() {
        int i = pos;
        char c = peek();
        if (c == '"' || c == '\'') {
            i++;
            while (i < s.length && s[i] != c && s[i] != '\n') {
                i += s[i] == '\\' && c == '"' ? 2 : 1;
            }
            i++;
            while (i < s.length && isSpace(s[i])) {
                i++;
            }
            return i < s.length && s[i] == ':' && followedBySpace(i + 1);
        }
        if (c == '[' || c == '{' || c == '*') {
            return false;
        }
        while (i < s.length && s[i] != '\n') {
            if (s[i] == ':' && followedBySpace(i + 1)) {
                return true;
            }
            if (s[i] == '#' && i > pos && isSpace(s[i - 1])) {
                return false;
            }
            i++;
        }
        return false;
    }

    private void skipSpaces() throws SyntaxError {
        while (pos < s.length && s[pos] == ' ') {
            pos++;
        }
        if (pos < s.length && s[pos] == '\t') {
            throw tab();
        }
    }

    /** Like the reference's loader, tabs are only allowed in quoted scalars and comments. */
    private SyntaxError tab() {
        return error("a tab character at column " + (col() + 1)
                + "; YAML separates and indents with spaces (tabs only inside quotes or comments)");
    }

    /** At the line end, the end of the text or a comment (spaces already skipped). */
    private boolean atLineEnd() {
        return pos >= s.length || s[pos] == '\n' || s[pos] == '#';
    }

    private void expectLineEnd(String after) throws SyntaxError {
        skipSpaces();
        if (!atLineEnd()) {
            throw error("content on the same line as " + after + " is not supported");
        }
    }

    /** After a complete value: only a comment may follow on the line; moves to the next content line. */
    private void endOfLine(String what) throws SyntaxError {
        skipSpaces();
        if (!atLineEnd()) {
            throw error("unexpected '" + peek() + "' after " + what + " (quote the value if it contains it)");
        }
        nextContentLine();
    }

    /**
     * Skips the rest of the current line and any blank or comment-only lines; stops on the first
     * non-space character of the next content line. Tabs may not indent.
     */
    private void nextContentLine() throws SyntaxError {
        boolean lineStartNow = pos == lineStart;
        while (pos < s.length) {
            if (!lineStartNow) {
                while (pos < s.length && s[pos] != '\n') {
                    pos++;
                }
                if (pos >= s.length) {
                    return;
                }
                pos++;
                line++;
                lineStart = pos;
            }
            lineStartNow = false;
            skipSpaces();
            if (pos < s.length && s[pos] != '\n' && s[pos] != '#') {
                return;
            }
        }
    }

    /** Characters that cannot start a plain scalar, each with what it means. */
    private void rejectIndicator(char c) throws SyntaxError {
        switch (c) {
            case '!' -> throw error("YAML tags ('!') are not supported");
            case '|', '>' -> throw error("block scalars ('" + c + "') are not supported; write the value on one line");
            case '%' -> throw error("'%' cannot start a plain scalar; quote the value");
            case '@', '`' ->
                throw error("'" + c + "' is reserved in YAML and cannot start a plain scalar; quote the value");
            case ',', ']', '}' -> throw error("unexpected '" + c + "'; quote the value if it starts with it");
            case '#' -> throw error("'#' cannot start a value; a comment needs a space before it");
            default -> {}
        }
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message, line);
    }
}
