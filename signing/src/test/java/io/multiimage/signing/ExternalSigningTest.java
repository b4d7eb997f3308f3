package io.multiimage.signing;

import static io.multiimage.signing.TestData.appBin;
import static io.multiimage.signing.TestData.build;
import static io.multiimage.signing.TestData.common;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.signing.keys.KeyType;
import io.multiimage.signing.keys.SigningKey;
import io.multiimage.signing.keys.VerificationKey;
import io.multiimage.signing.verify.McubootVerifier;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sign-later: the request, an external signer (played by the JDK), and completing the image. */
class ExternalSigningTest {

    private static final SignOptions OPTIONS = build(common());

    @Test
    void ed25519RequestIsImgtoolsDigestToSign() throws SigningException {
        SigningRequest request = ExternalSigning.prepare(appBin(), OPTIONS, KeyType.ED25519);
        assertArrayEquals(TestData.bytes("signed/ed25519-digest-to-sign.bin"), request.bytesToSign());
        assertArrayEquals(request.digest(), request.bytesToSign());
    }

    @Test
    void ecdsaAndRsaRequestsAreImgtoolsPayload() throws SigningException {
        // imgtool --vector-to-sign payload writes header + image (+ protected TLVs): the signed
        // images' bytes before their TLV area
        byte[] expected = Arrays.copyOf(TestData.bytes("signed/ecdsa-p256.bin"), 0x1204);
        assertArrayEquals(
                expected,
                ExternalSigning.prepare(appBin(), OPTIONS, KeyType.ECDSA_P256).bytesToSign());
        assertArrayEquals(
                expected,
                ExternalSigning.prepare(appBin(), OPTIONS, KeyType.RSA_2048).bytesToSign());
        byte[] withCounter = Arrays.copyOf(TestData.bytes("signed/ed25519-security-counter.bin"), 0x1210);
        assertArrayEquals(
                withCounter,
                ExternalSigning.prepare(
                                appBin(), build(common().securityCounter(SecurityCounter.AUTO)), KeyType.RSA_2048)
                        .payload());
    }

    @Test
    void completingWithAnExternalEd25519SignatureGivesImgtoolsImage() throws SigningException {
        SigningRequest request = ExternalSigning.prepare(appBin(), OPTIONS, KeyType.ED25519);
        SigningKey hsm = TestData.key("ed25519.pem");
        byte[] signature = hsm.sign(request.payload(), request.bytesToSign());
        SignedImage image = ExternalSigning.complete(appBin(), OPTIONS, TestData.publicKey("ed25519"), signature);
        assertArrayEquals(TestData.bytes("signed/ed25519.bin"), image.bytes());
    }

    @Test
    void ecdsaSignatureMayComeAsDerOrRawPairInBase64() throws Exception {
        SigningRequest request = ExternalSigning.prepare(appBin(), OPTIONS, KeyType.ECDSA_P256);
        java.security.Signature hsm = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        hsm.initSign(privateKeyOf("ecdsa-p256.pem"));
        hsm.update(request.bytesToSign());
        byte[] raw = hsm.sign();
        assertEquals(64, raw.length);
        byte[] file = Base64.getEncoder().encode(raw);
        VerificationKey key = TestData.publicKey("ecdsa-p256");
        byte[] value = DetachedSignature.decode(file, KeyType.ECDSA_P256, "app.sig");
        assertEquals(0x30, value[0], "stored as DER");
        SignedImage image = ExternalSigning.complete(appBin(), OPTIONS, key, value);
        assertTrue(McubootVerifier.verify(image.bytes(), key).valid());
        BigInteger r = new BigInteger(1, Arrays.copyOf(raw, 32));
        assertTrue(Arrays.equals(image.signature().orElseThrow(), value) && r.signum() > 0);
        assertArrayEquals(
                image.bytes(),
                ExternalSigning.complete(appBin(), OPTIONS, key, raw).bytes(),
                "a raw pair given directly is encoded the same way");
    }

