package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emitter writes what the reference's YAML dumper writes. */
class YamlWriterTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void keysAreSortedByCodePointAndIntegersAreHex() {
        assertEquals(
                "EMPTY_0: 0x10\napp: -0x20\nb: 0x0\n", YamlWriter.write(map("b", 0L, "app", -32L, "EMPTY_0", 16L)));
    }

    @Test
    void listsUnderKeysAreNotIndentedAndEmptyCollectionsAreInline() {
        String y = YamlWriter.write(map(
                "p",
                map("before", new ArrayList<>(List.of("a", "b")), "e", new ArrayList<>(), "m", new LinkedHashMap<>())));
        assertEquals("p:\n  before:\n  - a\n  - b\n  e: []\n  m: {}\n", y);
    }

    @Test
    void stringsThatWouldReadAsOtherTypesAreSingleQuoted() {
        String y = YamlWriter.write(map(
                "a",
                "yes",
                "b",
                "",
                "c",
                "0x10",
                "d",
                "1.5",
                "e",
                "null",
                "f",
                "n",
                "g",
                "a: b",
                "h",
                "#x",
                "i",
                "it's: q",
                "j",
                "- x",
                "k",
                "DT_CHOSEN(nordic_pm_ext_flash)",
                "l",
                "~",
                "m",
                "2024-01-02",
                "n",
                " lead"));
        assertEquals(
                "a: 'yes'\nb: ''\nc: '0x10'\nd: '1.5'\ne: 'null'\nf: n\ng: 'a: b'\nh: '#x'\ni: 'it''s: q'\n"
                        + "j: '- x'\nk: DT_CHOSEN(nordic_pm_ext_flash)\nl: '~'\nm: '2024-01-02'\nn: ' lead'\n",
                y);
    }

    @Test
    void indicatorsOnlyForceQuotesWhereTheReferenceQuotes() {
        String y = YamlWriter.write(map(
                "x",
                "a,b",
                "y",
                "a:b",
                "z",
                "x #y",
                "w",
                "end:",
                "v",
                "?x",
                "u",
                "-x",
                "t",
                "@x",
                "s",
                "%x",
                "r",
                "a'b",
                "q",
                "tab\there",
                "o",
                "---x",
                "p",
                "a  b"));
        assertEquals(
                "o: '---x'\np: a  b\nq: \"tab\\there\"\nr: a'b\ns: '%x'\nt: '@x'\nu: -x\nv: ?x\nw: 'end:'\n"
                        + "x: a,b\ny: a:b\nz: 'x #y'\n",
                y);
    }

    @Test
    void nonAsciiAndControlCharactersAreDoubleQuoted() {
        assertEquals("a: \"caf\\xE9\\n\"\n", YamlWriter.write(map("a", "café\n")));
    }

    @Test
    void booleansNullsAndNestedListsAreWritten() {
        List<Object> inner = new ArrayList<>(List.of("x", "y"));
        List<Object> outer = new ArrayList<>(List.of(inner, map("k", 1L, "j", true)));
        assertEquals(
                "a: null\nb: true\nl:\n- - x\n  - y\n- j: true\n  k: 0x1\n",
                YamlWriter.write(map("b", true, "a", null, "l", outer)));
    }

    @Test
    void longPlainStringsAreFoldedAtSpacesBeyondEightyColumns() {
        String text = "word ".repeat(20).trim();
        String y = YamlWriter.write(map("p", map("notes", text)));
        String[] lines = y.split("\n");
        assertEquals("  notes: " + "word ".repeat(14) + "word", lines[1]);
        assertEquals("    word word word word word", lines[2]);
    }

    @Test
    void listsReferencedTwiceGetAnchorsNumberedInWritingOrder() {
        List<Object> s1 = new ArrayList<>(List.of("a"));
        List<Object> s2 = new ArrayList<>(List.of("b"));
        String y = YamlWriter.write(map("z", map("orig_span", s1, "span", s1), "c", map("orig_span", s2, "span", s2)));
        assertEquals(
                "c:\n  orig_span: &id001\n  - b\n  span: *id001\nz:\n  orig_span: &id002\n  - a\n  span: *id002\n", y);
    }

    @Test
    void readerKeepsAliasesAsTheSameObject() throws PartitionException {
        YamlReader.Document d = YamlReader.parse("t", "c:\n  orig_span: &id001\n  - b\n  span: *id001\n");
        Map<String, Object> c = Props.asMap(Props.asMap(d.root()).get("c"));
        assertSame(c.get("orig_span"), c.get("span"));
        assertEquals("c:\n  orig_span: &id001\n  - b\n  span: *id001\n", YamlWriter.write(Props.asMap(d.root())));
        assertEquals(1, d.topLevelLines().get("c"));
    }

    @Test
    void emptyDocumentIsAnEmptyMapping() {
        assertEquals("{}\n", YamlWriter.write(new LinkedHashMap<>()));
    }
}
