package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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

    /**
     * Every YAML file of the project reads the same. A file the former reader rejects (an
     * integration test's deliberately broken {@code pm_static.yml}) must be rejected too, on
     * the same line.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void corpusFilesReadAsTheJacksonReaderReadThem(Path file) throws IOException, PartitionException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        PartitionException rejected;
        try {
            JacksonYamlReference.parse("ref", text);
            rejected = null;
        } catch (PartitionException e) {
            rejected = e;
        }
        if (rejected == null) {
            assertSameAsReference(file.toString(), text);
            return;
        }
        PartitionException ours = assertThrows(
                PartitionException.class,
                () -> YamlReader.parse("ref", text),
                file + ": the former reader rejects it: " + rejected.getMessage());
        assertEquals(
                rejected.sources(), ours.sources(), file + ": " + rejected.getMessage() + " / " + ours.getMessage());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomDocumentsReadAsTheJacksonReaderReadsThem(long seed) throws PartitionException {
        String text = RandomYaml.document(seed);
        assertSameAsReference("seed " + seed + ":\n" + text, text);
    }

    @Test
    void randomDocumentsUseAnchorsAliasesFlowAndFolding() {
        String all = String.join(
                "\n", LongStream.range(0, 400).mapToObj(RandomYaml::document).toList());
        for (String feature :
                List.of("&id", "*id", "{", "[", "\n- ", "- - ", " # note", "'it''s'", "\\u00e9", "---", "...")) {
            assertTrue(all.contains(feature), "random documents never contain " + feature);
        }
    }

    static LongStream mutationSeeds() {
        return LongStream.range(0, 2000);
    }

    /**
     * Random documents with one to three characters deleted, inserted or replaced (indicators,
     * spaces, line breaks, tabs): whatever the new reader accepts, the former reader read the
     * same way. The only documents it accepts that the former reader rejected are the former
     * reader's known gaps: aliases of anchored scalars or empty values, and the {@code \<TAB>}
     * and {@code \/} escapes PyYAML accepts. A former reader's root scalar is skipped: it read
     * only the first line of it and ignored the rest of the file.
     */
    @ParameterizedTest(name = "mutation {0}")
    @MethodSource("mutationSeeds")
    void mutatedDocumentsAreNeverReadDifferently(long seed) {
        String text = mutate(RandomYaml.document(seed % 400), new Random(seed * 7919));
        String where = "mutation " + seed + ":\n" + text;
        JacksonYamlReference.Document expected = null;
        String expectedError = null;
        try {
            expected = JacksonYamlReference.parse("ref", text);
        } catch (PartitionException e) {
            expectedError = e.getMessage();
        }
        YamlReader.Document actual;
        try {
            actual = YamlReader.parse("new", text);
        } catch (PartitionException e) {
            return; // rejecting is always safe
        }
        if (expected == null) {
            assertTrue(
                    expectedError.contains("unknown YAML alias") || expectedError.contains("double-quoted scalar"),
                    where + "\nread, but the former reader said: " + expectedError);
            return;
        }
        if (expected.root() instanceof String) {
            return;
        }
        YamlTrees.assertSameTree(expected.root(), actual.root(), where);
        assertEquals(expected.topLevelLines(), actual.topLevelLines(), where + ": top-level key lines");
    }

    private static String mutate(String doc, Random random) {
        String alphabet = " \n:-#[]{},&*'\"!|>?%@`xa01.\t";
        StringBuilder b = new StringBuilder(doc);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && b.length() > 0; m++) {
            int at = random.nextInt(b.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, c);
                default -> b.setCharAt(at, c);
            }
        }
        return b.toString();
    }

    private static void assertSameAsReference(String where, String text) throws PartitionException {
        JacksonYamlReference.Document expected = JacksonYamlReference.parse("ref", text);
        YamlReader.Document actual = YamlReader.parse("new", text);
        YamlTrees.assertSameTree(expected.root(), actual.root(), where);
        assertEquals(expected.topLevelLines(), actual.topLevelLines(), where + ": top-level key lines");
    }
}
