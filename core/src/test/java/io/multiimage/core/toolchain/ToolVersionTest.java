package io.multiimage.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.state.StateFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
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

        ToolVersion session = new ToolVersion();
        assertEquals("fake-gcc 1.0", session.of(new LocalProcessLauncher(), tool));
        assertEquals("fake-gcc 1.0", session.of(new LocalProcessLauncher(), tool));
        assertEquals(1, Files.readAllLines(calls).size());

        Files.setLastModifiedTime(
                tool, FileTime.fromMillis(Files.getLastModifiedTime(tool).toMillis() + 5000));
        session.of(new LocalProcessLauncher(), tool);
        assertEquals(2, Files.readAllLines(calls).size());
    }

    @Test
    void anotherSessionAsksAgainAndAToolOfAFakeLauncherIsAlwaysAsked() throws Exception {
        Path calls = dir.resolve("calls");
        Path tool = fakeTool("session-gcc", calls);
        new ToolVersion().of(new LocalProcessLauncher(), tool);
        new ToolVersion().of(new LocalProcessLauncher(), tool);
        assertEquals(2, Files.readAllLines(calls).size(), "a new session remembers nothing of an earlier one");
        ToolVersion asking = ToolVersion.askingEveryTime();
        asking.of(new LocalProcessLauncher(), tool);
        asking.of(new LocalProcessLauncher(), tool);
        assertEquals(4, Files.readAllLines(calls).size());
    }

    private Path fakeTool(String name, Path calls) throws Exception {
        Path tool = dir.resolve(name);
        Files.writeString(tool, "#!/bin/sh\necho x >> '" + calls + "'\necho '" + name + " 2.0'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    private static String key(Path tool) throws Exception {
        Path real = tool.toRealPath();
        return real + "\t" + Files.size(real) + "\t"
                + Files.getLastModifiedTime(real).to(java.util.concurrent.TimeUnit.NANOSECONDS) + "\t";
    }

    @Test
    void theAnswerIsRememberedInTheMemoFileForTheNextBuild() throws Exception {
        Path calls = dir.resolve("calls");
        Path tool = fakeTool("memo-gcc", calls);
        Path memo = dir.resolve("state").resolve("gcc-version");

        assertEquals("memo-gcc 2.0", new ToolVersion().of(new LocalProcessLauncher(), tool, memo));

        assertEquals(Optional.of(List.of(key(tool), "memo-gcc 2.0")), StateFile.read(memo, "tool-version"));
        assertEquals(1, Files.readAllLines(calls).size());
    }

    @Test
    void aMemoForTheSameBinaryIsBelievedWithoutStartingTheTool() throws Exception {
        Path calls = dir.resolve("calls");
        Path tool = fakeTool("believed-gcc", calls);
        Path memo = dir.resolve("gcc-version");
        StateFile.write(memo, "tool-version", List.of(key(tool), "believed-gcc 7.7 (from an earlier build)"));

        assertEquals(
                "believed-gcc 7.7 (from an earlier build)",
                new ToolVersion().of(new LocalProcessLauncher(), tool, memo));
        assertEquals(false, Files.exists(calls), "the tool must not have been started");
    }

    @Test
    void aMemoOfAnotherBinaryIsIgnoredAndReplaced() throws Exception {
        Path calls = dir.resolve("calls");
        Path tool = fakeTool("changed-gcc", calls);
        Path memo = dir.resolve("gcc-version");
        StateFile.write(memo, "tool-version", List.of(tool.toRealPath() + "\t1\t2\t", "changed-gcc 0.1"));

        assertEquals("changed-gcc 2.0", new ToolVersion().of(new LocalProcessLauncher(), tool, memo));

        assertEquals(1, Files.readAllLines(calls).size());
        assertEquals(Optional.of(List.of(key(tool), "changed-gcc 2.0")), StateFile.read(memo, "tool-version"));
    }

    @Test
    void aGarbledMemoIsRewrittenSoTheNextBuildBelievesIt() throws Exception {
        Path calls = dir.resolve("calls");
        Path tool = fakeTool("garbled-gcc", calls);
        Path memo = dir.resolve("gcc-version");
        Files.write(memo, new byte[] {'x', (byte) 0xff, '\n'});

        assertEquals("garbled-gcc 2.0", new ToolVersion().of(new LocalProcessLauncher(), tool, memo));
        assertEquals(Optional.of(List.of(key(tool), "garbled-gcc 2.0")), StateFile.read(memo, "tool-version"));
    }
}
