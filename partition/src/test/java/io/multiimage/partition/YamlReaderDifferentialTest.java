package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written {@link YamlReader} against the former Jackson-based reader
 * ({@link JacksonYamlReference}): the same values, types, key order, alias identity and
 * top-level key lines, for every YAML file of the project and for seeded random documents.
 */
class YamlReaderDifferentialTest {

    static Stream<Path> corpus() {
        return YamlTrees.corpus().stream();
    }

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @Test
    void corpusIsLargeEnoughToMeanSomething() {
        List<Path> files = YamlTrees.corpus();
        assertTrue(files.size() >= 90, "only " + files.size() + " corpus files found");
        assertTrue(files.stream().anyMatch(p -> p.toString().contains("expected")), "golden outputs missing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFilesReadAsTheJacksonReaderReadThem(Path file) throws IOException, PartitionException {
        assertSameAsReference(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomDocumentsReadAsTheJacksonReaderReadsThem(long seed) throws PartitionException {
        String text = RandomYaml.document(seed);
        assertSameAsReference("seed " + seed + ":\n" + text, text);
    }

    @Test
    void randomDocumentsUseAnchorsAliasesFlowAndFolding() {
        String all = String.join("\n", LongStream.range(0, 400).mapToObj(RandomYaml::document).toList());
        for (String feature : List.of("&id", "*id", "{", "[", "\n- ", "- - ", " # note", "'it''s'", "\\u00e9", "---", "...")) {
            assertTrue(all.contains(feature), "random documents never contain " + feature);
        }
    }

    private static void assertSameAsReference(String where, String text) throws PartitionException {
        JacksonYamlReference.Document expected = JacksonYamlReference.parse("ref", text);
        YamlReader.Document actual = YamlReader.parse("new", text);
        YamlTrees.assertSameTree(expected.root(), actual.root(), where);
        assertEquals(expected.topLevelLines(), actual.topLevelLines(), where + ": top-level key lines");
    }
}
