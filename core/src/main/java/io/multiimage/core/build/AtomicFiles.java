package io.multiimage.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes outputs so that a reader never sees half a file: temp file beside it, then a move. */
final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    static void writeString(Path target, String text) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".part");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        moveIntoPlace(temp, target);
    }

    /** Moves a finished temp file over {@code target}, atomically where the file system can. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
