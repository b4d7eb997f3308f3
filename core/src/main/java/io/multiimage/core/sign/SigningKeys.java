package io.multiimage.core.sign;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.signing.KeyPolicy;
import io.multiimage.signing.SigningException;
import io.multiimage.signing.keys.PemKeys;
import io.multiimage.signing.keys.SigningKey;
import io.multiimage.signing.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The keys of one build, read once: the private key (signing mode) and the public key images are
 * verified against. The development-key rule is checked here, before anything is signed. No
 * message names more than the key's file and the public key's hash.
 */
public final class SigningKeys {

    private final Optional<SigningKey> signingKey;
    private final Optional<VerificationKey> publicKey;

    private SigningKeys(Optional<SigningKey> signingKey, Optional<VerificationKey> publicKey) {
        this.signingKey = signingKey;
        this.publicKey = publicKey;
    }

    /**
     * Reads the keys {@code config} names and checks them against {@code buildType}.
     *
     * @throws InvalidConfigurationException a key file is missing, unreadable, encrypted without a
     *     passphrase, of a type MCUboot does not support, a development key in a release build, a
     *     public key that is not the signing key's, or a release build with no key at all
     */
    public static SigningKeys load(SigningConfig config, String buildType)
            throws InvalidConfigurationException, IOException {
        if (config.hashOnly()) {
            if (KeyPolicy.isRelease(buildType)) {
                throw new InvalidConfigurationException("A '" + buildType.strip() + "' build must be signed, but no"
                        + " signing key is configured: set <signing><keyFile> (or <signLater>true</signLater> with"
                        + " <publicKeyFile>) in the plugin configuration");
            }
            return new SigningKeys(Optional.empty(), Optional.empty());
        }
        Optional<VerificationKey> declaredPublic = Optional.empty();
        if (config.publicKeyFile().isPresent()) {
            declaredPublic = Optional.of(readPublic(config.publicKeyFile().get()));
        }
        if (config.keyFile().isPresent() && !config.signLater()) {
            SigningKey key = readPrivate(config);
            if (declaredPublic.isPresent() && !declaredPublic.get().equals(key.publicKey())) {
                throw new InvalidConfigurationException("<signing><publicKeyFile> "
                        + config.publicKeyFile().get()
                        + " holds " + declaredPublic.get() + ", which is not the public half of the signing key "
                        + config.keyLabel() + " (" + key.publicKey() + ")");
            }
            checkPolicy(config, key.publicKey(), buildType);
            return new SigningKeys(Optional.of(key), Optional.of(key.publicKey()));
        }
        // Sign later (a key file, if configured, is not read): the public key says which signature to
        // ask for, and checks what comes back.
        if (declaredPublic.isEmpty()) {
            throw new InvalidConfigurationException("<signing><signLater> needs <publicKeyFile>: the public key of"
                    + " the external signer, which says what to sign and checks the signatures it returns");
        }
        checkPolicy(config, declaredPublic.get(), buildType);
        return new SigningKeys(Optional.empty(), declaredPublic);
    }

    /**
     * The public key of a verification that signs nothing ({@code firmware:verify}): {@code file}, or
     * the public half of an unencrypted private key file.
     */
    public static VerificationKey readPublic(Path file) throws InvalidConfigurationException, IOException {
        requireFile(file, "public key");
        try {
            return PemKeys.readPublicKey(file);
        } catch (SigningException e) {
            throw new InvalidConfigurationException("Public key " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key a verification without signing checks against: {@code <publicKeyFile>}, else the
     * public half of {@code <keyFile>} (its passphrase read if it is encrypted); empty when neither
     * is configured (then only structure and hashes are checked).
     */
    public static Optional<VerificationKey> publicKeyOf(SigningConfig config)
            throws InvalidConfigurationException, IOException {
        if (config.publicKeyFile().isPresent()) {
            return Optional.of(readPublic(config.publicKeyFile().get()));
        }
        if (config.keyFile().isPresent()) {
            return Optional.of(readPrivate(config).publicKey());
        }
        return Optional.empty();
    }

    private static SigningKey readPrivate(SigningConfig config) throws InvalidConfigurationException, IOException {
        Path file = config.keyFile().orElseThrow();
        requireFile(file, "signing key (" + config.keyLabel() + ")");
        char[] passphrase = config.passphrase().passphrase();
        try {
            return PemKeys.readPrivateKey(file, passphrase);
        } catch (SigningException e) {
            throw new InvalidConfigurationException("Signing key " + config.keyLabel() + ": " + e.getMessage(), e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private static void checkPolicy(SigningConfig config, VerificationKey key, String buildType)
            throws InvalidConfigurationException {
        try {
            KeyPolicy.of(config.keyLabel(), key, config.developmentKey()).checkBuildType(buildType);
        } catch (SigningException e) {
            throw new InvalidConfigurationException("Signing: " + e.getMessage(), e);
        }
    }

    private static void requireFile(Path file, String what) throws InvalidConfigurationException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException("The " + what + " file " + file + " does not exist");
        }
    }

    /** The private key, in the signing mode. */
    public Optional<SigningKey> signingKey() {
        return signingKey;
    }

    /** The key signatures are checked against; empty when images carry their hash only. */
    public Optional<VerificationKey> publicKey() {
        return publicKey;
    }
}
