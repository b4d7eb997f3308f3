package io.multiimage.signing;

/**
 * A signing, verification or key problem the user can act on: the message says what is wrong
 * and where (file, field, offset), never any key material or passphrase.
 */
public class SigningException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public SigningException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
