package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void layoutFilesGetTheModeOfAnyNewFileNotOwnerOnly() throws IOException {
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);

        Map<Path, String> files = new LinkedHashMap<>();
        files.put(dir.resolve("out/partitions.yml"), "app: {}\n");
        files.put(dir.resolve("out/regions.yml"), "flash_primary: {}\n");
        AtomicFiles.writeAll(files);

        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("out/partitions.yml")));
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("out/regions.yml")));
        assertEquals("app: {}\n", Files.readString(dir.resolve("out/partitions.yml")));
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }
}
