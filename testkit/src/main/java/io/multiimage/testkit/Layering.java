package io.multiimage.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Guards the layering rule: the libraries below the plugin know nothing of Maven.
 *
 * <p>A class refers to another type through its constant pool, which stores internal names
 * such as {@code org/apache/maven/project/MavenProject} as plain UTF-8. Searching the class
 * bytes for the forbidden prefixes therefore finds imports, field types, casts and
 * annotations alike, without a bytecode library.
 */
public final class Layering {

    /** Package prefixes (internal form) a library class must never reference. */
    public static final List<String> BUILD_TOOL_PACKAGES =
            List.of("org/apache/maven", "org/eclipse/aether", "org/codehaus/plexus");

    private Layering() {}

    /**
     * Fails if any class file below {@code classesDir} references a build-tool package.
     * Also fails when the directory holds no class at all, so a wrong path cannot pass.
     */
    public static void assertNoBuildToolReferences(Path classesDir) {
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : (Iterable<Path>)
                    files.filter(p -> p.toString().endsWith(".class")).sorted()::iterator) {
                scanned++;
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String forbidden : BUILD_TOOL_PACKAGES) {
                    if (text.contains(forbidden)) {
                        offenders.add(classesDir.relativize(file) + " references " + forbidden.replace('/', '.'));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + classesDir, e);
        }
        if (scanned == 0) {
            fail("no class files under " + classesDir + ": the layering check scanned nothing");
        }
        if (!offenders.isEmpty()) {
            fail("library classes must not depend on Maven, Aether or Plexus:\n  " + String.join("\n  ", offenders));
        }
    }

    /** The compiled main classes of the module whose tests are running. */
    public static Path mainClassesOfCurrentModule() {
        return Path.of("target", "classes").toAbsolutePath();
    }
}
