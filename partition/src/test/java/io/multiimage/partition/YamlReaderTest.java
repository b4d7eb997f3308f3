package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The YAML subset {@link YamlReader} accepts, how it types scalars, and how it rejects the rest. */
class YamlReaderTest {

    /** Plain scalar → value, as the former Jackson-based reader typed it (checked below too). */
    static Stream<Arguments> typedScalars() {
        return Stream.of(
                Arguments.of("yes", true),
                Arguments.of("No", false),
                Arguments.of("ON", true),
                Arguments.of("off", false),
                Arguments.of("True", true),
                Arguments.of("FALSE", false),
                Arguments.of("y", "y"),
                Arguments.of("n", "n"),
                Arguments.of("tRUE", "tRUE"),
                Arguments.of("~", null),
                Arguments.of("null", null),
                Arguments.of("Null", null),
                Arguments.of("NULL", null),
                Arguments.of("0x10", 16L),
                Arguments.of("-0x10", -16L),
                Arguments.of("+0x10", 16L),
                Arguments.of("0x1_0", 16L),
                Arguments.of("0xFfE0", 0xffe0L),
                Arguments.of("0X10", "0X10"),
                Arguments.of("010", 8L),
                Arguments.of("00", 0L),
                Arguments.of("08", "08"),
                Arguments.of("0o10", "0o10"),
                Arguments.of("0b101", 5L),
                Arguments.of("-0b11", -3L),
                Arguments.of("1_000", 1000L),
                Arguments.of("+5", 5L),
                Arguments.of("-0", 0L),
                Arguments.of("1:30", "1:30"),
                Arguments.of("0_", "0_"),
                Arguments.of("0x3fffffffffffffff", 0x3fffffffffffffffL),
                Arguments.of("-0x4000000000000000", -0x4000000000000000L),
                Arguments.of("1.5", 1.5),
                Arguments.of("1.", 1.0),
                Arguments.of(".5", 0.5),
                Arguments.of("1e5", 1e5),
                Arguments.of("-2.5E-3", -2.5e-3),
                Arguments.of("1_0.5", 10.5),
                Arguments.of("2026-01-01", "2026-01-01"),
                Arguments.of("<<", "<<"),
                Arguments.of("=", "="),
                Arguments.of("x#y", "x#y"),
                Arguments.of("-x", "-x"),
                Arguments.of(":x", ":x"),
                Arguments.of("a:b", "a:b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedScalars")
    void plainScalarsAreTypedLikeTheFormerReader(String text, Object expected) throws PartitionException {
        Object value = value("a: " + text + "\n");
        assertEquals(expected, value);
        if (expected != null) {
            assertSame(expected.getClass(), value.getClass());
        }
        assertEquals(
                expected,
                ((Map<?, ?>) JacksonYamlReference.parse("t", "a: " + text + "\n")
                                .root())
                        .get("a"));
    }

    @Test
    void quotedScalarsAreAlwaysStrings() throws PartitionException {
        Map<?, ?> root = (Map<?, ?>) YamlReader.parse("t", "a: '0x10'\nb: \"yes\"\nc: ''\nd: 'it''s'\n")
                .root();
        assertEquals(Map.of("a", "0x10", "b", "yes", "c", "", "d", "it's"), root);
    }

    @Test
    void doubleQuotedEscapesAreDecoded() throws PartitionException {
        assertEquals(
                "t\tn\nq\"b\\s/A\u00e9\uD83D\uDE00\u0085\u00a0 \u0000\u001b",
                value("a: \"t\\tn\\nq\\\"b\\\\s\\/\\x41\\u00e9\\U0001F600\\N\\_\\ \\0\\e\"\n"));
    }

    @Test
    void infinityAndNotANumberAreReadAsYamlWriterWritesThem() throws PartitionException {
        assertEquals(Double.POSITIVE_INFINITY, value("a: .inf\n"));
        assertEquals(Double.NEGATIVE_INFINITY, value("a: -.Inf\n"));
        assertEquals(Double.NaN, value("a: .NaN\n"));
    }

    @Test
    void keysKeepTheirTextWhateverTheyLookLike() throws PartitionException {
        Map<?, ?> root = (Map<?, ?>) YamlReader.parse("t", "1: a\n0x10: b\ntrue: c\n~: d\n'q k': e\n")
                .root();
        assertEquals(List.of("1", "0x10", "true", "~", "q k"), new ArrayList<>(root.keySet()));
    }

    @Test
    void anAliasIsTheSameObjectAsItsAnchor() throws PartitionException {
        Map<?, ?> root =
                (Map<?, ?>) YamlReader.parse("t", "a: &l\n- x\nb: *l\nc: &m {k: 1}\nd: [*m, *l]\ne: &s text\nf: *s\n")
                        .root();
        assertSame(root.get("a"), root.get("b"));
        assertSame(root.get("c"), ((List<?>) root.get("d")).get(0));
        assertSame(root.get("a"), ((List<?>) root.get("d")).get(1));
        assertSame(root.get("e"), root.get("f"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingBothLines() {
        PartitionException block = assertThrows(
                PartitionException.class,
                () -> YamlReader.parse(
                        "pm.yml", "boot:\n  size: 0x1000\n  placement: {after: [start]}\n  size: 0x2000\n"));
        assertEquals(
                "pm.yml:4: not valid YAML: duplicate key 'size' (first on line 2); a mapping may give each key"
                        + " only once",
                block.getMessage());
        PartitionException top =
                assertThrows(PartitionException.class, () -> YamlReader.parse("pm.yml", "a: 1\nb: 2\na: 3\n"));
        assertEquals(List.of("pm.yml:3"), top.sources());
        assertTrue(top.detail().contains("duplicate key 'a' (first on line 1)"), top.getMessage());
        PartitionException flow = assertThrows(
                PartitionException.class,
                () -> YamlReader.parse("pm.yml", "a:\n  placement: {after: [x],\n     after: [y]}\n"));
        assertEquals(List.of("pm.yml:3"), flow.sources());
        assertTrue(flow.detail().contains("duplicate key 'after' (first on line 2)"), flow.getMessage());
    }

    @Test
    void equalKeysInDifferentMappingsAreFine() throws PartitionException {
        Map<?, ?> root = (Map<?, ?>) YamlReader.parse("t", "a: {size: 1}\nb:\n  size: 2\nc: [size: 3, size: 4]\n")
                .root();
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(root.keySet()));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWithItsLine() {
        String flowSequences = "a: 1\nb: " + "[".repeat(100_000) + "\n";
        PartitionException e = assertThrows(PartitionException.class, () -> YamlReader.parse("pm.yml", flowSequences));
        assertEquals("pm.yml:2: nesting deeper than 1000 levels", e.getMessage());
        String flowMappings = "a:\n  " + "{b: ".repeat(20_000) + "1" + "}".repeat(20_000) + "\n";
        e = assertThrows(PartitionException.class, () -> YamlReader.parse("pm.yml", flowMappings));
        assertEquals("pm.yml:2: nesting deeper than 1000 levels", e.getMessage());
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        e = assertThrows(PartitionException.class, () -> YamlReader.parse("pm.yml", block.toString()));
        assertEquals("pm.yml:1002: nesting deeper than 1000 levels", e.getMessage());
        String sequences = "- ".repeat(5_000) + "x\n";
        e = assertThrows(PartitionException.class, () -> YamlReader.parse("pm.yml", sequences));
        assertEquals("pm.yml:1: nesting deeper than 1000 levels", e.getMessage());
    }

    @Test
    void nestingUpToTheLimitIsReadAndWalkedOnASmallStack() throws Exception {
        // the limit must leave room: parse, compare, copy and write a document nested exactly
        // MAX_DEPTH levels on a thread with half the default stack of a 64-bit JVM
        String flow = "a: " + "[".repeat(YamlReader.MAX_DEPTH) + "]".repeat(YamlReader.MAX_DEPTH) + "\n";
        StringBuilder block = new StringBuilder();
        for (int i = 0; i <= YamlReader.MAX_DEPTH; i++) {
            block.append(" ".repeat(i)).append("k:\n"); // line n holds a node n - 1 levels deep
        }
        Object[] outcome = new Object[1];
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        Map<String, Object> f =
                                Props.asMap(YamlReader.parse("t", flow).root());
                        Map<String, Object> b = Props.asMap(
                                YamlReader.parse("t", block.toString()).root());
                        boolean same = f.equals(Props.deepCopy(f, new java.util.IdentityHashMap<>()))
                                && b.equals(Props.deepCopy(b, new java.util.IdentityHashMap<>()));
                        outcome[0] = same
                                && YamlWriter.write(b).length() > 0
                                && YamlWriter.write(f).length() > 0
                                && !Props.repr(b).isEmpty();
                    } catch (Throwable e) {
                        outcome[0] = e;
                    }
                },
                "small-stack",
                512 * 1024);
        t.start();
        t.join();
        assertEquals(Boolean.TRUE, outcome[0]);
    }

    @Test
    void mappingsAreInsertionOrderedAndSequencesAreArrayLists() throws PartitionException {
        Map<?, ?> root = (Map<?, ?>)
                YamlReader.parse("t", "z: [1]\na:\n- 2\nm: {q: 1}\n").root();
        assertEquals(LinkedHashMap.class, root.getClass());
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(root.keySet()));
        assertEquals(ArrayList.class, root.get("z").getClass());
        assertEquals(ArrayList.class, root.get("a").getClass());
        assertEquals(LinkedHashMap.class, root.get("m").getClass());
    }

    @Test
    void topLevelLinesAreTheLinesOfTheTopLevelKeys() throws PartitionException {
        YamlReader.Document d = YamlReader.parse("t", "# c\n---\napp:\n  size: 1\n\nmcuboot: {size: 2}\n");
        assertEquals(Map.of("app", 3, "mcuboot", 6), d.topLevelLines());
    }

    @Test
    void emptyAndCommentOnlyDocumentsAreNull() throws PartitionException {
        for (String text : List.of("", "\n\n", "# only\n  # comments\n", "---\n", "---\n...\n")) {
            YamlReader.Document d = YamlReader.parse("t", text);
            assertNull(d.root(), text);
            assertEquals(Map.of(), d.topLevelLines());
        }
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreAccepted() throws PartitionException {
        Map<?, ?> root =
                (Map<?, ?>) YamlReader.parse("t", "\uFEFFa: 1\r\nb:\r\n- x\r\n").root();
        assertEquals(Map.of("a", 1L, "b", List.of("x")), root);
    }

    @Test
    void foldedPlainScalarsJoinLinesWithSpacesAndKeepBlankLinesAsBreaks() throws PartitionException {
        Map<?, ?> root = (Map<?, ?>) YamlReader.parse("t", "a: one\n  two\n   three\n\n  four\nb:\n- x\n  - y\n")
                .root();
        assertEquals("one two three\nfour", root.get("a"));
        assertEquals(List.of("x - y"), root.get("b"));
    }

    @Test
    void blockAndFlowCollectionsNest() throws PartitionException {
        Object root = YamlReader.parse(
                        "t",
                        String.join(
                                "\n",
                                "- - a",
                                "  - b",
                                "- k: v",
                                "  l:",
                                "  - 1",
                                "  m: # comment",
                                "    n: [x, {y: [z]}, p: q]",
                                "-",
                                "- {a, b: , c: [1,",
                                "   2,]}",
                                ""))
                .root();
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("k", "v");
        second.put("l", List.of(1L));
        second.put("m", Map.of("n", List.of("x", Map.of("y", List.of("z")), Map.of("p", "q"))));
        Map<String, Object> fourth = new LinkedHashMap<>();
        fourth.put("a", null);
        fourth.put("b", null);
        fourth.put("c", List.of(1L, 2L));
        List<Object> expected = new ArrayList<>();
        expected.add(List.of("a", "b"));
        expected.add(second);
        expected.add(null);
        expected.add(fourth);
        assertEquals(expected, root);
    }

    /** Input, line of the error, a fragment of the message. */
    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("a: 1\nb: !!str 5\n", 2, "tags ('!') are not supported"),
                Arguments.of("a: 1\nb: |\n  text\n", 2, "block scalars ('|') are not supported"),
                Arguments.of("a: >\n  text\n", 1, "block scalars ('>') are not supported"),
                Arguments.of("a: 1\n? b\n: c\n", 2, "complex mapping keys"),
                Arguments.of("a: 1\nb: \"two\n  lines\"\n", 2, "multi-line quoted scalars are not supported"),
                Arguments.of("a: 'two\n  lines'\n", 1, "multi-line quoted scalars are not supported"),
                Arguments.of("a: \"x\\\n  y\"\n", 1, "line continuation"),
                Arguments.of("a: 1\n---\nb: 2\n", 2, "a second YAML document"),
                Arguments.of("%YAML 1.1\n---\na: 1\n", 1, "directives"),
                Arguments.of("a:\n\tb: 1\n", 2, "a tab character"),
                Arguments.of("a:\tb\n", 1, "a tab character"),
                Arguments.of("a: x\ty\n", 1, "a tab character"),
                Arguments.of("a: &x 1\nb: &x 2\n", 2, "anchor &x is defined twice (first on line 1)"),
                Arguments.of("a: 1\nb: *nope\n", 2, "unknown YAML alias *nope"),
                Arguments.of("a: &x\n  b: *x\n", 2, "recursive aliases are not supported"),
                Arguments.of("x: &a k\n*a : 1\n", 2, "aliases on mapping keys are not supported"),
                Arguments.of("- &a b: 1\n", 1, "an anchor before a mapping key is not supported"),
                Arguments.of("a:\n    b: 1\n  c: 2\n", 3, "unexpected indentation"),
                Arguments.of("a:\n  - [1]\n   - 2\n", 3, "expected '- ' at column 3"),
                Arguments.of("a: 1\n b: 2\n", 2, "mapping values are not allowed here"),
                Arguments.of("a: b: c\n", 1, "mapping values are not allowed here"),
                Arguments.of("a: - x\n", 1, "a block sequence cannot start on the line of its key"),
                Arguments.of("a: 1\njunk\n", 2, "expected 'key: value', found 'junk' without ':'"),
                Arguments.of("a: 1\n- b\n", 2, "found a sequence entry"),
                Arguments.of("- a\nb: 1\n", 2, "unexpected content"),
                Arguments.of(": x\n", 1, "a mapping key is missing before ':'"),
                Arguments.of("a: \"\\q\"\n", 1, "unknown escape '\\q'"),
                Arguments.of("a: \"\\x4\"\n", 1, "expected 2 hex digits"),
                Arguments.of("a: 1\nb: \u0001\n", 2, "control character U+0001"),
                Arguments.of("a: 1\n# \u0090\n", 2, "control character U+0090"),
                Arguments.of("a:\n  b: 0x4000000000000000\n", 2, "integer 4611686018427387904 is too large"),
                Arguments.of("a: 99999999999999999999\n", 1, "too large"),
                Arguments.of("a: 190:20:30.15\n", 1, "base 60 floats are not supported"),
                Arguments.of("a: {b: 1\n", 1, "the flow mapping opened on this line is not closed"),
                Arguments.of("a:\n  [1, 2\n", 2, "the flow sequence opened on this line is not closed"),
                Arguments.of("a: [1, 2\nb: 3\n", 2, "expected ',' or ']' in a flow sequence, found 'b'"),
                Arguments.of("a: [1 [2]]\n", 1, "expected ',' or ']'"),
                Arguments.of("a: [1, , 2]\n", 1, "unexpected ','"),
                Arguments.of("a: [- x]\n", 1, "block sequence entry '- ' is not allowed inside a flow collection"),
                Arguments.of("a: {[x]: 1}\n", 1, "a flow mapping key must be a scalar"),
                Arguments.of("[a]: 1\n", 1, "a flow collection as a mapping key"),
                Arguments.of("a: [1] x\n", 1, "unexpected 'x' after a flow collection"),
                Arguments.of("a: 'q' x\n", 1, "unexpected 'x' after a quoted scalar"),
                Arguments.of("a: &x y\nb: *x z\n", 2, "unexpected 'z' after an alias"),
                Arguments.of("a: @x\n", 1, "'@' is reserved"),
                Arguments.of("a: %x\n", 1, "'%' cannot start a plain scalar"),
                Arguments.of("a: 1\nb: ]x\n", 2, "unexpected ']'; quote the value"),
                Arguments.of("a: ,x\n", 1, "unexpected ','; quote the value"),
                Arguments.of("a: [x,#c]\n", 1, "'#' cannot start a value"),
                Arguments.of("a: [x?y]\n", 1, "'?' in a plain scalar inside a flow collection is not supported"),
                Arguments.of("a: [:x]\n", 1, "':' in a plain scalar inside a flow collection is not supported"),
                Arguments.of("a: {b\n  : 1}\n", 2, "':' must be on the same line as its key (line 1)"),
                Arguments.of("a: &x &y 1\n", 1, "a node may have only one anchor"),
                Arguments.of("a: &x\n  &y\n    b: 1\n", 2, "a node may have only one anchor"),
                Arguments.of("a: [&x &y 1]\n", 1, "a node may have only one anchor"),
                Arguments.of("a: &x{}\n", 1, "may only have letters, digits"),
                Arguments.of("a: &\n", 1, "expected a name after '&'"),
                Arguments.of("a: &x.y 1\n", 1, "may only have letters, digits"),
                Arguments.of("a: [\n---\n]\n", 2, "document marker inside an unclosed flow collection"),
                Arguments.of("--- a: 1\n", 1, "content on the same line as '---'"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("rejected")
    void unsupportedOrMalformedInputIsRejectedWithItsLine(String text, int line, String fragment) {
        PartitionException e = assertThrows(PartitionException.class, () -> YamlReader.parse("pm.yml", text));
        assertEquals(List.of("pm.yml:" + line), e.sources(), e.getMessage());
        assertTrue(e.getMessage().startsWith("pm.yml:" + line + ": not valid YAML: "), e.getMessage());
        assertTrue(e.detail().contains(fragment), e.getMessage());
    }

    private static Object value(String text) throws PartitionException {
        return ((Map<?, ?>) YamlReader.parse("t", text).root()).get("a");
    }
}
