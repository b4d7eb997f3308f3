package io.multiimage.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.spi.ProcessLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolVersionTest {

    @TempDir
    Path dir;

    @Test
    void aRealToolIsAskedOnceUntilItsBinaryChanges() throws Exception {
        Path calls = dir.resolve("calls");
        Path tool = dir.resolve("fake-gcc");
        Files.writeString(tool, "#!/bin/sh\necho x >> '" + calls + "'\necho 'fake-gcc 1.0'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertEquals("fake-gcc 1.0", ToolVersion.of(ProcessLauncher.local(), tool));
        assertEquals("fake-gcc 1.0", ToolVersion.of(ProcessLauncher.local(), tool));
        assertEquals(1, Files.readAllLines(calls).size());

        Files.setLastModifiedTime(tool, FileTime.fromMillis(Files.getLastModifiedTime(tool).toMillis() + 5000));
        ToolVersion.of(ProcessLauncher.local(), tool);
        assertEquals(2, Files.readAllLines(calls).size());
    }
}
