package io.multiimage.signing;

/** A version text that is not, or does not map to, an MCUboot image version. */
public class InvalidVersionException extends SigningException {

    private static final long serialVersionUID = 1L;

    /** A version problem described by {@code message}. */
    public InvalidVersionException(String message) {
        super(message);
    }
}
