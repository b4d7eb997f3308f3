package io.multiimage.core.spi;

import io.multiimage.core.EnvironmentException;
import java.io.IOException;
import java.util.List;

/** A program could not be started at all: it does not exist, is not executable, or fork failed. */
public class ProcessStartException extends EnvironmentException {

    private static final long serialVersionUID = 1L;

    private final List<String> command;

    /** {@code command} could not be started; {@code cause} says why. */
    public ProcessStartException(List<String> command, IOException cause) {
        super("cannot run " + ProcessSpec.commandLine(command) + ": " + cause.getMessage(), cause);
        this.command = List.copyOf(command);
    }

    /** The program and arguments that could not be started. */
    public List<String> command() {
        return command;
    }
}
