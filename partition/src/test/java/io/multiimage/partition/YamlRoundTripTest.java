package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link YamlReader} reads back everything {@link YamlWriter} writes: seeded random trees of
 * mappings, lists (some shared, so written with anchors), integers, booleans, nulls, floats and
 * strings that need quoting, escaping or folding over long lines.
 */
class YamlRoundTripTest {

    private static final String[] WORDS = {
        "app",
        "mcuboot_primary",
        "yes",
        "No",
        "null",
        "~",
        "",
        " padded ",
        "a: b",
        "#hash",
        "x #y",
        "-",
        "- x",
        "[x]",
        "{y}",
        "&a",
        "*b",
        "!t",
        "|",
        ">",
        "%p",
        "@q",
        "`r",
        "'single'",
        "\"double\"",
        "it's",
        "0x10",
        "010",
        "1_000",
        "1:30",
        "2026-01-01",
        "<<",
        "=",
        "---",
        "...",
        "tab\there",
        "line\nbreak",
        "\u00e9t\u00e9",
        "\uD83D\uDE00",
        "\u0085\u2028",
        "back\\slash",
        "a,b",
        "?",
        "? q",
        ":",
        ": c",
        "1.5",
        "true",
    };

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void whatYamlWriterWritesYamlReaderReadsBack(long seed) throws PartitionException {
        Random random = new Random(seed);
        List<Object> shared = new ArrayList<>();
        Map<String, Object> tree = mapping(random, 0, shared);
        String text = YamlWriter.write(tree);
        Object read = YamlReader.parse("seed " + seed, text).root();
        YamlTrees.assertSameTree(tree, read, "seed " + seed + ":\n" + text);
    }

    static Map<String, Object> mapping(Random random, int depth, List<Object> shared) {
        // the writer sorts keys by code point, so the tree does too (the reader keeps file order)
        Map<String, Object> entries = new TreeMap<>(YamlWriter::compareCodePoints);
        int n = random.nextInt(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < n; i++) {
            entries.put(string(random), value(random, depth + 1, shared));
        }
        return new LinkedHashMap<>(entries);
    }

    private static Object value(Random random, int depth, List<Object> shared) {
        int kind = random.nextInt(depth >= 4 ? 6 : 10);
        switch (kind) {
            case 0:
                return (long) random.nextInt(0x100000) - (random.nextBoolean() ? 0 : 0x80000);
            case 1:
                return random.nextLong() >> 2;
            case 2:
                return random.nextBoolean();
            case 3:
                return null;
            case 4:
                return random.nextInt(4) == 0 ? pickDouble(random) : string(random);
            case 5:
                return string(random);
            case 6:
                if (!shared.isEmpty() && random.nextBoolean()) {
                    return shared.get(random.nextInt(shared.size()));
                }
                Map<String, Object> m = mapping(random, depth, shared);
                if (random.nextInt(3) == 0) {
                    shared.add(m);
                }
                return m;
            default:
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(value(random, depth + 1, shared));
                }
                if (random.nextInt(3) == 0) {
                    shared.add(list);
                }
                return list;
        }
    }

    private static Double pickDouble(Random random) {
        double[] options = {
            1.5, -0.25, 1e20, 3.0e-7, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.0
        };
        return options[random.nextInt(options.length)];
    }

    /** A word, or several joined by spaces (long ones are folded by the writer). */
    private static String string(Random random) {
        int words = random.nextInt(8) == 0 ? 5 + random.nextInt(25) : 1;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            String w = WORDS[random.nextInt(WORDS.length)];
            b.append(words > 1 && (w.isEmpty() || w.isBlank()) ? "word" : w);
        }
        return b.toString();
    }

    @org.junit.jupiter.api.Test
    void theRandomTreesExerciseFoldingAnchorsAndQuoting() throws PartitionException {
        StringBuilder all = new StringBuilder();
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            all.append(YamlWriter.write(mapping(random, 0, new ArrayList<>())));
        }
        String text = all.toString();
        for (String feature :
                List.of("&id001", "*id001", "'yes'", "\"tab\\there\"", "'''single'''", ".nan", "\n  - ")) {
            assertTrue(text.contains(feature), "never written: " + feature);
        }
        assertTrue(
                text.lines().anyMatch(l -> l.length() > 60 && !l.contains(":") && !l.startsWith("-")),
                "no folded continuation line");
    }
}
