package io.multiimage.core.devicetree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads devicetree source (board file and overlays, already preprocessed and concatenated)
 * and applies every top-level block to the tree as it goes, the way dtc does: the first
 * {@code / { }} creates the tree, later blocks are merged into the node they name, and
 * {@code &LABEL} / {@code &{/path}} targets must exist at that point of the input.
 */
final class DtsParser {

    /** What the parser produces: the tree before references are resolved. */
    record Parsed(List<MemoryReservation> reservations, Node root) {}

    private record Ref(String target, SourceLocation location) {
        String display() {
            return target.startsWith("/") ? "{" + target + "}" : target;
        }
    }

    private static final int MAX_INCLUDE_DEPTH = 32;

    private final SourceReader in;
    private final List<Path> includeDirs;
    private final List<MemoryReservation> reservations = new ArrayList<>();
    private Node root;

    DtsParser(SourceText source, List<Path> includeDirs) {
        this.in = new SourceReader(source);
        this.includeDirs = List.copyOf(includeDirs);
    }

    Parsed parse() throws DevicetreeException {
        skipSpace();
        if (!in.startsWith("/dts-v1/")) {
            throw syntax("'/dts-v1/;' at the start of the board devicetree");
        }
        while (in.startsWith("/dts-v1/")) {
            in.skip("/dts-v1/".length());
            expect(';');
            skipSpace();
        }
        parseMemoryReservations();
        if (in.peek() != '/' || isKeyword()) {
            throw syntax("the root node '/ {'");
        }
        while (true) {
            skipSpace();
            if (in.atEndOfCurrent()) {
                break;
            }
            parseTopLevelItem();
        }
        return new Parsed(reservations, root);
    }

    private void parseMemoryReservations() throws DevicetreeException {
        while (true) {
            skipSpace();
            List<Label> labels = readLabels();
            if (!in.startsWith("/memreserve/")) {
                if (!labels.isEmpty()) {
                    throw syntax("'/memreserve/' after label '" + labels.get(labels.size() - 1).name + ":'");
                }
                return;
            }
            in.skip("/memreserve/".length());
            skipSpace();
            long address = integerPrimary();
            skipSpace();
            long size = integerPrimary();
            expect(';');
            List<String> names = new ArrayList<>();
            for (Label label : labels) {
                names.add(label.name);
            }
            reservations.add(new MemoryReservation(names, address, size));
        }
    }

    private void parseTopLevelItem() throws DevicetreeException {
        List<Label> labels = readLabels();
        if (in.startsWith("/delete-node/") && labels.isEmpty()) {
            in.skip("/delete-node/".length());
            skipSpace();
            if (in.peek() != '&') {
                throw syntax("'&label' or '&{/path}' after /delete-node/ at the top level");
            }
            Ref ref = reference();
            expect(';');
            Node target = root == null ? null : TreeOps.nodeByReference(root, ref.target());
            if (target == null) {
                throw new DevicetreeException(ref.location(),
                        "cannot delete node: label or path " + ref.display() + " not found");
            }
            TreeOps.delete(target);
        } else if (in.peek() == '/' && !isKeyword() && labels.isEmpty()) {
            SourceLocation location = in.location();
            in.next();
            Node block = parseNodeBody("", location);
            expect(';');
            if (root == null) {
                root = block;
            } else {
                TreeOps.merge(root, block);
            }
        } else if (in.peek() == '&') {
            Ref ref = reference();
            Node block = parseNodeBody("", ref.location());
            expect(';');
            Node target = TreeOps.nodeByReference(root, ref.target());
            if (target == null) {
                throw new DevicetreeException(ref.location(), "label or path " + ref.display() + " not found");
            }
            for (Label label : labels) {
                Labels.addInOrder(block.labels, label);
            }
            TreeOps.merge(target, block);
        } else {
            throw syntax("'/ {', '&label {', '&{/path} {' or '/delete-node/ &label;'");
        }
    }

