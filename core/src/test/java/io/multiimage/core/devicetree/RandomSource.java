package io.multiimage.core.devicetree;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of devicetree source: property values of every form, and board files
 * with overlays that merge, delete and reference nodes at random. Used to compare the
 * parser, merge and writer with dtc on inputs nobody wrote by hand.
 */
final class RandomSource {

    private static final String[] NODE_NAMES = {"a", "b", "bus", "dev@1", "dev@2", "node-x", "c,d"};
    private static final String[] PROPERTY_NAMES = {"p", "q", "status", "reg", "#cells", "x,y", "flag?"};

    private final Random random;
    private final List<String> nodeLabels = new ArrayList<>();
    private final List<String> nodePaths = new ArrayList<>();
    private int labelCounter;

    RandomSource(long seed) {
        this.random = new Random(seed);
    }

    /** A board file: {@code /dts-v1/;} and a random root. */
    String board() {
        StringBuilder out = new StringBuilder("/dts-v1/;\n\n");
        if (random.nextInt(4) == 0) {
            out.append("/memreserve/ ")
                    .append(literal(random.nextInt(1 << 20)))
                    .append(' ')
                    .append(literal(random.nextInt(1 << 16)))
                    .append(";\n");
        }
        out.append("/ {\n");
        body(out, 1, "", 3);
        out.append("};\n");
        return out.toString();
    }

