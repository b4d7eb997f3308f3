package io.multiimage.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    @TempDir
    Path dir;

    @Test
    void temporaryFilesOfDeadProcessesAreRemovedAndOthersKept() throws Exception {
        long dead = deadPid();
        long me = ProcessHandle.current().pid();
        Path obj = Files.createDirectories(dir.resolve("obj"));
        Path[] leftovers = {
            dir.resolve(".build.log." + dead + ".3.tmp"),
            dir.resolve(".pm_config.h." + dead + ".1.tmp"),
            obj.resolve("main.c.o." + dead + ".part"),
            dir.resolve("app.elf." + dead + ".part")
        };
        Path[] kept = {
            dir.resolve("app.hex"),
            dir.resolve(".build.log." + me + ".1.tmp"),
            obj.resolve("main.c.o"),
            dir.resolve("notes.part")
        };
        for (Path file : leftovers) {
            Files.writeString(file, "x");
        }
        for (Path file : kept) {
            Files.writeString(file, "x");
        }

        assertEquals(leftovers.length, Leftovers.clean(List.of(dir)));

        for (Path file : leftovers) {
            assertFalse(Files.exists(file), file.toString());
        }
        for (Path file : kept) {
            assertTrue(Files.exists(file), file.toString());
        }
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        long pid = process.pid();
        while (ProcessHandle.of(pid).isPresent()) {
            Thread.sleep(10);
        }
        return pid;
    }
}
