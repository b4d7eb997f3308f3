package io.multiimage.core.process;

import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.spi.ProcessStartException;
import io.multiimage.core.spi.ProcessTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts real processes with {@link ProcessBuilder}: an argument list (no shell), an explicit
 * environment and working directory, standard input closed, standard output and error each
 * drained by a thread of its own and streamed line by line, a timeout, and the whole process
 * tree killed on timeout or when the calling thread is interrupted (Ctrl-C in Maven, a
 * cancelled parallel build).
 */
public final class LocalProcessLauncher implements ProcessLauncher {

    /** How long to wait for the output threads once the process has ended. */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(10);

    /** How long to wait for a killed process to disappear. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);

    /** Creates a launcher; it holds no state and can be shared between threads. */
    public LocalProcessLauncher() {}

    @Override
    public ProcessResult run(ProcessSpec spec)
            throws ProcessStartException, ProcessTimeoutException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(spec.command());
        if (spec.workingDir() != null) {
            builder.directory(spec.workingDir().toFile());
        }
        Map<String, String> environment = builder.environment();
        if (!spec.inheritEnv()) {
            environment.clear();
        }
        environment.putAll(spec.env());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);

        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProcessStartException(spec.command(), e);
        }
        String program = spec.command().get(0);
        LineDrain stdout = LineDrain.start(
                process.getInputStream(), spec.stdoutConsumer(), spec.tailLines(), "stdout of " + program);
        LineDrain stderr = LineDrain.start(
                process.getErrorStream(), spec.stderrConsumer(), spec.tailLines(), "stderr of " + program);
        try {
            // The program gets an empty standard input rather than one that blocks forever.
            process.getOutputStream().close();
        } catch (IOException e) {
            // The program may already have ended; nothing it could read is lost.
        }

        boolean ended;
        try {
            ended = process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        if (!ended) {
            killTree(process);
            stdout.awaitEnd(DRAIN_GRACE);
            stderr.awaitEnd(DRAIN_GRACE);
            throw new ProcessTimeoutException(spec.command(), spec.timeout(), stdout.tail(), stderr.tail());
        }
        try {
            stdout.awaitEnd(DRAIN_GRACE);
            stderr.awaitEnd(DRAIN_GRACE);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        stdout.rethrowConsumerFailure();
        stderr.rethrowConsumerFailure();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new ProcessResult(spec.command(), process.exitValue(), stdout.tail(), stderr.tail(), elapsed);
    }

    /**
     * Kills the process and every descendant. The descendants are listed first: once the
     * parent is gone, the operating system re-parents them and they are no longer its
     * descendants. The parent goes first so that it cannot start new children meanwhile.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        for (ProcessHandle descendant : descendants) {
            descendant.destroyForcibly();
        }
        boolean interrupted = Thread.interrupted();
        try {
            process.onExit().get(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Best effort: a process that survives SIGKILL is beyond our reach.
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
