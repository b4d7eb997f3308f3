package io.multiimage.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random YAML documents in the subset the partition manager reads: block and flow
 * mappings and sequences nested at random (indentless and compact sequences too), anchors on
 * collections and aliases to them, integers in decimal/hex/octal/binary, booleans and nulls in
 * all their spellings, floats, plain strings, quoted strings that need quoting, folded plain
 * scalars, comments, blank lines and document markers.
 */
final class RandomYaml {

    /** Scalar tokens valid anywhere (block or flow), as written in the file. */
    private static final String[] SCALARS = {
        "0",
        "1",
        "42",
        "-7",
        "+5",
        "-0",
        "1_000",
        "4096",
        "0x1000",
        "0x0",
        "0xFfE0",
        "-0x10",
        "+0x10",
        "0x1_0",
        "017",
        "00",
        "0b101",
        "-0b11",
        "0x3fffffffffffffff",
        "-0x4000000000000000",
        "4611686018427387903",
        "true",
        "false",
        "True",
        "FALSE",
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "n",
        "tRUE",
        "null",
        "~",
        "Null",
        "NULL",
        "1.5",
        "-2.25",
        ".5",
        "1.",
        "1e5",
        "2.5E-3",
        "+1.0e+2",
        "1_0.5",
        "mcuboot_primary",
        "app",
        "b0",
        "s0_image",
        "FLASH_PRIMARY",
        "nordic_flash_partition",
        "hello world",
        "x#y",
        "-x",
        "08",
        "0X10",
        "0o10",
        "1:30",
        "2026-01-01",
        "<<",
        "=",
        "0_",
        "'quoted'",
        "'it''s'",
        "'0x10'",
        "'yes'",
        "'null'",
        "''",
        "'a: b'",
        "'# not a comment'",
        "'[x]'",
        "'- dash'",
        "'  padded  '",
        "'&amp'",
        "'*star'",
        "'!bang'",
        "'%pc'",
        "'@at'",
        "'x, y'",
        "\"double\"",
        "\"tab\\there\"",
        "\"quote\\\"inside\"",
        "\"back\\\\slash\"",
        "\"\\x41\\u00e9\\U0001F600\"",
        "\"line\\nbreak\"",
        "\"\"",
        "\"{braces}\"",
        "\"a #b\"",
        "\"\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"",
    };

    /** Plain tokens that are only valid in block context. */
    private static final String[] BLOCK_ONLY = {"a:b", "x, y", "not [a] flow", "x{y}"};

    private static final String[] KEYS = {
        "app",
        "mcuboot",
        "placement",
        "after",
        "before",
        "span",
        "size",
        "region",
        "align",
        "start",
        "inside",
        "share_size",
        "one_of",
        "device",
        "address",
        "1",
        "0x10",
        "true",
        "null",
        "~",
        "key with space",
        "'quoted key'",
        "\"double key\"",
        "'yes'",
        "k-dash",
        "_under",
    };

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private final List<String> anchors = new ArrayList<>();
    private final int step;
    private int nextAnchor = 1;

    private RandomYaml(long seed) {
        this.random = new Random(seed);
        this.step = 1 + random.nextInt(4);
    }

    /** A random document; the same seed gives the same text. */
    static String document(long seed) {
        RandomYaml g = new RandomYaml(seed);
        return g.emitDocument();
    }