    /** An overlay: top-level merges, deletions and new nodes. */
    String overlay() {
        StringBuilder out = new StringBuilder();
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            int kind = random.nextInt(10);
            if (kind < 4 && !nodeLabels.isEmpty()) {
                if (random.nextInt(4) == 0) {
                    out.append(newLabel("L")).append(": ");
                }
                out.append('&').append(pick(nodeLabels)).append(" {\n");
                body(out, 1, null, 2);
                out.append("};\n");
            } else if (kind < 5 && !nodePaths.isEmpty()) {
                out.append("&{").append(pick(nodePaths)).append("} {\n");
                body(out, 1, null, 2);
                out.append("};\n");
            } else if (kind < 7 && !nodeLabels.isEmpty()) {
                out.append("/delete-node/ &").append(pick(nodeLabels)).append(";\n");
            } else {
                out.append("/ {\n");
                body(out, 1, null, 2);
                out.append("};\n");
            }
        }
        return out.toString();
    }

    /** Properties then children; {@code path} is null inside merge blocks (paths unknown). */
    private void body(StringBuilder out, int depth, String path, int maxDepth) {
        List<String> usedProperties = new ArrayList<>();
        int properties = random.nextInt(4);
        for (int i = 0; i < properties; i++) {
            String name = pick(PROPERTY_NAMES);
            if (usedProperties.contains(name) && path != null) {
                continue;
            }
            usedProperties.add(name);
            indent(out, depth);
            if (path == null && random.nextInt(5) == 0) {
                out.append("/delete-property/ ").append(name).append(";\n");
                continue;
            }
            if (random.nextInt(6) == 0) {
                out.append(newLabel("P")).append(": ");
            }
            out.append(name);
            if (random.nextInt(5) == 0) {
                out.append(";\n");
            } else {
                out.append(" = ").append(value()).append(";\n");
            }
        }
        if (random.nextInt(12) == 0 && !usedProperties.contains("phandle")) {
            // explicit phandles: allocation must skip them; a self reference asks for one
            indent(out, depth);
            out.append("phandle = <")
                    .append(
                            random.nextInt(4) == 0 && !nodeLabels.isEmpty()
                                    ? "&" + pick(nodeLabels)
                                    : String.valueOf(1 + random.nextInt(6)))
                    .append(">;\n");
        }
        if (depth > maxDepth) {
            return;
        }
        List<String> usedNodes = new ArrayList<>();
        int children = random.nextInt(depth == 1 ? 4 : 3);
        for (int i = 0; i < children; i++) {
            String name = pick(NODE_NAMES);
            if (usedNodes.contains(name)) {
                continue;
            }
            usedNodes.add(name);
            indent(out, depth);
            if (path == null && random.nextInt(5) == 0) {
                out.append("/delete-node/ ").append(name).append(";\n");
                continue;
            }
            String childPath = path == null ? null : (path.isEmpty() ? "" : path) + "/" + name;
            if (random.nextInt(3) > 0) {
                String label = newLabel("N");
                nodeLabels.add(label);
                out.append(label).append(": ");
            }
            if (childPath != null) {
                nodePaths.add(childPath);
            }
            out.append(name).append(" {\n");
            body(out, depth + 1, childPath, maxDepth);
            indent(out, depth);
            out.append("};\n");
        }
    }

    /** A property value: one to four pieces of random kinds, with value labels here and there. */
    String value() {
        StringBuilder out = new StringBuilder();
        int pieces = 1 + random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            if (i > 0) {
                out.append(", ");
            }
            if (random.nextInt(8) == 0) {
                out.append(newLabel("V")).append(": ");
            }
            switch (random.nextInt(7)) {
                case 0 -> out.append(string());
                case 1, 2 -> out.append(cells(32));
                case 3 -> out.append("/bits/ ").append(pickWidth()).append(' ');
                case 4 -> out.append(bytes());
                case 5 -> out.append(reference());
                default -> out.append(cells(32));
            }
            if (out.toString().endsWith("/bits/ 8 ")
                    || out.toString().endsWith("/bits/ 16 ")
                    || out.toString().endsWith("/bits/ 64 ")) {
                String text = out.toString().trim();
                out.append(cells(Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1))));
            }
            if (random.nextInt(8) == 0) {
                out.append(' ').append(newLabel("V")).append(':');
            }
        }
        return out.toString();
    }

    private int pickWidth() {
        int[] widths = {8, 16, 64};
        return widths[random.nextInt(widths.length)];
    }

    private String string() {
        StringBuilder out = new StringBuilder("\"");
        int length = random.nextInt(8);
        String[] escapes = {"\\n", "\\t", "\\\"", "\\\\", "\\x41", "\\101", "\\r", "\\a", "\\x7", "\\0"};
        for (int i = 0; i < length; i++) {
            if (random.nextInt(5) == 0) {
                out.append(escapes[random.nextInt(escapes.length)]);
            } else {
                char c = (char) (0x20 + random.nextInt(0x5f));
                if (c == '"' || c == '\\') {
                    c = 'q';
                }
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private String cells(int bits) {
        StringBuilder out = new StringBuilder("<");
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            if (i > 0 || random.nextBoolean()) {
                out.append(' ');
            }
            int kind = random.nextInt(10);
            if (kind == 0) {
                out.append(newLabel("V")).append(": ");
            }
            if (bits == 32 && kind == 1 && !nodeLabels.isEmpty()) {
                out.append('&').append(pick(nodeLabels));
            } else if (bits == 32 && kind == 2 && !nodePaths.isEmpty()) {
                out.append("&{").append(pick(nodePaths)).append('}');
            } else if (kind == 3) {
                out.append("'").append((char) ('a' + random.nextInt(26))).append("'");
            } else if (kind < 6) {
                out.append("((")
                        .append(expression(3))
                        .append(") & ")
                        .append(mask(bits))
                        .append(')');
            } else {
                out.append(literal(random.nextLong() & (bits == 64 ? -1L : (1L << bits) - 1)));
            }
        }
        if (random.nextInt(8) == 0) {
            out.append(' ').append(newLabel("V")).append(':');
        }
        return out.append('>').toString();
    }

    private static String mask(int bits) {
        return bits == 64 ? "0xffffffffffffffff" : "0x" + Long.toHexString((1L << bits) - 1);
    }

    private String expression(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return literal(random.nextInt(1000));
        }
        String[] binary = {"+", "-", "*", "|", "&", "^", "<<", ">>", "==", "!=", "<", ">", "<=", ">=", "&&", "||"};
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "-" + paren(depth - 1);
        } else if (kind == 1) {
            return "~" + paren(depth - 1);
        } else if (kind == 2) {
            return "!" + paren(depth - 1);
        } else if (kind == 3) {
            return paren(depth - 1) + " ? " + paren(depth - 1) + " : " + paren(depth - 1);
        } else if (kind == 4) {
            return paren(depth - 1) + (random.nextBoolean() ? " / " : " % ") + (1 + random.nextInt(50));
        }
        String operator = binary[random.nextInt(binary.length)];
        String right =
                operator.equals("<<") || operator.equals(">>") ? String.valueOf(random.nextInt(40)) : paren(depth - 1);
        return paren(depth - 1) + " " + operator + " " + right;
    }

    private String paren(int depth) {
        String inner = expression(depth);
        return inner.matches("[0-9a-fA-Fx']+") ? inner : "(" + inner + ")";
    }

    private String literal(long value) {
        return switch (random.nextInt(4)) {
            case 0 -> "0x" + Long.toHexString(value);
            case 1 -> "0X" + Long.toHexString(value).toUpperCase();
            case 2 -> value == 0 ? "0" : "0" + Long.toOctalString(value);
            default -> Long.toUnsignedString(value);
        };
    }

    private String bytes() {
        StringBuilder out = new StringBuilder("[");
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) > 0 && i > 0) {
                out.append(' ');
            }
            out.append(String.format("%02x", random.nextInt(256)));
        }
        return out.append(']').toString();
    }

    private String reference() {
        if (!nodePaths.isEmpty() && random.nextBoolean()) {
            return "&{" + pick(nodePaths) + "}";
        }
        return nodeLabels.isEmpty() ? "\"none\"" : "&" + pick(nodeLabels);
    }

    private String newLabel(String prefix) {
        return prefix + (labelCounter++);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("\t".repeat(depth));
    }
}
