package io.multiimage.signing;

import io.multiimage.signing.keys.KeyException;
import io.multiimage.signing.keys.PemKeys;
import io.multiimage.signing.keys.SigningKey;
import io.multiimage.signing.keys.VerificationKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The imgtool 2.4.0 reference data in {@code src/test/resources/mcuboot-imgtool} (a copy of the
 * shared vectors; its README says what each file is) and the test keys in
 * {@code src/test/resources/test-keys} (its README gives the openssl commands).
 */
public final class TestData {

    /** The passphrase of every encrypted test key. */
    public static final String PASSPHRASE = "correct horse battery staple";

    private TestData() {}

    /** The vectors folder. */
    public static Path dir() {
        try {
            return Path.of(TestData.class
                            .getResource("/mcuboot-imgtool/README.md")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test key file. */
    public static Path testKey(String fileName) {
        return dir().resolveSibling("test-keys").resolve(fileName);
    }

    /** A vectors file. */
    public static Path path(String relative) {
        return dir().resolve(relative);
    }

    /** A vectors file's bytes. */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vectors file's text. */
    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    /** The 4100-byte input image. */
    public static byte[] appBin() {
        return bytes("input/app.bin");
    }

    /** A vectors private key, e.g. {@code ed25519.pem}. */
    public static SigningKey key(String fileName) {
        return privateKey(path("keys/" + fileName), null);
    }

    /** A test private key; encrypted ones with {@link #PASSPHRASE}. */
    public static SigningKey testPrivateKey(String fileName) {
        return privateKey(testKey(fileName), PASSPHRASE.toCharArray());
    }

    private static SigningKey privateKey(Path file, char[] passphrase) {
        try {
            return PemKeys.readPrivateKey(file, passphrase);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A vectors public key by type: {@code ed25519}, {@code ecdsa-p256}, {@code rsa-2048}. */
    public static VerificationKey publicKey(String type) {
        return publicKeyFile(path("keys/" + type + ".pub.pem"));
    }

    /** A test public key file. */
    public static VerificationKey testPublicKey(String fileName) {
        return publicKeyFile(testKey(fileName));
    }

    private static VerificationKey publicKeyFile(Path file) {
        try {
            return PemKeys.readPublicKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The options every vector shares: {@code --header-size 0x200 --pad-header --align 4 --version 1.2.3+4 --slot-size 0x2c000}. */
    public static SignOptions.Builder common() {
        return SignOptions.builder()
                .headerSize(0x200)
                .padHeader(true)
                .align(4)
                .version(new ImageVersion(1, 2, 3, 4))
                .slotSize(0x2c000);
    }

    /** Builds options that are known to be valid. */
    public static SignOptions build(SignOptions.Builder builder) {
        try {
            return builder.build();
        } catch (SigningException e) {
            throw new IllegalStateException(e);
        }
    }
}
