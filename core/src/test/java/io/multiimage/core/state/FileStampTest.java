package io.multiimage.core.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampTest {

    @TempDir
    Path dir;

    @Test
    void anUntouchedFileKeepsItsStampAndAnyWriteOrReplacementChangesIt() throws Exception {
        Path file = dir.resolve("a.overlay");
        Files.writeString(file, "one");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        FileStamp first = FileStamp.of(file).orElseThrow();

        assertTrue(first.sameAs(FileStamp.of(file).orElseThrow()));

        Files.writeString(file, "two!");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000));
        assertFalse(first.sameAs(FileStamp.of(file).orElseThrow()), "another size");

        FileStamp second = FileStamp.of(file).orElseThrow();
        Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000));
        assertFalse(second.sameAs(FileStamp.of(file).orElseThrow()), "another time");

        Path replacement = dir.resolve("b.overlay");
        Files.writeString(replacement, "two!");
        Files.setLastModifiedTime(replacement, FileTime.fromMillis(2_000_000));
        FileStamp third = FileStamp.of(file).orElseThrow();
        Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertFalse(third.sameAs(FileStamp.of(file).orElseThrow()), "another file (inode) with equal size and time");
    }

    @Test
    void aMissingFileHasNoStamp() {
        assertTrue(FileStamp.of(dir.resolve("none")).isEmpty());
        assertFalse(FileStamp.of(dir).orElseThrow().sameAs(null));
    }
}
