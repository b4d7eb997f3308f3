package io.multiimage.core;

/**
 * The machine or a tool failed, not the user's configuration: a tool is missing, crashed or
 * timed out, a file could not be written. Whoever runs the build must fix the environment; the
 * Maven plugin reports it as an execution error.
 */
public class EnvironmentException extends FirmwareException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public EnvironmentException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
