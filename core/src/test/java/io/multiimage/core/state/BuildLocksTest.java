package io.multiimage.core.state;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build waits, saying so, while another process holds the lock of a directory it writes. */
class BuildLocksTest {

    @TempDir
    Path dir;

    @Test
    void aSecondBuildWaitsForTheProcessHoldingTheDirectory() throws Exception {
        Path lock = Files.createDirectories(dir.resolve(".state")).resolve("lock");
        Files.createFile(lock);
        // Another process (python) takes the same operating-system lock Java's FileLock uses (fcntl).
        Process other = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import fcntl,sys,time\n"
                                + "f=open(sys.argv[1],'r+'); fcntl.lockf(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(1.5)",
                        lock.toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(new String(other.getInputStream().readNBytes(4)).equals("held"), "the other process took the lock");
        RecordingLog log = new RecordingLog();
        long start = System.nanoTime();
        try (BuildLocks locks = BuildLocks.acquire(List.of(dir), log)) {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(waited >= 500, "took the lock after " + waited + " ms, while the other process held it");
        }
        assertTrue(
                log.lines().stream().anyMatch(l -> l.contains("Waiting for another build that is writing " + dir)),
                log.lines().toString());
        other.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void twoThreadsOfOneJvmTakeTurns() throws Exception {
        RecordingLog log = new RecordingLog();
        BuildLocks first = BuildLocks.acquire(List.of(dir), log);
        Thread second = new Thread(() -> {
            try (BuildLocks locks = BuildLocks.acquire(List.of(dir), log)) {
                // got it
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        second.start();
        second.join(300);
        assertTrue(second.isAlive(), "the second thread must wait");
        first.close();
        second.join(5000);
        assertTrue(!second.isAlive());
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("Waiting for another build in this JVM")));
    }
}
