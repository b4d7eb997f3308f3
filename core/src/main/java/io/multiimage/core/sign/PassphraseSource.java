package io.multiimage.core.sign;

import io.multiimage.core.InvalidConfigurationException;

/**
 * Where the signing key's passphrase comes from (a settings.xml {@code <server>}, an environment
 * variable), asked only when an encrypted key is read. The caller clears the array it gets.
 */
@FunctionalInterface
public interface PassphraseSource {

    /** No passphrase: the key file is not encrypted. */
    PassphraseSource NONE = () -> null;

    /**
     * A fresh copy of the passphrase, or null when none is configured.
     *
     * @throws InvalidConfigurationException the configured source has no passphrase (a missing
     *     server or variable), named in the message; never the passphrase itself
     */
    char[] passphrase() throws InvalidConfigurationException;
}
