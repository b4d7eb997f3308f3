package io.multiimage.core.kconfig.engine;

/**
 * The Kconfig tree (or a fragment file) cannot be used: a syntax error, a missing
 * {@code source} file, a dependency loop, an unreadable file. The message is the user-facing
 * text, in the reference's words, usually starting with {@code FILE:LINE:}.
 */
public final class KconfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An error with its complete message. */
    public KconfigException(String message) {
        super(message);
    }
}