    /** Parses {@code { properties subnodes }} into a fresh node (not yet part of the tree). */
    private Node parseNodeBody(String name, SourceLocation location) throws DevicetreeException {
        skipSpace();
        if (in.peek() != '{') {
            throw syntax("'{'");
        }
        in.next();
        Node node = new Node(name, location);
        boolean seenSubnode = false;
        while (true) {
            skipSpace();
            if (in.peek() == '}') {
                in.next();
                return node;
            }
            if (in.atEndOfCurrent() && in.depth() == 1) {
                throw syntax("'}'");
            }
            SourceLocation itemLocation = in.location();
            if (in.startsWith("/delete-property/")) {
                in.skip("/delete-property/".length());
                if (seenSubnode) {
                    throw new DevicetreeException(itemLocation, "properties must precede subnodes");
                }
                skipSpace();
                SourceLocation nameLocation = in.location();
                String propertyName = word();
                if (propertyName.isEmpty()) {
                    throw syntax("a property name after /delete-property/");
                }
                expect(';');
                Property placeholder = new Property(propertyName, PropertyValue.EMPTY, nameLocation);
                placeholder.deleted = true;
                node.properties.add(placeholder);
                continue;
            }
            if (in.startsWith("/delete-node/")) {
                in.skip("/delete-node/".length());
                skipSpace();
                SourceLocation nameLocation = in.location();
                String childName = word();
                if (childName.isEmpty()) {
                    throw syntax("a node name after /delete-node/ (use '&label' only at the top level)");
                }
                expect(';');
                Node placeholder = new Node(childName, nameLocation);
                placeholder.deleted = true;
                placeholder.parent = node;
                node.children.add(placeholder);
                seenSubnode = true;
                continue;
            }
            List<Label> labels = readLabels();
            SourceLocation nameLocation = in.location();
            String itemName = word();
            if (itemName.isEmpty()) {
                throw syntax("a property or node name");
            }
            skipSpace();
            char next = in.peek();
            if (next == '{') {
                checkNodeName(itemName, nameLocation);
                Node child = parseNodeBody(itemName, nameLocation);
                expect(';');
                for (Label label : labels) {
                    Labels.addInOrder(child.labels, label);
                }
                child.parent = node;
                node.children.add(child);
                seenSubnode = true;
            } else if (next == '=' || next == ';') {
                if (seenSubnode) {
                    throw new DevicetreeException(nameLocation, "properties must precede subnodes");
                }
                checkPropertyName(itemName, nameLocation);
                PropertyValue value = PropertyValue.EMPTY;
                if (next == '=') {
                    in.next();
                    value = parsePropertyData();
                }
                expect(';');
                Property property = new Property(itemName, value, nameLocation);
                for (Label label : labels) {
                    Labels.addInOrder(property.labels, label);
                }
                node.properties.add(property);
            } else {
                throw syntax("'=', ';' or '{' after '" + itemName + "'");
            }
        }
    }

