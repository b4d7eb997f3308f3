package io.multiimage.core.pipeline;

import io.multiimage.core.OutputWriteException;
import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes generated files only when their content changes, atomically. Leaving an unchanged
 * file alone keeps its timestamp, so a no-op build rewrites nothing and tools downstream see
 * nothing new.
 */
final class OutputFiles {

    private OutputFiles() {}

    /** Writes {@code text} (UTF-8) unless the file already holds exactly it; true if written. */
    static boolean writeIfChanged(Path file, String text) throws IOException {
        return writeIfChanged(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} unless the file already holds exactly them; true if written. */
    static boolean writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file)
                && Files.size(file) == bytes.length
                && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeBytes(file, bytes);
        } catch (OutputWriteException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputWriteException(file, e);
        }
        return true;
    }
}
