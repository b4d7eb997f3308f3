package io.multiimage.hex;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that readers see either the old content or the complete new one, never a
 * half-written file: the content goes to a temporary file in the target's directory (same
 * file system, so the final move is a rename), which then replaces the target with
 * {@code ATOMIC_MOVE} (or a plain replacing move where the file system cannot do that). If
 * the body fails, the temporary file is deleted and the target is untouched.
 *
 * <p>The data is not forced to disk before the rename: this guards against failed or
 * interrupted writers, not against power loss.
 */
public final class AtomicFiles {

    private static final int BUFFER = 1 << 16;
    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() & 0xFFFFFF);

    private AtomicFiles() {}

    /**
     * Creates or replaces {@code target} with what {@code body} writes to the stream it is
     * given (buffered; the body need not close it). Missing parent directories are created.
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, absolute.getFileName().toString());
        boolean moved = false;
        try {
            keepUsualPermissions(temp, absolute);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER)) {
                body.accept(out);
            }
            moveIntoPlace(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Replaces {@code target} with the finished file {@code temp} (in the same directory),
     * atomically where the file system can: for outputs another program wrote to a temporary
     * name, such as a compiler's.
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A new, empty temporary file next to the target. Not {@code Files.createTempFile}: its
     * SecureRandom costs a command-line tool a tenth of a second at startup, and uniqueness
     * only needs the process id, a counter and CREATE_NEW.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            Path candidate = dir.resolve("." + name + "." + pid + "." + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * A temporary file is created owner-only; the output should instead get the permissions
     * the target already had, or rw-r--r-- for a new file.
     */
    private static void keepUsualPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /** Creates or replaces {@code target} with {@code bytes}, atomically. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Creates or replaces {@code target} with {@code text} in UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
