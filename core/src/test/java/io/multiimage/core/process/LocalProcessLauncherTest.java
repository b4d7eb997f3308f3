package io.multiimage.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.spi.ProcessFailedException;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.spi.ProcessStartException;
import io.multiimage.core.spi.ProcessTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("tools")
class LocalProcessLauncherTest {

    private final ProcessLauncher launcher = new LocalProcessLauncher();

    private static List<String> sh(String script) {
        return List.of("/bin/sh", "-c", script);
    }

    @Test
    void streamsStdoutAndStderrLinesSeparatelyAndInOrder() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        ProcessResult result = launcher.run(ProcessSpec.of(sh("echo one; echo bad >&2; echo two; printf 'three'"))
                .onStdout(out::add)
                .onStderr(err::add));
        assertEquals(0, result.exitCode());
        assertEquals(List.of("one", "two", "three"), out);
        assertEquals(List.of("bad"), err);
        assertEquals(List.of("one", "two", "three"), result.stdoutTail());
        assertEquals(List.of("bad"), result.stderrTail());
    }

    @Test
    void returnsNonZeroExitCodeAndRequireSuccessSaysExited() throws Exception {
        ProcessResult result = launcher.run(ProcessSpec.of(sh("echo 'it broke' >&2; exit 2")));
        assertEquals(2, result.exitCode());
        assertFalse(result.succeeded());
        ProcessFailedException e = assertThrows(ProcessFailedException.class, result::requireSuccess);
        assertEquals(2, e.exitCode());
        assertEquals("/bin/sh -c 'echo '\\''it broke'\\'' >&2; exit 2' exited 2:\n  it broke", e.getMessage());
    }

    @Test
    void keepsOnlyTheLastLinesButStreamsAll() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        ProcessResult result = launcher.run(
                ProcessSpec.of(List.of("seq", "1", "5000")).tailLines(3).onStdout(out::add));
        assertEquals(5000, out.size());
        assertEquals(List.of("4998", "4999", "5000"), result.stdoutTail());
    }

    @Test
    void drainsBothStreamsSoALargeStderrCannotBlockTheProcess() throws Exception {
        // 2 MB on stderr and stdout each: far beyond a pipe buffer.
        ProcessResult result =
                launcher.run(ProcessSpec.of(sh("head -c 2000000 /dev/zero | tr '\\0' 'x' | fold -w 100 >&2;"
                                + " head -c 2000000 /dev/zero | tr '\\0' 'y' | fold -w 100"))
                        .timeout(Duration.ofSeconds(60)));
        assertEquals(0, result.exitCode());
        assertEquals(
                "y".repeat(100), result.stdoutTail().get(result.stdoutTail().size() - 1));
        assertEquals("x".repeat(100), result.stderrTail().get(0));
    }

    @Test
    void usesWorkingDirectoryAndExplicitEnvironment(@TempDir Path dir) throws Exception {
        ProcessResult result = launcher.run(ProcessSpec.of(sh("pwd; echo \"$FIRMWARE_IMAGE\""))
                .workingDir(dir)
                .env(Map.of("FIRMWARE_IMAGE", "mcuboot")));
        assertEquals(List.of(dir.toRealPath().toString(), "mcuboot"), result.stdoutTail());
    }

    @Test
    void withoutInheritedEnvironmentTheProcessSeesOnlyGivenVariables() throws Exception {
        ProcessResult result = launcher.run(ProcessSpec.of(List.of("/usr/bin/env"))
                .env(Map.of("ONLY_ME", "1"))
                .withoutInheritedEnv());
        assertEquals(List.of("ONLY_ME=1"), result.stdoutTail());
    }

    @Test
    void stdinIsClosedSoReadersSeeEndOfFile() throws Exception {
        ProcessResult result = launcher.run(ProcessSpec.of(List.of("cat")).timeout(Duration.ofSeconds(20)));
        assertEquals(0, result.exitCode());
        assertEquals(List.of(), result.stdoutTail());
    }

    @Test
    void timeoutKillsTheProcessTreeAndSaysTimedOut() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        ProcessTimeoutException e = assertThrows(
                ProcessTimeoutException.class,
                () -> launcher.run(ProcessSpec.of(sh("sleep 300 & echo $!; wait"))
                        .timeout(Duration.ofSeconds(1))
                        .onStdout(out::add)));
        assertEquals(Duration.ofSeconds(1), e.timeout());
        assertTrue(
                e.getMessage().startsWith("/bin/sh -c 'sleep 300 & echo $!; wait' timed out after 1 s and was killed"),
                e.getMessage());
        assertFalse(e.getMessage().contains("exited"), e.getMessage());
        assertGone(Long.parseLong(out.get(0)));
    }

    @Test
    void interruptKillsTheProcessTreeAndRethrows() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> grandchild = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                launcher.run(ProcessSpec.of(sh("sleep 300 & echo $!; wait")).onStdout(line -> {
                    grandchild.set(line);
                    started.countDown();
                }));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        assertTrue(started.await(20, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(20_000);
        assertFalse(caller.isAlive());
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        assertGone(Long.parseLong(grandchild.get()));
    }

    @Test
    void missingProgramIsAStartFailure() {
        ProcessStartException e = assertThrows(
                ProcessStartException.class,
                () -> launcher.run(ProcessSpec.of(List.of("/nonexistent/arm-none-eabi-gcc", "-v"))));
        assertTrue(e.getMessage().startsWith("cannot run /nonexistent/arm-none-eabi-gcc -v: "), e.getMessage());
    }

    @Test
    void timeoutAndExitMessagesDiffer() throws Exception {
        ProcessResult exited = launcher.run(ProcessSpec.of(sh("exit 2")));
        String exitMessage = assertThrows(ProcessFailedException.class, exited::requireSuccess)
                .getMessage();
        String timeoutMessage = assertThrows(
                        ProcessTimeoutException.class,
                        () -> launcher.run(ProcessSpec.of(sh("sleep 30")).timeout(Duration.ofMillis(1500))))
                .getMessage();
        assertEquals("/bin/sh -c 'exit 2' exited 2", exitMessage);
        assertEquals("/bin/sh -c 'sleep 30' timed out after 1.5 s and was killed", timeoutMessage);
        assertNotEquals(exitMessage, timeoutMessage);
    }

    @Test
    void aFailingConsumerIsReportedAfterTheProcessEnded() {
        RuntimeException e = assertThrows(
                IllegalStateException.class,
                () -> launcher.run(ProcessSpec.of(List.of("seq", "1", "100000")).onStdout(line -> {
                    throw new IllegalStateException("consumer broke at " + line);
                })));
        assertEquals("consumer broke at 1", e.getMessage());
    }

    private static void assertGone(long pid) throws Exception {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            CompletableFuture<ProcessHandle> exit = handle.get().onExit();
            exit.get(20, TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " survived");
    }
}