    private PropertyValue parsePropertyData() throws DevicetreeException {
        ValueBuilder value = new ValueBuilder();
        while (true) {
            skipSpace();
            valueLabels(value);
            SourceLocation pieceLocation = in.location();
            char c = in.peek();
            if (c == '"') {
                value.marker(MarkerType.TYPE_STRING, null, pieceLocation);
                value.bytes(stringLiteral());
            } else if (c == '<') {
                in.next();
                value.marker(MarkerType.TYPE_UINT32, null, pieceLocation);
                parseCells(value, MarkerType.TYPE_UINT32);
            } else if (in.startsWith("/bits/")) {
                in.skip("/bits/".length());
                skipSpace();
                SourceLocation bitsLocation = in.location();
                long bits = integerLiteral();
                MarkerType type = MarkerType.forBits(bits);
                if (type == null) {
                    throw new DevicetreeException(bitsLocation,
                            "array elements must be 8, 16, 32 or 64 bits, not " + bits);
                }
                skipSpace();
                if (in.peek() != '<') {
                    throw syntax("'<' after /bits/ " + bits);
                }
                in.next();
                value.marker(type, null, pieceLocation);
                parseCells(value, type);
            } else if (c == '[') {
                in.next();
                value.marker(MarkerType.TYPE_UINT8, null, pieceLocation);
                parseByteString(value);
            } else if (c == '&') {
                Ref ref = reference();
                value.marker(MarkerType.TYPE_STRING, null, pieceLocation);
                value.marker(MarkerType.REF_PATH, ref.target(), ref.location());
            } else {
                throw syntax("a value (\"string\", <cells>, [bytes] or &label)");
            }
            skipSpace();
            valueLabels(value);
            skipSpace();
            if (in.peek() != ',') {
                return value.build();
            }
            in.next();
        }
    }

    private void parseCells(ValueBuilder value, MarkerType type) throws DevicetreeException {
        int bits = type.width * 8;
        while (true) {
            skipSpace();
            char c = in.peek();
            if (c == '>') {
                in.next();
                return;
            }
            if (isLabelAhead()) {
                SourceLocation location = in.location();
                value.marker(MarkerType.LABEL, labelName(), location);
            } else if (c == '&') {
                if (type != MarkerType.TYPE_UINT32) {
                    throw new DevicetreeException(in.location(),
                            "references are only allowed in arrays with 32-bit elements");
                }
                Ref ref = reference();
                value.marker(MarkerType.REF_PHANDLE, ref.target(), ref.location());
                value.cell(0xffffffffL, 4);
            } else if (c == '(' || c == '\'' || isDigit(c)) {
                SourceLocation location = in.location();
                long cell = integerPrimary();
                if (bits < 64) {
                    long mask = (1L << bits) - 1;
                    if ((cell & ~mask) != 0 && (cell | (mask >>> 1)) != -1L) {
                        throw new DevicetreeException(location,
                                "value out of range for " + bits + "-bit array element: 0x" + Long.toHexString(cell));
                    }
                }
                value.cell(cell, type.width);
            } else {
                throw syntax("a cell value, '&label' or '>'");
            }
        }
    }

    private void parseByteString(ValueBuilder value) throws DevicetreeException {
        while (true) {
            skipSpace();
            char c = in.peek();
            if (c == ']') {
                in.next();
                return;
            }
            if (isLabelAhead()) {
                SourceLocation location = in.location();
                value.marker(MarkerType.LABEL, labelName(), location);
            } else if (isHexDigit(c) && isHexDigit(in.peek(1))) {
                int high = Character.digit(in.next(), 16);
                int low = Character.digit(in.next(), 16);
                value.bytes(new byte[] {(byte) (high * 16 + low)});
            } else {
                throw syntax("two hex digits or ']'");
            }
        }
    }

    private void valueLabels(ValueBuilder value) throws DevicetreeException {
        while (isLabelAhead()) {
            SourceLocation location = in.location();
            value.marker(MarkerType.LABEL, labelName(), location);
            skipSpace();
        }
    }

    private List<Label> readLabels() throws DevicetreeException {
        List<Label> labels = new ArrayList<>();
        while (isLabelAhead()) {
            SourceLocation location = in.location();
            labels.add(new Label(labelName(), location));
            skipSpace();
        }
        return labels;
    }

    /** True if the input continues with {@code IDENT:}. */
    private boolean isLabelAhead() {
        if (!Preprocessor.isIdentifierStart(in.peek())) {
            return false;
        }
        int i = 1;
        while (Preprocessor.isIdentifierPart(in.peek(i))) {
            i++;
        }
        return in.peek(i) == ':';
    }

    private String labelName() {
        StringBuilder name = new StringBuilder();
        while (in.peek() != ':') {
            name.append(in.next());
        }
        in.next();
        return name.toString();
    }

