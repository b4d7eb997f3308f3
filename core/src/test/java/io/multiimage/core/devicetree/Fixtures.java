package io.multiimage.core.devicetree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test resources under {@code src/test/resources/devicetree/}. */
final class Fixtures {

    private Fixtures() {}

    static Path dir(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/devicetree/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subdirectory names, sorted. */
    static List<String> subdirectories(String relative) {
        try (Stream<Path> entries = Files.list(dir(relative))) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code *.overlay} files of a directory in name order. */
    static List<Path> overlays(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".overlay"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
