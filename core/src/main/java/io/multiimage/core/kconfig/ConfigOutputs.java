package io.multiimage.core.kconfig;

import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an image's {@code .config} and {@code autoconf.h} into a directory. Both texts are
 * rendered and written to temporary files in that directory first, then moved into place,
 * so a failure never leaves a half-written output.
 */
public final class ConfigOutputs {

    /** File name of the merged configuration. */
    public static final String DOT_CONFIG = ".config";
    /** File name of the C header. */
    public static final String AUTOCONF_H = "autoconf.h";

    private ConfigOutputs() {}

    /** Writes both files into {@code directory} with empty headers (the form of the reference runs). */
    public static void write(Path directory, KconfigResult result) throws IOException {
        write(directory.resolve(DOT_CONFIG), directory.resolve(AUTOCONF_H), result, "");
    }

    /**
     * Writes {@code .config} to {@code dotConfig} and {@code autoconf.h} to {@code autoconfH}
     * (Zephyr keeps them apart: {@code zephyr/.config}, {@code zephyr/include/generated/autoconf.h}),
     * each starting with {@code header}. Both are written to temporary files first; only then
     * are they moved into place.
     */
    public static void write(Path dotConfig, Path autoconfH, KconfigResult result, String header) throws IOException {
        Path config = writeTemp(directoryOf(dotConfig), DotConfigWriter.render(result.symbols(), header));
        Path autoconf;
        try {
            autoconf = writeTemp(directoryOf(autoconfH), AutoconfWriter.render(result.symbols(), header));
        } catch (IOException e) {
            Files.deleteIfExists(config);
            throw e;
        }
        moveIntoPlace(config, dotConfig);
        moveIntoPlace(autoconf, autoconfH);
    }

    /** Writes {@code text} to {@code target} via a temporary file in the same directory. */
    public static void writeAtomically(Path target, String text) throws IOException {
        AtomicFiles.writeString(target, text);
    }

    /** The (created) directory that will hold {@code file}. */
    private static Path directoryOf(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        return directory;
    }

    private static Path writeTemp(Path directory, String text) throws IOException {
        Path temp = Files.createTempFile(directory, ".multiimage-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            AtomicFiles.moveIntoPlace(temp, target);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
