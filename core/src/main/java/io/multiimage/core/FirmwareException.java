package io.multiimage.core;

/**
 * Base of every checked exception the core throws. The message is written for the user:
 * which image, which file and line, what was expected, what to do.
 */
public class FirmwareException extends Exception {

    private static final long serialVersionUID = 1L;

    public FirmwareException(String message) {
        super(message);
    }

    public FirmwareException(String message, Throwable cause) {
        super(message, cause);
    }
}
