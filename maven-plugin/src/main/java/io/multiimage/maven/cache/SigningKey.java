package io.multiimage.maven.cache;

import io.multiimage.core.pipeline.ImageInputs;
import io.multiimage.core.pipeline.TreeInputs;
import io.multiimage.core.sign.SigningConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What signing adds to a module's key, or why the module stays out of the cache. A module signs
 * when an image it builds sits in an MCUboot-format slot. An image signed with a release key (a
 * key not declared a development key, or signatures made elsewhere for sign-later) is never taken
 * from a cache: the module builds and signs on the agent that holds the key, and the signed files
 * are never saved for another agent to take. Hash-only, development-key and sign-later images
 * (the bytes to sign) are cached, keyed by everything that decides their bytes: the key file's
 * sha256 (never its content), the public key's, the image version, the alignment, the timestamp.
 */
final class SigningKey {

    /** The signing part of a key: lines to add, or why the module is not cached. */
    sealed interface Part {
        /** The key gets {@code lines}. */
        record Lines(List<String> lines) implements Part {}

        /** The module is built, never taken from the cache. */
        record Release(String reason) implements Part {}
    }

    private SigningKey() {}

    /**
     * The signing part of the key of a module that builds {@code inputs}.
     *
     * @param moduleDir where relative key paths are resolved (the module's directory)
     */
    static Part of(TreeInputs inputs, SigningConfig config, Path moduleDir) throws IOException {
        List<String> signed = inputs.images().values().stream()
                .filter(image -> image.signingSlot().isPresent())
                .map(ImageInputs::name)
                .toList();
        if (signed.isEmpty()) {
            return new Part.Lines(List.of());
        }
        String images = String.join(", ", signed);
        if (config.completesSignatures()) {
            return new Part.Release("it completes " + images + " with signatures made outside the build"
                    + " (sign-later with a signature directory): release signatures are never taken from a cache");
        }
        if (!config.signLater() && config.keyFile().isPresent() && !config.developmentKey()) {
            return new Part.Release("it signs " + images + " with " + config.keyLabel() + ", which is not declared a"
                    + " development key: images signed with a release key are never taken from a cache");
        }
        List<String> lines = new ArrayList<>();
        String mode;
        if (config.signLater()) {
            mode = "sign-later (the bytes to sign)";
        } else if (config.keyFile().isPresent()) {
            mode = "development key sha256 "
                    + sha256(moduleDir.resolve(config.keyFile().get()));
        } else {
            mode = "hash only";
        }
        lines.add("signing " + images + ": " + mode);
        Optional<Path> publicKey = config.publicKeyFile();
        if (publicKey.isPresent()) {
            lines.add("signing public key sha256 " + sha256(moduleDir.resolve(publicKey.get())));
        }
        lines.add("signing version "
                + config.version().map(v -> v + " (set)").orElse(config.projectVersion() + " (project version)"));
        config.align().ifPresent(align -> lines.add("signing align " + align));
        lines.add("signing timestamp " + config.outputTimestamp());
        return new Part.Lines(List.copyOf(lines));
    }

    /** The sha256 of {@code file}, or {@code absent} (the build itself reports a missing key). */
    static String sha256(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "absent";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