    private Ref reference() throws DevicetreeException {
        SourceLocation location = in.location();
        in.next(); // '&'
        if (in.peek() == '{') {
            in.next();
            StringBuilder path = new StringBuilder();
            while (isNameChar(in.peek()) || in.peek() == '/') {
                path.append(in.next());
            }
            if (in.peek() != '}' || path.length() == 0 || path.charAt(0) != '/') {
                throw syntax("a path such as '/soc/serial@200' and '}' in '&{...}'");
            }
            in.next();
            return new Ref(path.toString(), location);
        }
        if (!Preprocessor.isIdentifierStart(in.peek())) {
            throw syntax("a label name or '{/path}' after '&'");
        }
        StringBuilder name = new StringBuilder();
        while (Preprocessor.isIdentifierPart(in.peek())) {
            name.append(in.next());
        }
        return new Ref(name.toString(), location);
    }

    // ---- integers and expressions ------------------------------------------------------

    /** A literal, a character literal or a parenthesised expression. */
    private long integerPrimary() throws DevicetreeException {
        char c = in.peek();
        if (c == '(') {
            in.next();
            long value = expression();
            skipSpace();
            if (in.peek() != ')') {
                throw syntax("')'");
            }
            in.next();
            return value;
        } else if (c == '\'') {
            return characterLiteral();
        } else if (isDigit(c)) {
            return integerLiteral();
        }
        throw syntax("a number, a character literal or '('");
    }