    @Test
    void rsaSignatureFromASigningServiceCompletesTheImage() throws Exception {
        SigningRequest request = ExternalSigning.prepare(appBin(), OPTIONS, KeyType.RSA_2048);
        byte[] signature = TestData.key("rsa-2048.pem").sign(request.payload(), request.digest());
        byte[] base64File =
                (Base64.getMimeEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] decoded = DetachedSignature.decode(base64File, KeyType.RSA_2048, "app.sig");
        SignedImage image = ExternalSigning.complete(appBin(), OPTIONS, TestData.publicKey("rsa-2048"), decoded);
        assertTrue(McubootVerifier.verify(image.bytes(), TestData.publicKey("rsa-2048"))
                .valid());
        assertArrayEquals(
                decoded, DetachedSignature.decode(signature, KeyType.RSA_2048, "app.sig"), "raw accepted too");
    }

    @Test
    void aSignatureThatDoesNotVerifyGivesNoImage() throws SigningException {
        SigningRequest request = ExternalSigning.prepare(appBin(), OPTIONS, KeyType.ED25519);
        byte[] otherKeys = TestData.testPrivateKey("ed25519-other.pem").sign(request.payload(), request.digest());
        SigningException e = assertThrows(
                SigningException.class,
                () -> ExternalSigning.complete(appBin(), OPTIONS, TestData.publicKey("ed25519"), otherKeys));
        assertEquals(
                "the detached Ed25519 signature does not verify with the public key (SHA-256 "
                        + TestData.text("keys/ed25519.pubhash.hex").strip() + ") over this image (SHA-256"
                        + " e5dccfde3ade653f3aa9e1f3958c58aebb8a96715c9b7183f31b54429ba6f05e): it was made with another key,"
                        + " over other bytes (the image or the signing options changed since the signing request was made),"
                        + " or with other parameters than the request asks for; no image was written",
                e.getMessage());
    }

    @Test
    void aSignatureOfAnOlderBuildDoesNotVerify() throws SigningException {
        SigningRequest request = ExternalSigning.prepare(appBin(), OPTIONS, KeyType.ED25519);
        byte[] signature = TestData.key("ed25519.pem").sign(request.payload(), request.digest());
        SignOptions nextVersion = build(common().version(new ImageVersion(1, 2, 4, 0)));
        assertThrows(
                SigningException.class,
                () -> ExternalSigning.complete(appBin(), nextVersion, TestData.publicKey("ed25519"), signature));
    }

    @Test
    void malformedSignatureFilesAreNamed() {
        assertEquals(
                "app.sig: not a Ed25519 signature: 12 bytes, expected 64 (raw, or base64 text)",
                assertThrows(
                                SigningException.class,
                                () -> DetachedSignature.decode(
                                        "hello world\n".getBytes(StandardCharsets.US_ASCII),
                                        KeyType.ED25519,
                                        "app.sig"))
                        .getMessage());
        assertEquals(
                "app.sig: not an ECDSA P-256 signature: 10 bytes that are neither DER nor a 64-byte r||s pair",
                assertThrows(
                                SigningException.class,
                                () -> DetachedSignature.decode(new byte[10], KeyType.ECDSA_P256, "app.sig"))
                        .getMessage());
    }

    @Test
    void instructionsSayHowToSign() throws SigningException {
        assertTrue(ExternalSigning.prepare(appBin(), OPTIONS, KeyType.RSA_2048)
                .instructions()
                .startsWith(
                        "sign the 4612 bytes with RSA-2048 RSASSA-PSS, SHA-256, MGF1 with SHA-256, salt length 32"));
        assertTrue(ExternalSigning.prepare(appBin(), OPTIONS, KeyType.ED25519)
                .instructions()
                .startsWith("sign the 32 bytes (the image's SHA-256 e5dccfde"));
    }

    private static java.security.PrivateKey privateKeyOf(String file) throws Exception {
        // the vectors' PKCS#8 file, read by the JDK itself: the "HSM" shares nothing with our loader
        String pem = TestData.text("keys/" + file).replaceAll("-----[A-Z ]+-----|\\s", "");
        return java.security.KeyFactory.getInstance("EC")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                        Base64.getDecoder().decode(pem)));
    }
}
