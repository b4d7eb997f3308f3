package io.multiimage.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * How a process ended: its exit code and the last lines of its output (all lines went to the
 * spec's consumers while it ran).
 *
 * @param command the program and arguments that ran
 * @param exitCode the exit code; by convention 0 means success
 * @param stdoutTail the last standard-output lines, oldest first
 * @param stderrTail the last standard-error lines, oldest first
 * @param elapsed how long the process ran
 */
public record ProcessResult(
        List<String> command, int exitCode, List<String> stdoutTail, List<String> stderrTail, Duration elapsed) {

    /** Takes immutable copies. */
    public ProcessResult {
        command = List.copyOf(command);
        stdoutTail = List.copyOf(stdoutTail);
        stderrTail = List.copyOf(stderrTail);
    }

    /** True when the exit code is 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The command as a user can paste it into a shell. */
    public String commandLine() {
        return ProcessSpec.commandLine(command);
    }

    /**
     * Returns this result when the process exited 0, else throws a {@link ProcessFailedException}
     * naming the command, the exit code and the last lines of standard error (or of standard
     * output when standard error was empty).
     */
    public ProcessResult requireSuccess() throws ProcessFailedException {
        if (exitCode != 0) {
            throw new ProcessFailedException(command, exitCode, stderrTail.isEmpty() ? stdoutTail : stderrTail);
        }
        return this;
    }
}
