package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.testkit.JavaMain;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A placement taken from the record loads no YAML code at all: two placements of the same
 * {@link PlacementProject}, each in a JVM of its own with class loading logged; the first reads
 * and writes YAML, the second (a no-op) loads neither the YAML reader nor the writer.
 */
@Tag("tools")
class NoOpPlacementLoadsNoYamlTest {

    private static final List<String> YAML_CLASSES = List.of(
            "io.multiimage.partition.YamlTextParser",
            "io.multiimage.partition.YamlReader ",
            "io.multiimage.partition.YamlWriter ");

    @TempDir
    Path project;

    @Test
    void aNoOpPlacementInAFreshJvmLoadsNoYamlReaderNorWriter() throws Exception {
        PlacementProject.create(project);
        Path first = project.resolve("first-classes.log");
        Path second = project.resolve("second-classes.log");

        placeInFreshJvm(first);
        placeInFreshJvm(second);

        assertTrue(
                YAML_CLASSES.stream().allMatch(name -> loaded(first, name)),
                "the first placement reads and writes YAML");
        assertTrue(loaded(second, "io.multiimage.partition.PlacedDomain "), "the second placement takes the record");
        for (String name : YAML_CLASSES) {
            assertFalse(loaded(second, name), name + " loaded by a no-op placement");
        }
    }

    private void placeInFreshJvm(Path classLog) {
        ReferenceTools.Result result = JavaMain.run(
                List.of("-Xlog:class+load=info:file=" + classLog),
                PlaceInFreshJvm.class,
                List.of(project.toString(), "code-1"),
                project,
                120);
        result.assertSuccess();
        assertTrue(result.stdout().contains("app at 0x"), result.stdout());
    }

    private static boolean loaded(Path classLog, String name) {
        try {
            return Files.readString(classLog).contains(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