    private long expression() throws DevicetreeException {
        long condition = binary(0);
        skipSpace();
        if (in.peek() == '?') {
            in.next();
            long whenTrue = expression();
            skipSpace();
            if (in.peek() != ':') {
                throw syntax("':' in a conditional expression");
            }
            in.next();
            long whenFalse = expression();
            return condition != 0 ? whenTrue : whenFalse;
        }
        return condition;
    }

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"}
    };

    /** Binary operators by C precedence level, left associative. */
    private long binary(int level) throws DevicetreeException {
        if (level == LEVELS.length) {
            return unary();
        }
        long left = binary(level + 1);
        while (true) {
            skipSpace();
            String operator = operatorAt(level);
            if (operator == null) {
                return left;
            }
            SourceLocation location = in.location();
            in.skip(operator.length());
            long right = binary(level + 1);
            left = apply(operator, left, right, location);
        }
    }

    private String operatorAt(int level) {
        for (String operator : LEVELS[level]) {
            if (!in.startsWith(operator)) {
                continue;
            }
            // a one-character operator must not be the start of a longer one: | of ||, < of <<
            if (operator.length() == 1 && "|&<>".indexOf(operator.charAt(0)) >= 0
                    && in.peek(1) == operator.charAt(0)) {
                continue;
            }
            return operator;
        }
        return null;
    }

    private static long apply(String operator, long a, long b, SourceLocation location) throws DevicetreeException {
        switch (operator) {
            case "||": return (a != 0 || b != 0) ? 1 : 0;
            case "&&": return (a != 0 && b != 0) ? 1 : 0;
            case "|": return a | b;
            case "^": return a ^ b;
            case "&": return a & b;
            case "==": return a == b ? 1 : 0;
            case "!=": return a != b ? 1 : 0;
            case "<": return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            case ">": return Long.compareUnsigned(a, b) > 0 ? 1 : 0;
            case "<=": return Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case ">=": return Long.compareUnsigned(a, b) >= 0 ? 1 : 0;
            case "<<": return Long.compareUnsigned(b, 63) > 0 ? 0 : a << b;
            case ">>": return Long.compareUnsigned(b, 63) > 0 ? 0 : a >>> b;
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            default:
                if (b == 0) {
                    throw new DevicetreeException(location, "division by zero");
                }
                return operator.equals("/") ? Long.divideUnsigned(a, b) : Long.remainderUnsigned(a, b);
        }
    }

    private long unary() throws DevicetreeException {
        skipSpace();
        char c = in.peek();
        if (c == '-' || c == '~' || c == '!') {
            in.next();
            long operand = unary();
            return c == '-' ? -operand : c == '~' ? ~operand : (operand == 0 ? 1 : 0);
        }
        return integerPrimary();
    }

    private long integerLiteral() throws DevicetreeException {
        SourceLocation location = in.location();
        StringBuilder text = new StringBuilder();
        while (Preprocessor.isIdentifierPart(in.peek())) {
            text.append(in.next());
        }
        String literal = text.toString();
        String digits = literal.replaceFirst("(?i)(ULL|LL|UL|U|L)$", "");
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        final int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> Character.digit(ch, base) >= 0)) {
            throw new DevicetreeException(location, "invalid integer literal '" + literal + "'");
        }
        try {
            return Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new DevicetreeException(location, "integer literal '" + literal + "' does not fit in 64 bits");
        }
    }

    private long characterLiteral() throws DevicetreeException {
        SourceLocation location = in.location();
        in.next();
        int value;
        if (in.peek() == '\\') {
            in.next();
            value = escape();
        } else if (in.peek() == '\'' || in.peek() == '\n' || in.peek() == 0) {
            throw new DevicetreeException(location, "empty character literal");
        } else {
            value = in.next();
        }
        if (in.peek() != '\'') {
            throw syntax("\"'\" closing a character literal");
        }
        in.next();
        return value;
    }

    private byte[] stringLiteral() throws DevicetreeException {
        SourceLocation location = in.location();
        in.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder plain = new StringBuilder();
        while (true) {
            if (in.atEndOfCurrent()) {
                throw new DevicetreeException(location, "unterminated string: expected '\"'");
            }
            char c = in.next();
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                bytes.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
                plain.setLength(0);
                bytes.write(escape());
            } else {
                plain.append(c);
            }
        }
        bytes.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
        bytes.write(0);
        return bytes.toByteArray();
    }

    /** The byte an escape sequence stands for; the backslash is already consumed. */
    private int escape() {
        char c = in.next();
        switch (c) {
            case 'a': return 7;
            case 'b': return 8;
            case 't': return 9;
            case 'n': return 10;
            case 'v': return 11;
            case 'f': return 12;
            case 'r': return 13;
            case 'x': {
                int value = 0;
                for (int i = 0; i < 2 && isHexDigit(in.peek()); i++) {
                    value = value * 16 + Character.digit(in.next(), 16);
                }
                return value & 0xff;
            }
            default:
                if (c >= '0' && c <= '7') {
                    int value = c - '0';
                    for (int i = 0; i < 2 && in.peek() >= '0' && in.peek() <= '7'; i++) {
                        value = value * 8 + (in.next() - '0');
                    }
                    return value & 0xff;
                }
                return c;
        }
    }

    // ---- lexical helpers ---------------------------------------------------------------

    /** Skips blanks and comments, follows {@code /include/} and leaves used-up included files. */
    private void skipSpace() throws DevicetreeException {
        while (true) {
            if (in.atEndOfCurrent()) {
                if (in.popFinished()) {
                    continue;
                }
                return;
            }
            char c = in.peek();
            if (Character.isWhitespace(c)) {
                in.next();
            } else if (c == '/' && in.peek(1) == '/') {
                while (!in.atEndOfCurrent() && in.peek() != '\n') {
                    in.next();
                }
            } else if (c == '/' && in.peek(1) == '*') {
                SourceLocation start = in.location();
                in.skip(2);
                while (!(in.peek() == '*' && in.peek(1) == '/')) {
                    if (in.atEndOfCurrent()) {
                        throw new DevicetreeException(start, "unterminated comment: expected '*/'");
                    }
                    in.next();
                }
                in.skip(2);
            } else if (in.startsWith("/include/")) {
                includeFile();
            } else {
                return;
            }
        }
    }

    private void includeFile() throws DevicetreeException {
        SourceLocation location = in.location();
        in.skip("/include/".length());
        while (in.peek() == ' ' || in.peek() == '\t') {
            in.next();
        }
        if (in.peek() != '"') {
            throw syntax("a quoted file name after /include/");
        }
        byte[] raw = stringLiteral();
        String name = new String(raw, 0, raw.length - 1, StandardCharsets.UTF_8);
        if (in.depth() > MAX_INCLUDE_DEPTH) {
            throw new DevicetreeException(location, "/include/ nested more than " + MAX_INCLUDE_DEPTH + " levels deep");
        }
        List<Path> searched = new ArrayList<>();
        Path dir = location.file().toAbsolutePath().getParent();
        if (dir != null) {
            searched.add(dir);
        }
        searched.addAll(includeDirs);
        for (Path candidate : searched) {
            Path file = candidate.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    in.push(SourceText.verbatim(file, content));
                    return;
                } catch (IOException e) {
                    throw new DevicetreeException(location, "cannot read " + file + ": " + e.getMessage());
                }
            }
        }
        throw new DevicetreeException(location, "cannot open /include/ file \"" + name + "\": no such file");
    }

    private String word() {
        StringBuilder word = new StringBuilder();
        while (isNameChar(in.peek())) {
            word.append(in.next());
        }
        return word.toString();
    }

    private void expect(char expected) throws DevicetreeException {
        skipSpace();
        if (in.peek() != expected || in.atEndOfCurrent()) {
            throw syntax("'" + expected + "'");
        }
        in.next();
    }

    private boolean isKeyword() {
        return in.startsWith("/delete-node/") || in.startsWith("/delete-property/") || in.startsWith("/dts-v1/")
                || in.startsWith("/memreserve/") || in.startsWith("/bits/") || in.startsWith("/plugin/");
    }

    private DevicetreeException syntax(String expected) {
        return new DevicetreeException(in.location(), "syntax error: expected " + expected + " but found " + found());
    }

    /** Describes the next token for an error message. */
    private String found() {
        if (in.atEndOfCurrent()) {
            return "the end of the input";
        }
        char c = in.peek();
        if (c == '/') {
            int end = 1;
            while (isNameChar(in.peek(end)) && end < 40) {
                end++;
            }
            if (in.peek(end) == '/' && end > 1) {
                StringBuilder keyword = new StringBuilder();
                for (int i = 0; i <= end; i++) {
                    keyword.append(in.peek(i));
                }
                return "'" + keyword + "'";
            }
        }
        if (isNameChar(c)) {
            StringBuilder token = new StringBuilder();
            for (int i = 0; isNameChar(in.peek(i)) && i < 40; i++) {
                token.append(in.peek(i));
            }
            return "'" + token + "'";
        }
        if (c == '"') {
            return "a string";
        }
        return "'" + c + "'";
    }

    private void checkNodeName(String name, SourceLocation location) throws DevicetreeException {
        int at = name.indexOf('@');
        boolean valid = name.chars().allMatch(ch -> isNodeNameChar((char) ch) || ch == '@')
                && (at < 0 || name.indexOf('@', at + 1) < 0);
        if (!valid) {
            throw new DevicetreeException(location, "invalid node name '" + name
                    + "': use letters, digits and , . _ + - with an optional @unit-address");
        }
    }

    private void checkPropertyName(String name, SourceLocation location) throws DevicetreeException {
        if (name.indexOf('@') >= 0) {
            throw new DevicetreeException(location, "invalid property name '" + name + "': '@' is not allowed");
        }
    }

    private static boolean isNameChar(char c) {
        return isNodeNameChar(c) || c == '@' || c == '#' || c == '?' || c == '*';
    }

    private static boolean isNodeNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == ',' || c == '.' || c == '_' || c == '+' || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
