package io.multiimage.core.spi;

import io.multiimage.core.EnvironmentException;
import java.util.List;

/** A process ran to its end but exited with a non-zero code ("... exited 2"). */
public class ProcessFailedException extends EnvironmentException {

    private static final long serialVersionUID = 1L;

    private final List<String> command;
    private final int exitCode;
    private final List<String> outputTail;

    /** A failure of {@code command} with {@code exitCode}; {@code outputTail} ends the message. */
    public ProcessFailedException(List<String> command, int exitCode, List<String> outputTail) {
        super(ProcessSpec.commandLine(command) + " exited " + exitCode + ProcessMessages.tail(outputTail));
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.outputTail = List.copyOf(outputTail);
    }

    /** The program and arguments that failed. */
    public List<String> command() {
        return command;
    }

    /** The non-zero exit code. */
    public int exitCode() {
        return exitCode;
    }

    /** The last output lines shown in the message. */
    public List<String> outputTail() {
        return outputTail;
    }
}
