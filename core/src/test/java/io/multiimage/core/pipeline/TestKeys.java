package io.multiimage.core.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Signing keys made for one test, never committed. */
final class TestKeys {

    private TestKeys() {}

    /** A fresh Ed25519 private key written to {@code file} as unencrypted PKCS#8 PEM. */
    static Path ed25519(Path file) throws Exception {
        byte[] der = generator().generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem);
        return file;
    }

    private static KeyPairGenerator generator() throws NoSuchAlgorithmException {
        return KeyPairGenerator.getInstance("Ed25519");
    }
}
