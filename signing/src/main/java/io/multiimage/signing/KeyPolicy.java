package io.multiimage.signing;

import io.multiimage.signing.keys.VerificationKey;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a key may sign a build: a key declared as a development key — or one of the sample
 * keys published in MCUboot's repository, which anybody can sign with — cannot sign a build of
 * the {@value #RELEASE} build type. How a user declares a development key is the caller's choice
 * (a POM flag, a naming rule); this class holds the rule and its message.
 *
 * <pre>{@code
 * KeyPolicy.of("keys/dev.pem", key.publicKey(), declaredDevelopment).checkBuildType(buildType);
 * }</pre>
 *
 * @param keyName     how the key is named in messages (its file, or its alias in the signing service)
 * @param development true for a development key
 * @param reason      why it counts as a development key (declared, or which MCUboot sample key)
 */
public record KeyPolicy(String keyName, boolean development, String reason) {

    /** The build type a development key cannot sign. */
    public static final String RELEASE = "release";

    /**
     * SHA-256 of the public keys of MCUboot's sample signing keys ({@code root-*.pem} in
     * mcu-tools/mcuboot; the nRF Connect SDK signs with {@code root-ec-p256.pem} when no key is
     * configured), as their KEYHASH.
     */
    private static final Map<String, String> MCUBOOT_SAMPLE_KEYS = Map.of(
            "e30466f6b8470c1f29070b17f1e2d3e94d445e3f608087fdc711e4382bb538b6", "root-ec-p256.pem",
            "c1907fa4eac7fae3840a78902b6f0710b037e9968e5c6274a12a28790c7d4e3c", "root-ed25519.pem",
            "6754edab1e29affef4a05935adecbeb1a7b8b62397b31e39a61b5bfcaafd63af", "root-ed25519-2.pem",
            "fc5701dc6135e1323847bdc40f04d2e5bee5833b23c29f93593d00018cfa9994", "root-rsa-2048.pem",
            "449793fb65cd7698753d5b3f35fab15f1e3a45111ff24e1d46741de5ae12d59e", "root-rsa-3072.pem");

    /** Checks the name is present. */
    public KeyPolicy {
        Objects.requireNonNull(keyName, "keyName");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The policy of {@code key}: development when {@code declaredDevelopment}, or when it is one
     * of MCUboot's published sample keys whatever was declared.
     */
    public static KeyPolicy of(String keyName, VerificationKey key, boolean declaredDevelopment) {
        String sample = MCUBOOT_SAMPLE_KEYS.get(key.keyHashHex());
        if (sample != null) {
            return new KeyPolicy(
                    keyName,
                    true,
                    "it is MCUboot's published sample key " + sample + ", whose private half anybody can download");
        }
        return declaredDevelopment
                ? new KeyPolicy(keyName, true, "it is declared as a development key")
                : new KeyPolicy(keyName, false, "it is not declared as a development key");
    }

    /** Whether {@code buildType} is the release build type (case and surrounding blanks ignored). */
    public static boolean isRelease(String buildType) {
        return buildType != null && buildType.strip().toLowerCase(Locale.ROOT).equals(RELEASE);
    }

    /**
     * Refuses a development key for a release build.
     *
     * @param buildType the build's type ({@code firmware.buildType}), or null/empty for none
     * @throws DevelopmentKeyException a development key and a release build
     */
    public void checkBuildType(String buildType) throws DevelopmentKeyException {
        if (development && isRelease(buildType)) {
            throw new DevelopmentKeyException("the key '" + keyName + "' cannot sign a '" + buildType.strip()
                    + "' build: " + reason + ". Sign release builds with a production key (a passphrase-protected key"
                    + " from the CI's secrets, or an HSM or signing service through sign-later); keep the development"
                    + " key for the other build types");
        }
    }
}
