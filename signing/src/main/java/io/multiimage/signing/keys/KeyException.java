package io.multiimage.signing.keys;

import io.multiimage.signing.SigningException;

/**
 * A key file that cannot be used: not a key, an unsupported algorithm, curve or size, an
 * encrypted key without or with the wrong passphrase. The message names the file and what was
 * expected; it never holds key bytes or the passphrase, and neither does any cause attached.
 */
public class KeyException extends SigningException {

    private static final long serialVersionUID = 1L;

    /** A key problem described by {@code message}. */
    public KeyException(String message) {
        super(message);
    }
}
