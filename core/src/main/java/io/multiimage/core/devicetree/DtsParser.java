package io.multiimage.core.devicetree;

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

    /**
     * Deepest node accepted (the root's children are 1 level deep). Real trees have about ten
     * levels; the limit stops hostile input before this recursive-descent parser, and every
     * walk over the tree after it, exhausts the thread's stack.
     */
    static final int MAX_DEPTH = 1000;

    private final DtsLexer lex;
    private final SourceReader in;
    private final List<MemoryReservation> reservations = new ArrayList<>();
    private Node root;
    /** Deepest level below its own top reached by the top-level block being parsed. */
    private int blockHeight;

    DtsParser(SourceText source, List<Path> includeDirs) {
        this(source, includeDirs, SourceTracker.NONE);
    }

    /** A parser that tells {@code tracker} what each {@code /include/} reads and misses. */
    DtsParser(SourceText source, List<Path> includeDirs, SourceTracker tracker) {
        this.lex = new DtsLexer(new SourceReader(source), includeDirs, tracker);
        this.in = lex.in;
    }

    Parsed parse() throws DevicetreeException {
        lex.skipSpace();
        if (!in.startsWith("/dts-v1/")) {
            throw lex.syntax("'/dts-v1/;' at the start of the board devicetree");
        }
        while (in.startsWith("/dts-v1/")) {
            in.skip("/dts-v1/".length());
            lex.expect(';');
            lex.skipSpace();
        }
        parseMemoryReservations();
        if (in.peek() != '/' || lex.isKeyword()) {
            throw lex.syntax("the root node '/ {'");
        }
        while (true) {
            lex.skipSpace();
            if (in.atEndOfCurrent()) {
                break;
            }
            parseTopLevelItem();
        }
        return new Parsed(reservations, root);
    }

    private void parseMemoryReservations() throws DevicetreeException {
        while (true) {
            lex.skipSpace();
            List<Label> labels = readLabels();
            if (!in.startsWith("/memreserve/")) {
                if (!labels.isEmpty()) {
                    throw lex.syntax("'/memreserve/' after label '" + labels.get(labels.size() - 1).name + ":'");
                }
                return;
            }
            in.skip("/memreserve/".length());
            lex.skipSpace();
            long address = lex.integerPrimary();
            lex.skipSpace();
            long size = lex.integerPrimary();
            lex.expect(';');
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
            lex.skipSpace();
            if (in.peek() != '&') {
                throw lex.syntax("'&label' or '&{/path}' after /delete-node/ at the top level");
            }
            DtsLexer.Ref ref = lex.reference();
            lex.expect(';');
            Node target = root == null ? null : TreeOps.nodeByReference(root, ref.target());
            if (target == null) {
                throw new DevicetreeException(
                        ref.location(), "cannot delete node: label or path " + ref.display() + " not found");
            }
            TreeOps.delete(target);
        } else if (in.peek() == '/' && !lex.isKeyword() && labels.isEmpty()) {
            SourceLocation location = in.location();
            in.next();
            Node block = parseNodeBody("", location, 0);
            lex.expect(';');
            if (root == null) {
                root = block;
            } else {
                TreeOps.merge(root, block);
            }
        } else if (in.peek() == '&') {
            DtsLexer.Ref ref = lex.reference();
            blockHeight = 0;
            Node block = parseNodeBody("", ref.location(), 0);
            lex.expect(';');
            Node target = TreeOps.nodeByReference(root, ref.target());
            if (target == null) {
                throw new DevicetreeException(ref.location(), "label or path " + ref.display() + " not found");
            }
            int targetDepth = depthOf(target);
            if (targetDepth + blockHeight > MAX_DEPTH) {
                throw new DevicetreeException(
                        ref.location(),
                        "nesting deeper than " + MAX_DEPTH + " levels: this block"
                                + " adds " + blockHeight + " levels below &" + ref.display() + ", which is "
                                + targetDepth
                                + " levels deep");
            }
            for (Label label : labels) {
                Labels.addInOrder(block.labels, label);
            }
            TreeOps.merge(target, block);
        } else {
            throw lex.syntax("'/ {', '&label {', '&{/path} {' or '/delete-node/ &label;'");
        }
    }

    /** How many levels below the root {@code node} is (iteratively: a deep tree must not recurse). */
    private static int depthOf(Node node) {
        int depth = 0;
        for (Node n = node; n.parent != null; n = n.parent) {
            depth++;
        }
        return depth;
    }

    /**
     * Parses {@code { properties subnodes }} into a fresh node (not yet part of the tree).
     *
     * @param depth levels below the top of the block being parsed
     */
    private Node parseNodeBody(String name, SourceLocation location, int depth) throws DevicetreeException {
        if (depth > MAX_DEPTH) {
            throw new DevicetreeException(location, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        blockHeight = Math.max(blockHeight, depth);
        lex.skipSpace();
        if (in.peek() != '{') {
            throw lex.syntax("'{'");
        }
        in.next();
        Node node = new Node(name, location);
        boolean seenSubnode = false;
        while (true) {
            lex.skipSpace();
            if (in.peek() == '}') {
                in.next();
                return node;
            }
            if (in.atEndOfCurrent() && in.depth() == 1) {
                throw lex.syntax("'}'");
            }
            SourceLocation itemLocation = in.location();
            if (in.startsWith("/delete-property/")) {
                in.skip("/delete-property/".length());
                if (seenSubnode) {
                    throw new DevicetreeException(itemLocation, "properties must precede subnodes");
                }
                lex.skipSpace();
                SourceLocation nameLocation = in.location();
                String propertyName = lex.word();
                if (propertyName.isEmpty()) {
                    throw lex.syntax("a property name after /delete-property/");
                }
                lex.expect(';');
                Property placeholder = new Property(propertyName, PropertyValue.EMPTY, nameLocation);
                placeholder.deleted = true;
                node.properties.add(placeholder);
                continue;
            }
            if (in.startsWith("/delete-node/")) {
                in.skip("/delete-node/".length());
                lex.skipSpace();
                SourceLocation nameLocation = in.location();
                String childName = lex.word();
                if (childName.isEmpty()) {
                    throw lex.syntax("a node name after /delete-node/ (use '&label' only at the top level)");
                }
                lex.expect(';');
                Node placeholder = new Node(childName, nameLocation);
                placeholder.deleted = true;
                placeholder.parent = node;
                node.children.add(placeholder);
                seenSubnode = true;
                continue;
            }
            List<Label> labels = readLabels();
            SourceLocation nameLocation = in.location();
            String itemName = lex.word();
            if (itemName.isEmpty()) {
                throw lex.syntax("a property or node name");
            }
            lex.skipSpace();
            char next = in.peek();
            if (next == '{') {
                checkNodeName(itemName, nameLocation);
                Node child = parseNodeBody(itemName, nameLocation, depth + 1);
                lex.expect(';');
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
                lex.expect(';');
                Property property = new Property(itemName, value, nameLocation);
                for (Label label : labels) {
                    Labels.addInOrder(property.labels, label);
                }
                node.properties.add(property);
            } else {
                throw lex.syntax("'=', ';' or '{' after '" + itemName + "'");
            }
        }
    }

    private PropertyValue parsePropertyData() throws DevicetreeException {
        ValueBuilder value = new ValueBuilder();
        while (true) {
            lex.skipSpace();
            valueLabels(value);
            SourceLocation pieceLocation = in.location();
            char c = in.peek();
            if (c == '"') {
                value.marker(MarkerType.TYPE_STRING, null, pieceLocation);
                value.bytes(lex.stringLiteral());
            } else if (c == '<') {
                in.next();
                value.marker(MarkerType.TYPE_UINT32, null, pieceLocation);
                parseCells(value, MarkerType.TYPE_UINT32);
            } else if (in.startsWith("/bits/")) {
                in.skip("/bits/".length());
                lex.skipSpace();
                SourceLocation bitsLocation = in.location();
                long bits = lex.integerLiteral();
                MarkerType type = MarkerType.forBits(bits);
                if (type == null) {
                    throw new DevicetreeException(
                            bitsLocation, "array elements must be 8, 16, 32 or 64 bits, not " + bits);
                }
                lex.skipSpace();
                if (in.peek() != '<') {
                    throw lex.syntax("'<' after /bits/ " + bits);
                }
                in.next();
                value.marker(type, null, pieceLocation);
                parseCells(value, type);
            } else if (c == '[') {
                in.next();
                value.marker(MarkerType.TYPE_UINT8, null, pieceLocation);
                parseByteString(value);
            } else if (c == '&') {
                DtsLexer.Ref ref = lex.reference();
                value.marker(MarkerType.TYPE_STRING, null, pieceLocation);
                value.marker(MarkerType.REF_PATH, ref.target(), ref.location());
            } else {
                throw lex.syntax("a value (\"string\", <cells>, [bytes] or &label)");
            }
            lex.skipSpace();
            valueLabels(value);
            lex.skipSpace();
            if (in.peek() != ',') {
                return value.build();
            }
            in.next();
        }
    }

    private void parseCells(ValueBuilder value, MarkerType type) throws DevicetreeException {
        int bits = type.width * 8;
        while (true) {
            lex.skipSpace();
            char c = in.peek();
            if (c == '>') {
                in.next();
                return;
            }
            if (lex.isLabelAhead()) {
                SourceLocation location = in.location();
                value.marker(MarkerType.LABEL, lex.labelName(), location);
            } else if (c == '&') {
                if (type != MarkerType.TYPE_UINT32) {
                    throw new DevicetreeException(
                            in.location(), "references are only allowed in arrays with 32-bit elements");
                }
                DtsLexer.Ref ref = lex.reference();
                value.marker(MarkerType.REF_PHANDLE, ref.target(), ref.location());
                value.cell(0xffffffffL, 4);
            } else if (c == '(' || c == '\'' || DtsLexer.isDigit(c)) {
                SourceLocation location = in.location();
                long cell = lex.integerPrimary();
                if (bits < 64) {
                    long mask = (1L << bits) - 1;
                    if ((cell & ~mask) != 0 && (cell | (mask >>> 1)) != -1L) {
                        throw new DevicetreeException(
                                location,
                                "value out of range for " + bits + "-bit array element: 0x" + Long.toHexString(cell));
                    }
                }
                value.cell(cell, type.width);
            } else {
                throw lex.syntax("a cell value, '&label' or '>'");
            }
        }
    }

    private void parseByteString(ValueBuilder value) throws DevicetreeException {
        while (true) {
            lex.skipSpace();
            char c = in.peek();
            if (c == ']') {
                in.next();
                return;
            }
            if (lex.isLabelAhead()) {
                SourceLocation location = in.location();
                value.marker(MarkerType.LABEL, lex.labelName(), location);
            } else if (DtsLexer.isHexDigit(c) && DtsLexer.isHexDigit(in.peek(1))) {
                int high = Character.digit(in.next(), 16);
                int low = Character.digit(in.next(), 16);
                value.bytes(new byte[] {(byte) (high * 16 + low)});
            } else {
                throw lex.syntax("two hex digits or ']'");
            }
        }
    }

    private void valueLabels(ValueBuilder value) throws DevicetreeException {
        while (lex.isLabelAhead()) {
            SourceLocation location = in.location();
            value.marker(MarkerType.LABEL, lex.labelName(), location);
            lex.skipSpace();
        }
    }

    private List<Label> readLabels() throws DevicetreeException {
        List<Label> labels = new ArrayList<>();
        while (lex.isLabelAhead()) {
            SourceLocation location = in.location();
            labels.add(new Label(lex.labelName(), location));
            lex.skipSpace();
        }
        return labels;
    }

    private void checkNodeName(String name, SourceLocation location) throws DevicetreeException {
        int at = name.indexOf('@');
        boolean valid = name.chars().allMatch(ch -> DtsLexer.isNodeNameChar((char) ch) || ch == '@')
                && (at < 0 || name.indexOf('@', at + 1) < 0);
        if (!valid) {
            throw new DevicetreeException(
                    location,
                    "invalid node name '" + name
                            + "': use letters, digits and , . _ + - with an optional @unit-address");
        }
    }

    private void checkPropertyName(String name, SourceLocation location) throws DevicetreeException {
        if (name.indexOf('@') >= 0) {
            throw new DevicetreeException(location, "invalid property name '" + name + "': '@' is not allowed");
        }
    }
}
