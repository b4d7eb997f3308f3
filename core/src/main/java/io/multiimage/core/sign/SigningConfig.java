package io.multiimage.core.sign;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the images of a tree that sit in an MCUboot-format slot are signed, as plain values (the
 * plugin fills it from {@code <signing>}). Which images that is comes from the layout, never from
 * here: see {@link SigningSlots}.
 *
 * <p>Modes, by what is given: {@link #signLater() sign-later} (which wins over a key file)
 * without signatures writes what an external signer must sign (and signs the merged images with
 * their hash only); sign-later with a {@link #signatureDirectory() signature directory} completes
 * the images with the detached signatures found there and fails if one does not verify against
 * the {@link #publicKeyFile() public key}; else a {@link #keyFile() key file} signs; nothing at all
 * signs with the hash only, with a warning (and a {@code release} build fails).
 *
 * @param keyFile the private key (PEM), for the signing mode
 * @param keyLabel how the key is named in messages: the POM element and file, never its content
 * @param passphrase where the key's passphrase comes from, if it is encrypted
 * @param publicKeyFile the public key images are verified against; default: the key file's public half
 * @param developmentKey the key is declared a development key: it cannot sign a {@code release} build
 * @param version the image version in imgtool's syntax; empty: derived from {@link #projectVersion()}
 * @param projectVersion the POM version, mapped to an image version when {@link #version()} is empty
 * @param signLater write the bytes to sign instead of signing (HSM, signing service)
 * @param signatureDirectory where sign-later's detached signatures are ({@code <image>.sig})
 * @param align the flash write alignment; empty: the board's {@code write-block-size}
 * @param outputTimestamp seconds since 1970 written into {@code dfu_application.zip} (its manifest and entries)
 */
public record SigningConfig(
        Optional<Path> keyFile,
        String keyLabel,
        PassphraseSource passphrase,
        Optional<Path> publicKeyFile,
        boolean developmentKey,
        Optional<String> version,
        String projectVersion,
        boolean signLater,
        Optional<Path> signatureDirectory,
        OptionalInt align,
        long outputTimestamp) {

    /** The zip timestamp when the project sets none: 1980-01-01, the earliest a zip entry can hold. */
    public static final long DEFAULT_TIMESTAMP = 315_532_800L;

    /** Checks the parts. */
    public SigningConfig {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(keyLabel, "keyLabel");
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(publicKeyFile, "publicKeyFile");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(projectVersion, "projectVersion");
        Objects.requireNonNull(signatureDirectory, "signatureDirectory");
        Objects.requireNonNull(align, "align");
    }

    /** No key: images in MCUboot slots carry their hash only; version 0.0.0+0. */
    public static SigningConfig none() {
        return new SigningConfig(
                Optional.empty(),
                "",
                PassphraseSource.NONE,
                Optional.empty(),
                false,
                Optional.empty(),
                "0.0.0",
                false,
                Optional.empty(),
                OptionalInt.empty(),
                DEFAULT_TIMESTAMP);
    }

    /** True when neither a key nor sign-later is configured. */
    public boolean hashOnly() {
        return keyFile.isEmpty() && !signLater;
    }

    /** True when sign-later signatures are given: the images are completed with them. */
    public boolean completesSignatures() {
        return signLater && signatureDirectory.isPresent();
    }
}