    private String emitDocument() {
        if (chance(0.2)) {
            out.append("# header comment\n");
        }
        if (chance(0.3)) {
            out.append("---\n");
        }
        int kind = random.nextInt(10);
        if (kind < 7) {
            blockMapping(0, 0, false);
        } else if (kind < 9) {
            blockSequence(0, 0, false);
        } else {
            out.append(flow(0)).append('\n');
        }
        if (chance(0.2)) {
            out.append("...\n");
        }
        if (chance(0.2)) {
            out.append("# trailing comment\n");
        }
        return out.toString();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A key not in {@code used} (the texts of {@link #KEYS} are all different). */
    private String pickUnused(List<String> used) {
        String key = pick(KEYS);
        while (used.contains(key)) {
            key = pick(KEYS);
        }
        return key;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String spaces(int n) {
        return " ".repeat(n);
    }

    private void filler(int indent) {
        if (chance(0.1)) {
            out.append('\n');
        }
        if (chance(0.1)) {
            out.append(spaces(random.nextInt(indent + 3))).append("# comment: [x] & *y\n");
        }
    }

    private String trailingComment() {
        return chance(0.15) ? " # note: 'x' #2" : "";
    }

    /** Entries of a block mapping at {@code indent}; the first line is already indented when inline. */
    private void blockMapping(int indent, int depth, boolean inline) {
        int n = 1 + random.nextInt(4);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!(inline && i == 0)) {
                filler(indent);
                out.append(spaces(indent));
            }
            // each key once: a repeated key is an error (YamlReaderTest)
            String key = pickUnused(keys);
            keys.add(key);
            out.append(key).append(':');
            valueAfterKey(indent, depth + 1);
        }
    }

    private void valueAfterKey(int indent, int depth) {
        int choice = depth >= 4 ? 0 : random.nextInt(10);
        if (choice < 5) {
            String scalar = blockScalar();
            if (scalar.isEmpty()) {
                out.append(trailingComment()).append('\n');
            } else {
                out.append(' ')
                        .append(fold(scalar, indent))
                        .append(trailingComment())
                        .append('\n');
            }
        } else if (choice == 5) {
            out.append(' ').append(flow(depth)).append(trailingComment()).append('\n');
        } else if (choice == 6 && !anchors.isEmpty()) {
            out.append(" *")
                    .append(anchors.get(random.nextInt(anchors.size())))
                    .append(trailingComment())
                    .append('\n');
        } else {
            String anchor = chance(0.3) ? "id" + String.format("%03d", nextAnchor++) : null;
            if (anchor != null) {
                out.append(" &").append(anchor);
            }
            out.append(trailingComment()).append('\n');
            if (chance(0.5)) {
                blockMapping(indent + step, depth, false);
            } else {
                blockSequence(chance(0.5) ? indent : indent + step, depth, false);
            }
            if (anchor != null) {
                anchors.add(anchor);
            }
        }
    }

    private void blockSequence(int indent, int depth, boolean inline) {
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (!(inline && i == 0)) {
                filler(indent);
                out.append(spaces(indent));
            }
            out.append('-');
            item(indent, depth + 1);
        }
    }

    private void item(int indent, int depth) {
        int choice = depth >= 4 ? 0 : random.nextInt(10);
        if (choice < 4) {
            String scalar = blockScalar();
            out.append(scalar.isEmpty() ? "" : " " + fold(scalar, indent))
                    .append(trailingComment())
                    .append('\n');
        } else if (choice == 4) {
            out.append(' ').append(flow(depth)).append(trailingComment()).append('\n');
        } else if (choice == 5 && !anchors.isEmpty()) {
            out.append(" *").append(anchors.get(random.nextInt(anchors.size()))).append('\n');
        } else if (choice == 6) {
            out.append(' ');
            blockMapping(indent + 2, depth, true);
        } else if (choice == 7) {
            out.append(' ');
            blockSequence(indent + 2, depth, true);
        } else {
            String anchor = chance(0.4) ? "id" + String.format("%03d", nextAnchor++) : null;
            if (anchor != null) {
                out.append(" &").append(anchor);
            }
            out.append('\n');
            int inner = indent + 1 + random.nextInt(3);
            if (chance(0.5)) {
                blockMapping(inner, depth, false);
            } else {
                blockSequence(inner, depth, false);
            }
            if (anchor != null) {
                anchors.add(anchor);
            }
        }
    }

    private String blockScalar() {
        if (chance(0.05)) {
            return "";
        }
        return chance(0.05) ? pick(BLOCK_ONLY) : pick(SCALARS);
    }

    /** A plain scalar with spaces may be folded over lines indented deeper than its parent. */
    private String fold(String scalar, int parentIndent) {
        if (!scalar.contains(" ") || "'\"".indexOf(scalar.charAt(0)) >= 0 || !chance(0.3)) {
            return scalar;
        }
        int cut = scalar.indexOf(' ');
        String gap = chance(0.3) ? "\n\n" : "\n";
        return scalar.substring(0, cut)
                + gap
                + spaces(parentIndent + 1 + random.nextInt(3))
                + scalar.substring(cut + 1);
    }

    private String flow(int depth) {
        StringBuilder b = new StringBuilder();
        String anchor = chance(0.2) ? "id" + String.format("%03d", nextAnchor++) : null;
        if (anchor != null) {
            b.append('&').append(anchor).append(' ');
        }
        int n = random.nextInt(4);
        boolean map = chance(0.5);
        b.append(map ? '{' : '[');
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(chance(0.1) ? " ,  " : ", ");
            }
            if (map) {
                String key = pickUnused(keys);
                keys.add(key);
                b.append(key);
                if (chance(0.1)) {
                    continue; // {key} has a null value
                }
                b.append(": ");
            }
            if (depth < 4 && chance(0.25)) {
                b.append(flow(depth + 1));
            } else if (!anchors.isEmpty() && chance(0.1)) {
                b.append('*').append(anchors.get(random.nextInt(anchors.size())));
            } else {
                String s = pick(SCALARS);
                if (s.isEmpty() || s.contains("#") && !s.startsWith("'") && !s.startsWith("\"")) {
                    s = "x";
                }
                b.append(s);
            }
        }
        if (n > 0 && chance(0.1)) {
            b.append(',');
        }
        b.append(map ? '}' : ']');
        if (anchor != null) {
            anchors.add(anchor);
        }
        return b.toString();
    }
}
