package io.multiimage.core;

/**
 * The user's input is wrong and the user must act: a malformed fragment, a missing file, an
 * unknown board, a layout that does not fit. The Maven plugin reports it as a build failure
 * without a stack trace.
 */
public class InvalidConfigurationException extends FirmwareException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
