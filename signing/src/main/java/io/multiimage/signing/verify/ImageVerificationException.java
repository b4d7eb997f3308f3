package io.multiimage.signing.verify;

import io.multiimage.signing.SigningException;

/** An image that failed verification; the message lists every failed check. */
public class ImageVerificationException extends SigningException {

    private static final long serialVersionUID = 1L;

    private final transient VerificationResult result;

    /** The failure of {@code result}. */
    public ImageVerificationException(VerificationResult result) {
        super(result.failureMessage());
        this.result = result;
    }

    /** The whole result. */
    public VerificationResult result() {
        return result;
    }
}
