package io.multiimage.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesTheContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeString(target, "hello");
        assertEquals("hello", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void failedBodyLeavesTheOldContentAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write("half".getBytes());
                    throw new IOException("disk on fire");
                }));
        assertEquals("disk on fire", e.getMessage());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void failedBodyCreatesNoFile(@TempDir Path dir) {
        Path target = dir.resolve("new.txt");
        assertThrows(
                IOException.class,
                () -> AtomicFiles.write(target, out -> {
                    throw new IOException("no");
                }));
        assertEquals(false, Files.exists(target));
    }

    @Test
    void replacesAnExistingFileKeepingItsPermissions(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.bin");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeBytes(target, new byte[] {1, 2});
        assertEquals(2, Files.size(target));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void newFilesAreReadableByOthersAndParentsAreCreated(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a/b/out.bin");
        AtomicFiles.writeBytes(target, new byte[] {1});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
}
