package io.multiimage.core.spi;

import io.multiimage.core.EnvironmentException;
import java.time.Duration;
import java.util.List;

/**
 * A process did not end within its timeout ("... timed out after 600 s"); it and its
 * descendants were killed.
 */
public class ProcessTimeoutException extends EnvironmentException {

    private static final long serialVersionUID = 1L;

    private final List<String> command;
    private final Duration timeout;
    private final List<String> stdoutTail;
    private final List<String> stderrTail;

    /** {@code command} was killed after {@code timeout}; the tails hold its last output lines. */
    public ProcessTimeoutException(
            List<String> command, Duration timeout, List<String> stdoutTail, List<String> stderrTail) {
        super(ProcessSpec.commandLine(command) + " timed out after " + ProcessMessages.seconds(timeout)
                + " and was killed" + ProcessMessages.tail(stderrTail.isEmpty() ? stdoutTail : stderrTail));
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.stdoutTail = List.copyOf(stdoutTail);
        this.stderrTail = List.copyOf(stderrTail);
    }

    /** The program and arguments that were killed. */
    public List<String> command() {
        return command;
    }

    /** The limit that was exceeded. */
    public Duration timeout() {
        return timeout;
    }

    /** The last standard-output lines before the process was killed. */
    public List<String> stdoutTail() {
        return stdoutTail;
    }

    /** The last standard-error lines before the process was killed. */
    public List<String> stderrTail() {
        return stderrTail;
    }
}
