package io.multiimage.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.testkit.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of every module's main code says what it is for, in a package-info.java. */
class PackageDocumentationTest {

    @Test
    void everyPackageOfEveryModuleHasAPackageInfo() throws IOException {
        List<String> undocumented;
        try (Stream<Path> modules = Files.list(ProjectPaths.root())) {
            undocumented = modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(PackageDocumentationTest::packagesWithoutInfo)
                    .map(dir -> ProjectPaths.root().relativize(dir).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), undocumented, "packages without package-info.java");
    }

    private static Stream<Path> packagesWithoutInfo(Path sources) {
        try {
            List<Path> dirs;
            try (Stream<Path> walk = Files.walk(sources)) {
                dirs = walk.filter(Files::isDirectory).toList();
            }
            return dirs.stream()
                    .filter(PackageDocumentationTest::holdsJava)
                    .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
