package io.multiimage.signing;

import io.multiimage.signing.keys.KeyException;
import io.multiimage.signing.keys.PemKeys;
import io.multiimage.signing.keys.SigningKey;
import io.multiimage.signing.keys.VerificationKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The imgtool 2.4.0 reference data in {@code src/test/resources/mcuboot-imgtool} (a copy of the
 * shared vectors; its README says what each file is) and the test keys beside it.
 */
final class Vectors {

    private Vectors() {}

    static Path dir() {
        try {
            return Path.of(Vectors.class.getResource("/mcuboot-imgtool/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path testKeysDir() {
        return dir().resolveSibling("test-keys");
    }

    static Path path(String relative) {
        return dir().resolve(relative);
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] appBin() {
        return bytes("input/app.bin");
    }

    static SigningKey key(String fileName) {
        try {
            return PemKeys.readPrivateKey(path("keys/" + fileName), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static VerificationKey publicKey(String type) {
        try {
            return PemKeys.readPublicKey(path("keys/" + type + ".pub.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The options every vector shares: {@code --header-size 0x200 --pad-header --align 4 --version 1.2.3+4 --slot-size 0x2c000}. */
    static SignOptions.Builder common() {
        return SignOptions.builder().headerSize(0x200).padHeader(true).align(4)
                .version(new ImageVersion(1, 2, 3, 4)).slotSize(0x2c000);
    }

    static SignOptions build(SignOptions.Builder builder) {
        try {
            return builder.build();
        } catch (SigningException e) {
            throw new IllegalStateException(e);
        }
    }
}
