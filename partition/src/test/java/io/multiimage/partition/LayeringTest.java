package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.testkit.Layering;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void mainClassesDoNotReferenceMavenAetherOrPlexus() {
        Layering.assertNoBuildToolReferences(Layering.mainClassesOfCurrentModule());
    }

    /** The YAML reader is hand-written so that loading it costs no library's class loading. */
    @Test
    void mainClassesDoNotReferenceJacksonOrSnakeYaml() throws IOException {
        Path classes = Layering.mainClassesOfCurrentModule();
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                scanned++;
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String forbidden : List.of("com/fasterxml", "org/yaml/snakeyaml")) {
                    if (text.contains(forbidden)) {
                        offenders.add(classes.relativize(file) + " references " + forbidden);
                    }
                }
            }
        }
        assertTrue(scanned > 10, "scanned only " + scanned + " classes under " + classes);
        assertEquals(List.of(), offenders);
    }
}
