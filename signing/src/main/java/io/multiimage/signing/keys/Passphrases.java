package io.multiimage.signing.keys;

import java.util.Map;

/**
 * Where CI keeps key passphrases besides Maven's {@code settings.xml} (which the plugin reads):
 * an environment variable. The value is handed over as a {@code char[]} the caller can clear;
 * messages name the variable, never its value.
 */
public final class Passphrases {

    private Passphrases() {}

    /**
     * The passphrase in environment variable {@code variable}.
     *
     * @param environment the environment to read ({@code System.getenv()} in production)
     * @throws KeyException the variable is not set or empty
     */
    public static char[] fromEnvironment(String variable, Map<String, String> environment) throws KeyException {
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new KeyException("the environment variable " + variable + " that should hold the signing key's"
                    + " passphrase is " + (value == null ? "not set" : "empty"));
        }
        return value.toCharArray();
    }
}
