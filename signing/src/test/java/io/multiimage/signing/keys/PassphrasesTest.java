package io.multiimage.signing.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.signing.TestData;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassphrasesTest {

    @Test
    void readsTheVariableAndDecryptsWithIt() throws Exception {
        char[] passphrase = Passphrases.fromEnvironment("FW_KEY_PASS", Map.of("FW_KEY_PASS", TestData.PASSPHRASE));
        assertArrayEquals(TestData.PASSPHRASE.toCharArray(), passphrase);
        assertEquals(
                TestData.text("keys/ed25519.pubhash.hex").strip(),
                PemKeys.readPrivateKey(TestData.testKey("ed25519.pkcs8-aes256.pem"), passphrase)
                        .publicKey()
                        .keyHashHex());
    }

    @Test
    void aMissingOrEmptyVariableIsNamed() {
        assertEquals(
                "the environment variable FW_KEY_PASS that should hold the signing key's passphrase is not set",
                assertThrows(KeyException.class, () -> Passphrases.fromEnvironment("FW_KEY_PASS", Map.of()))
                        .getMessage());
        assertEquals(
                "the environment variable FW_KEY_PASS that should hold the signing key's passphrase is empty",
                assertThrows(
                                KeyException.class,
                                () -> Passphrases.fromEnvironment("FW_KEY_PASS", Map.of("FW_KEY_PASS", "")))
                        .getMessage());
    }
}
