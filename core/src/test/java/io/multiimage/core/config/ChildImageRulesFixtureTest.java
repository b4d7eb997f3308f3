package io.multiimage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.DotConfigWriter;
import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ProjectPaths;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture project per rule of the child-image listing (A)–(J), per build-type variant,
 * per variable and per §7 error, under {@code src/test/resources/child-image-rules/}. Each
 * holds {@code case.properties} (image, dirs, board, build type, {@code var.X} variables),
 * the project files (each {@code .conf} sets {@code CONFIG_LAST} to its own path and a
 * symbol named after it), and either {@code expected-files.txt} (the merge log names),
 * {@code expected.config} and optionally {@code expected-overlays.txt}, or
 * {@code expected-error.txt}.
 */
class ChildImageRulesFixtureTest {

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(fixtures())) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Path fixtures() {
        return ProjectPaths.root().resolve("core/src/test/resources/child-image-rules");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureProjectGivesTheExpectedFilesConfigurationOrError(String name) throws Exception {
        Path dir = fixtures().resolve(name);
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("case.properties"), StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        String image = props.getProperty("image");
        Map<String, String> variables = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("var.")) {
                variables.put(key.substring(4), props.getProperty(key));
            }
        }
        List<ImageDeclaration> declarations = new ArrayList<>();
        String parentDir = props.getProperty("parentDir", "");
        String root;
        if (parentDir.isEmpty()) {
            root = image;
            declarations.add(ImageDeclaration.builder(image, dir.resolve(props.getProperty("childDir")))
                    .board(props.getProperty("board"))
                    .buildType(props.getProperty("buildType"))
                    .build());
        } else {
            root = props.getProperty("parentName");
            declarations.add(ImageDeclaration.builder(root, dir.resolve(parentDir))
                    .board(props.getProperty("board"))
                    .buildType(props.getProperty("buildType"))
                    .children(image)
                    .build());
            declarations.add(ImageDeclaration.builder(image, dir.resolve(props.getProperty("childDir")))
                    .build());
        }
        ImageTree tree = ImageTree.build(root, declarations);
        ProjectLayout layout = new ProjectLayout(dir);
        ImageContext context = ImageTreeConfigurator.contexts(tree, variables, new RecordingLog(false))
                .get(image);
        ConfigurationResolver resolver = new ConfigurationResolver(layout, new FragmentOnlyResolver());
        RecordingLog log = new RecordingLog(false);

        Path expectedError = dir.resolve("expected-error.txt");
        if (Files.exists(expectedError)) {
            InvalidConfigurationException e =
                    assertThrows(InvalidConfigurationException.class, () -> resolver.resolve(context, log));
            assertEquals(Files.readString(expectedError).strip(), e.getMessage());
            assertTrue(log.lines().isEmpty(), "no log lines on error: " + log.lines());
            return;
        }
        ImageConfiguration configuration = resolver.resolve(context, log);
        assertEquals(Files.readAllLines(dir.resolve("expected-files.txt")), Projects.merged(log), "merged files");
        assertEquals(
                Files.readString(dir.resolve("expected.config")),
                DotConfigWriter.render(configuration.kconfig().symbols(), ""),
                "merged .config");
        Path expectedOverlays = dir.resolve("expected-overlays.txt");
        if (Files.exists(expectedOverlays)) {
            assertEquals(
                    Files.readAllLines(expectedOverlays),
                    configuration.plan().overlays().stream()
                            .map(SelectedFile::location)
                            .toList(),
                    "overlays");
        }
    }
}
