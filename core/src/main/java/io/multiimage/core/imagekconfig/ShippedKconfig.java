package io.multiimage.core.imagekconfig;

import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kconfig files the build ships for images' Kconfig trees to {@code source}, today the
 * build-strategy template. They are written into a directory of the build's output (the
 * engine reads files), which the environment variable {@value #VARIABLE} names:
 * {@code source "$(MULTIIMAGE_KCONFIG)/Kconfig.template.build_strategy"}.
 */
public final class ShippedKconfig {

    /** The environment variable naming the directory of the shipped files. */
    public static final String VARIABLE = "MULTIIMAGE_KCONFIG";
    /** The build-strategy template (the seed's {@code Kconfig.template.build_strategy}). */
    public static final String BUILD_STRATEGY_TEMPLATE = "Kconfig.template.build_strategy";

    private static final List<String> FILES = List.of(BUILD_STRATEGY_TEMPLATE);

    private ShippedKconfig() {}

    /** The text of a shipped file. */
    public static String text(String name) {
        try (InputStream in = ShippedKconfig.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the core jar lacks the resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the shipped files into {@code directory} (only those whose bytes differ, so a
     * no-op build touches nothing) and returns it.
     */
    public static Path materialize(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String name : FILES) {
            Path target = directory.resolve(name);
            byte[] bytes = text(name).getBytes(StandardCharsets.UTF_8);
            if (!Files.isRegularFile(target) || !java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
                AtomicFiles.writeString(target, text(name));
            }
        }
        return directory;
    }
}
