package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written {@link YamlReader} against PyYAML's {@code yaml.safe_load} (the loader of the
 * reference partition manager), compared as JSON: every YAML file of the project, and documents
 * the Jackson-based reader could not check (aliases of scalars, the {@code \/} escape).
 */
class YamlReaderPyYamlTest {

    /**
     * Prints one JSON line per file given on the command line, or {@code ERROR <context line>
     * <problem line>} (1-based, 0 when PyYAML gives none) for a file PyYAML rejects.
     */
    private static final String SCRIPT = String.join(
            "\n",
            "import json, sys, yaml",
            "for path in sys.argv[1:]:",
            "    with open(path, encoding='utf-8') as f:",
            "        try:",
            "            value = yaml.safe_load(f.read())",
            "        except yaml.YAMLError as e:",
            "            lines = [m.line + 1 if m else 0 for m in (getattr(e, 'context_mark', None),"
                    + " getattr(e, 'problem_mark', None))]",
            "            print('ERROR %d %d' % tuple(lines))",
            "            continue",
            "    print(json.dumps(value, ensure_ascii=True, separators=(',', ':')))");

    @Test
    void corpusFilesReadAsPyYamlReadsThem() throws IOException, PartitionException {
        assertSameAsPyYaml(YamlTrees.corpus());
    }

    @Test
    void scalarAliasesEscapesAndFoldingReadAsPyYamlReadsThem(@TempDir Path dir) throws IOException, PartitionException {
        List<String> documents = List.of(
                "a: &n 0x1000\nb: *n\nc: &s text\nd: [*s, *n]\n",
                "a: \"slash \\/ tab\\t e\\u00e9 \\x41 \\U0001F600\"\nb: 'it''s # not a comment'\n",
                "a: folded plain\n  over lines\n\n  and a blank one\nb: 2\n",
                "- &m {x: 1, y: [2, 3]}\n- *m\n- - nested\n  - seq\n- k: v\n  l: w\n",
                "key:\n- indentless\n- sequence\nother: {one_of: [a, b]}\n",
                "---\n# comment\nx: ~\ny:\nz: null\n...\n",
                "x: [a, b,]\ny: {a: 1, b}\nz: [k: v]\n");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            files.add(Files.writeString(dir.resolve("doc" + i + ".yml"), documents.get(i), StandardCharsets.UTF_8));
        }
        assertSameAsPyYaml(files);
    }

    private static void assertSameAsPyYaml(List<Path> files) throws IOException, PartitionException {
        Path python = ReferenceTools.debianPython("yaml", "python3-yaml");
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", SCRIPT));
        files.forEach(f -> command.add(f.toString()));
        List<String> expected = ReferenceTools.run(command, null, 120)
                .assertSuccess()
                .stdout()
                .lines()
                .toList();
        assertEquals(files.size(), expected.size(), "one JSON line per file");
        for (int i = 0; i < files.size(); i++) {
            String text = Files.readString(files.get(i), StandardCharsets.UTF_8);
            if (expected.get(i).startsWith("ERROR ")) {
                // a deliberately broken file: rejected by both, on one of the lines PyYAML names
                PartitionException e = assertThrows(
                        PartitionException.class,
                        () -> YamlReader.parse("t", text),
                        files.get(i) + ": PyYAML rejects it");
                List<String> pyLines = List.of(expected.get(i).substring(6).split(" "));
                String ours = e.sources().get(0).substring(2);
                assertTrue(pyLines.contains(ours), files.get(i) + ": PyYAML " + pyLines + ", ours " + e.getMessage());
                continue;
            }
            Object root = YamlReader.parse("t", text).root();
            assertEquals(expected.get(i), json(root), files.get(i).toString());
        }
    }

    /** Python's json.dumps(value, ensure_ascii=True, separators=(',', ':')). */
    static String json(Object value) {
        StringBuilder b = new StringBuilder();
        json(value, b);
        return b.toString();
    }

    private static void json(Object value, StringBuilder b) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof Map<?, ?> map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(first ? "" : ",");
                first = false;
                json(String.valueOf(e.getKey()), b);
                b.append(':');
                json(e.getValue(), b);
            }
            b.append('}');
        } else if (value instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ",");
                json(list.get(i), b);
            }
            b.append(']');
        } else if (value instanceof String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case '\b' -> b.append("\\b");
                    case '\f' -> b.append("\\f");
                    default ->
                        b.append(
                                c < 0x20 || c > 0x7e && c != 0x7f
                                        ? String.format("\\u%04x", (int) c)
                                        : String.valueOf(c));
                }
            }
            b.append('"');
        } else {
            b.append(value); // Long, Boolean (true/false)
        }
    }
}
