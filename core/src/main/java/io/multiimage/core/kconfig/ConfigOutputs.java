package io.multiimage.core.kconfig;

import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an image's {@code .config} and {@code autoconf.h} into a directory. Both texts are
 * rendered first, then each is written to a temporary file beside it and moved into place, so a
 * failure never leaves a half-written output.
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
        // Both rendered before either is written: a failure never leaves a new .config beside an old header.
        String config = DotConfigWriter.render(result.symbols(), header);
        String autoconf = AutoconfWriter.render(result.symbols(), header);
        writeAtomically(dotConfig, config);
        writeAtomically(autoconfH, autoconf);
    }

    /**
     * Writes {@code text} to {@code target} via a temporary file in the same directory (the one
     * atomic-write helper of the libraries, which leaves the file with the usual permissions).
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        AtomicFiles.writeString(target, text);
    }
}
