package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file by writing a temporary file beside it and moving it into place, so a reader
 * never sees half a file and a failed run leaves the old file. The rest of core writes through
 * hexformat's {@code AtomicFiles}; the engine depends on nothing but the JDK (ArchitectureTest),
 * so that it can become a library of its own, and keeps this copy.
 */
public final class AtomicFiles {

    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {}

    /**
     * Creates or replaces {@code file} with {@code text} in UTF-8; creates missing directories.
     * The temporary name is made of the process id and a counter (not {@code createTempFile}:
     * its SecureRandom costs a command-line run a tenth of a second, and its owner-only mode
     * would stay on the output).
     */
    public static void write(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        long pid = ProcessHandle.current().pid();
        Path temp;
        for (int attempt = 0; ; attempt++) {
            temp = dir.resolve("." + absolute.getFileName() + "." + pid + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                Files.write(
                        temp,
                        text.getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                break;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        try {
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
