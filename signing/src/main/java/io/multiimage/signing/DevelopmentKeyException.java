package io.multiimage.signing;

/** A development key asked to sign a release build. */
public class DevelopmentKeyException extends SigningException {

    private static final long serialVersionUID = 1L;

    /** The refusal described by {@code message}. */
    public DevelopmentKeyException(String message) {
        super(message);
    }
}
