package io.multiimage.signing.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.signing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PemKeysTest {

    private static final char[] PASSPHRASE = TestData.PASSPHRASE.toCharArray();

    private static String pubhash(String type) {
        return TestData.text("keys/" + type + ".pubhash.hex").strip();
    }

    private static String testPubhash(String name) {
        try {
            return Files.readString(TestData.testKey(name + ".pubhash.hex")).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ed25519.pem, ed25519, ED25519",
        "ecdsa-p256.pem, ecdsa-p256, ECDSA_P256",
        "ecdsa-p256.sec1.pem, ecdsa-p256, ECDSA_P256",
        "rsa-2048.pem, rsa-2048, RSA_2048",
        "rsa-2048.pkcs1.pem, rsa-2048, RSA_2048",
    })
    void privateKeysGiveImgtoolsKeyHash(String file, String type, KeyType keyType) throws Exception {
        SigningKey key = PemKeys.readPrivateKey(TestData.path("keys/" + file), null);
        assertEquals(keyType, key.type());
        assertEquals(pubhash(type), key.publicKey().keyHashHex());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed25519", "ecdsa-p256", "rsa-2048"})
    void publicKeysGiveImgtoolsKeyHash(String type) throws Exception {
        VerificationKey key = PemKeys.readPublicKey(TestData.path("keys/" + type + ".pub.pem"));
        assertEquals(pubhash(type), key.keyHashHex());
        assertEquals(
                PemKeys.readPrivateKey(TestData.path("keys/" + type + ".pem"), null)
                        .publicKey(),
                key);
    }

    @Test
    void rsaPkcs1PublicKeyIsRead() throws Exception {
        assertEquals(
                pubhash("rsa-2048"),
                PemKeys.readPublicKey(TestData.testKey("rsa-2048.pkcs1.pub.pem"))
                        .keyHashHex());
    }

    @Test
    void publicKeyOfAnUnencryptedPrivateKeyFile() throws Exception {
        assertEquals(
                pubhash("ecdsa-p256"),
                PemKeys.readPublicKey(TestData.path("keys/ecdsa-p256.sec1.pem")).keyHashHex());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ed25519.pkcs8-aes256.pem, ed25519",
        "ecdsa-p256.pkcs8-aes128-sha1.pem, ecdsa-p256",
        "ecdsa-p256.pkcs8-aes192-sha512.pem, ecdsa-p256",
        "ecdsa-p256.sec1-aes128.pem, ecdsa-p256",
        "ecdsa-p256.sec1-aes192.pem, ecdsa-p256",
        "ecdsa-p256.sec1-aes256.pem, ecdsa-p256",
        "ecdsa-p256.sec1-des3.pem, ecdsa-p256",
        "rsa-2048.pkcs8-des3.pem, rsa-2048",
        "rsa-2048.pkcs1-aes128.pem, rsa-2048",
    })
    void encryptedKeysDecryptToTheSameKey(String file, String type) throws Exception {
        SigningKey key = PemKeys.readPrivateKey(TestData.testKey(file), PASSPHRASE);
        assertEquals(pubhash(type), key.publicKey().keyHashHex());
        byte[] payload = {1, 2, 3};
        byte[] digest = VerificationKey.sha256(payload);
        assertTrue(key.publicKey().verify(payload, digest, key.sign(payload, digest)), "the decrypted key signs");
    }

    @Test
    void rsa3072KeysAreSupported() throws Exception {
        SigningKey key = PemKeys.readPrivateKey(TestData.testKey("rsa-3072.pkcs8-aes256.pem"), PASSPHRASE);
        assertEquals(KeyType.RSA_3072, key.type());
        assertEquals(testPubhash("rsa-3072"), key.publicKey().keyHashHex());
        assertEquals(key.publicKey(), PemKeys.readPublicKey(TestData.testKey("rsa-3072.pub.pem")));
        assertEquals(0x23, key.type().signatureTlv());
    }

    @Test
    void ecKeyWithoutItsPublicPointGetsItDerived() throws Exception {
        SigningKey key = PemKeys.readPrivateKey(TestData.testKey("ecdsa-p256.sec1-nopublic.pem"), null);
        assertEquals(pubhash("ecdsa-p256"), key.publicKey().keyHashHex());
    }

    @Test
    void ecparamOutputWithItsParametersBlockIsRead() throws Exception {
        SigningKey key = PemKeys.readPrivateKey(TestData.testKey("ecdsa-p256-ecparam.pem"), null);
        assertEquals(testPubhash("ecdsa-p256-ecparam"), key.publicKey().keyHashHex());
    }

    @Test
    void ed25519PublicKeyIsDerivedFromTheSeed() throws Exception {
        SigningKey key = PemKeys.readPrivateKey(TestData.testKey("ed25519-other.pem"), null);
        assertEquals(testPubhash("ed25519-other"), key.publicKey().keyHashHex());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ed25519.pkcs8-aes256.pem",
                "ecdsa-p256.pkcs8-aes128-sha1.pem",
                "rsa-2048.pkcs8-des3.pem",
                "ecdsa-p256.sec1-aes256.pem",
                "ecdsa-p256.sec1-des3.pem",
                "rsa-2048.pkcs1-aes128.pem"
            })
    void wrongPassphraseIsNamed(String file) {
        KeyException e = assertThrows(
                KeyException.class,
                () -> PemKeys.readPrivateKey(TestData.testKey(file), "correct horse battery stapler".toCharArray()));
        assertEquals(
                TestData.testKey(file) + ": wrong passphrase (the key did not decrypt), or the key file is damaged",
                e.getMessage());
        assertNull(e.getCause(), "no cause that could carry decrypted bytes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ed25519.pkcs8-aes256.pem", "ecdsa-p256.sec1-aes256.pem"})
    void encryptedKeyWithoutPassphraseSaysSo(String file) {
        KeyException e = assertThrows(KeyException.class, () -> PemKeys.readPrivateKey(TestData.testKey(file), null));
        assertEquals(
                TestData.testKey(file) + ": the key is encrypted; give its passphrase (for example from a"
                        + " settings.xml <server> or an environment variable)",
                e.getMessage());
    }

    @Test
    void rsa1024IsRefused() {
        KeyException e =
                assertThrows(KeyException.class, () -> PemKeys.readPrivateKey(TestData.testKey("rsa-1024.pem"), null));
        assertEquals(
                TestData.testKey("rsa-1024.pem") + ": the key is RSA-1024; MCUboot supports RSA-2048 and RSA-3072 only",
                e.getMessage());
    }

    @Test
    void p384IsRefusedAsPrivateAndPublicKey() {
        KeyException privateKey = assertThrows(
                KeyException.class, () -> PemKeys.readPrivateKey(TestData.testKey("ecdsa-p384.pem"), null));
        assertTrue(
                privateKey
                        .getMessage()
                        .endsWith(": the EC key is on curve P-384 (secp384r1) (1.3.132.0.34);"
                                + " MCUboot's ECDSA signing key must be on P-256 (prime256v1, secp256r1)"),
                privateKey.getMessage());
        KeyException publicKey =
                assertThrows(KeyException.class, () -> PemKeys.readPublicKey(TestData.testKey("ecdsa-p384.pub.pem")));
        assertTrue(publicKey.getMessage().contains("P-384 (secp384r1)"), publicKey.getMessage());
    }

    @Test
    void x25519IsRefused() {
        KeyException e =
                assertThrows(KeyException.class, () -> PemKeys.readPrivateKey(TestData.testKey("x25519.pem"), null));
        assertTrue(
                e.getMessage()
                        .endsWith(": the key is X25519 (1.3.101.110); MCUboot signing keys are Ed25519,"
                                + " ECDSA P-256, RSA-2048 or RSA-3072"),
                e.getMessage());
    }

    @Test
    void pbes1AndScryptAreRefusedWithTheWayOut() {
        KeyException pbes1 = assertThrows(
                KeyException.class,
                () -> PemKeys.readPrivateKey(TestData.testKey("ed25519.pkcs8-pbes1.pem"), PASSPHRASE));
        assertTrue(
                pbes1.getMessage().contains("PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC")
                        && pbes1.getMessage().contains("only PBES2"),
                pbes1.getMessage());
        KeyException scrypt = assertThrows(
                KeyException.class,
                () -> PemKeys.readPrivateKey(TestData.testKey("ed25519.pkcs8-scrypt.pem"), PASSPHRASE));
        assertTrue(
                scrypt.getMessage().contains("scrypt") && scrypt.getMessage().contains("only PBKDF2"),
                scrypt.getMessage());
    }

    @Test
    void aFileWithoutAKeySaysWhatItHolds() {
        String text = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        KeyException e = assertThrows(KeyException.class, () -> PemKeys.readPrivateKey(text, "ci/key.pem", null));
        assertEquals(
                "ci/key.pem: no private key found; expected a PEM block -----BEGIN PRIVATE KEY-----,"
                        + " -----BEGIN ENCRYPTED PRIVATE KEY-----, -----BEGIN EC PRIVATE KEY----- or"
                        + " -----BEGIN RSA PRIVATE KEY----- (the file holds: 'CERTIFICATE' at line 1)",
                e.getMessage());
        KeyException empty =
                assertThrows(KeyException.class, () -> PemKeys.readPrivateKey("hello", "ci/key.pem", null));
        assertTrue(empty.getMessage().endsWith("(the file holds no PEM block at all)"), empty.getMessage());
    }

    @Test
    void brokenPemNamesTheLine() {
        KeyException base64 = assertThrows(
                KeyException.class,
                () -> PemKeys.readPrivateKey(
                        "\n-----BEGIN PRIVATE KEY-----\nMC4CAQAw*BQYDK2VwBCIE\n-----END PRIVATE KEY-----\n",
                        "k.pem",
                        null));
        assertEquals("k.pem:2: the PEM block 'PRIVATE KEY' is not valid base64", base64.getMessage());
        KeyException unterminated = assertThrows(
                KeyException.class,
                () -> PemKeys.readPrivateKey("-----BEGIN PRIVATE KEY-----\nMC4CAQAw\n", "k.pem", null));
        assertEquals("k.pem:1: the PEM block 'PRIVATE KEY' has no END line", unterminated.getMessage());
    }

    @Test
    void damagedDerIsNotAKey() {
        KeyException e = assertThrows(
                KeyException.class,
                () -> PemKeys.readPrivateKey(
                        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2Vw\n-----END PRIVATE KEY-----\n", "k.pem", null));
        assertTrue(e.getMessage().startsWith("k.pem:1: the 'PRIVATE KEY' block is not a valid key ("), e.getMessage());
    }

    @Test
    void noMessageEverHoldsThePassphraseOrKeyText() throws Exception {
        List<String> messages = new ArrayList<>();
        for (String file : new String[] {
            "ed25519.pkcs8-aes256.pem",
            "ecdsa-p256.sec1-aes256.pem",
            "rsa-2048.pkcs1-aes128.pem",
            "rsa-2048.pkcs8-des3.pem",
            "ed25519.pkcs8-pbes1.pem",
            "ed25519.pkcs8-scrypt.pem",
            "rsa-1024.pem",
            "ecdsa-p384.pem",
            "x25519.pem"
        }) {
            for (char[] passphrase : new char[][] {PASSPHRASE, "Tr0ub4dor&3".toCharArray(), null}) {
                try {
                    PemKeys.readPrivateKey(TestData.testKey(file), passphrase);
                } catch (KeyException e) {
                    messages.add(e.getMessage() + " / " + e);
                }
            }
        }
        assertTrue(messages.size() > 20, "the failure cases failed: " + messages.size());
        List<String> secrets = new ArrayList<>(List.of(TestData.PASSPHRASE, "correct horse", "Tr0ub4dor&3"));
        for (String file : new String[] {"ed25519.pem", "ecdsa-p256.pem", "rsa-2048.pkcs1.pem"}) {
            String pem = Files.readString(TestData.path("keys/" + file), StandardCharsets.US_ASCII);
            for (String line : pem.split("\n")) {
                if (!line.startsWith("-----") && line.length() >= 16) {
                    secrets.add(line.substring(0, 16));
                }
            }
        }
        for (String message : messages) {
            for (String secret : secrets) {
                assertFalse(message.contains(secret), "a message reveals '" + secret + "': " + message);
            }
        }
    }

    @Test
    void toStringShowsOnlyTypeAndPublicKeyHash() throws Exception {
        SigningKey key = PemKeys.readPrivateKey(TestData.path("keys/ed25519.pem"), null);
        assertEquals("Ed25519 signing key (public key SHA-256 " + pubhash("ed25519") + ")", key.toString());
    }

    @Test
    void readsFromAPath(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = dir.resolve("k.pem");
        Files.copy(TestData.testKey("ed25519.pkcs8-aes256.pem"), copy);
        assertEquals(
                pubhash("ed25519"),
                PemKeys.readPrivateKey(copy, PASSPHRASE).publicKey().keyHashHex());
    }
}
