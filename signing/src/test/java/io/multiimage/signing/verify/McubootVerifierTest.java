package io.multiimage.signing.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.signing.ImageVersion;
import io.multiimage.signing.TestData;
import io.multiimage.signing.format.Hex;
import io.multiimage.signing.keys.KeyType;
import io.multiimage.signing.keys.VerificationKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McubootVerifierTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ed25519.bin, ed25519",
        "ed25519-pad-confirm.bin, ed25519",
        "ed25519-pad-test.bin, ed25519",
        "ed25519-erased0-pad.bin, ed25519",
        "ed25519-align8-maxversion-pad.bin, ed25519",
        "ed25519-fullkey.bin, ed25519",
        "ed25519-security-counter.bin, ed25519",
        "ed25519-rom-fixed.bin, ed25519",
        "ecdsa-p256.bin, ecdsa-p256",
        "ecdsa-p256-sec1key.bin, ecdsa-p256",
        "rsa-2048.bin, rsa-2048",
        "rsa-2048-pkcs1key.bin, rsa-2048",
    })
    void acceptsEveryImgtoolImage(String file, String keyType) {
        VerificationResult result =
                McubootVerifier.verify(TestData.bytes("signed/" + file), TestData.publicKey(keyType));
        assertTrue(result.valid(), result::report);
        assertEquals(Check.Status.PASSED, result.check(Check.Name.HASH).status());
        assertEquals(Check.Status.PASSED, result.check(Check.Name.KEY).status());
        assertEquals(Check.Status.PASSED, result.check(Check.Name.SIGNATURE).status());
        assertEquals(
                new ImageVersion(
                        file.contains("maxversion") ? 255 : 1,
                        file.contains("maxversion") ? 255 : 2,
                        file.contains("maxversion") ? 65535 : 3,
                        file.contains("maxversion") ? 4294967295L : 4),
                result.version().orElseThrow());
    }

    @Test
    void acceptsTheHashOnlyImageWithoutAKey() {
        VerificationResult result = McubootVerifier.verify(TestData.bytes("signed/unsigned-hash-only.bin"), null);
        assertTrue(result.valid(), result::report);
        assertEquals(Check.Status.NOT_RUN, result.check(Check.Name.SIGNATURE).status());
    }

    @Test
    void reportsTheFieldsDumpinfoShows() {
        VerificationResult result = McubootVerifier.verify(
                TestData.bytes("signed/ed25519-security-counter.bin"), TestData.publicKey("ed25519"));
        assertEquals(0x200, result.header().orElseThrow().headerSize());
        assertEquals(4100, result.header().orElseThrow().imageSize());
        assertEquals(12, result.header().orElseThrow().protectedTlvSize());
        assertEquals(0x01020003L, result.securityCounter().getAsLong());
        assertEquals(
                "352304 8db04ea9e0d0e77773e7f9e647bdbcf56c2dbe5b3880f4e7d1e691a86c".replace(" ", ""),
                Hex.of(result.storedHash().orElseThrow()));
        assertEquals(
                TestData.text("keys/ed25519.pubhash.hex").strip(),
                Hex.of(result.keyHash().orElseThrow()));
        assertEquals(KeyType.ED25519, result.signatureType().orElseThrow());
        assertEquals(4768, result.signedSize());
    }

    @Test
    void readsTheTrailerOfPaddedImages() {
        TrailerInfo confirmed = McubootVerifier.verify(TestData.bytes("signed/ed25519-pad-confirm.bin"), null)
                .trailer()
                .orElseThrow();
        assertEquals(1, confirmed.imageOk());
        assertTrue(confirmed.confirmed());
        assertEquals(0xffffffffL, confirmed.swapSize());
        TrailerInfo test = McubootVerifier.verify(TestData.bytes("signed/ed25519-pad-test.bin"), null)
                .trailer()
                .orElseThrow();
        assertEquals(0xff, test.imageOk());
        TrailerInfo erased0 = McubootVerifier.verify(TestData.bytes("signed/ed25519-erased0-pad.bin"), null)
                .trailer()
                .orElseThrow();
        assertEquals(0, erased0.imageOk());
        assertEquals(0, erased0.swapSize());
    }

    @Test
    void rejectsAChangedPayloadByte() {
        byte[] image = TestData.bytes("signed/ed25519.bin");
        image[0x200 + 100] ^= 1;
        VerificationResult result = McubootVerifier.verify(image, TestData.publicKey("ed25519"));
        assertFalse(result.valid());
        String message = result.check(Check.Name.HASH).message();
        assertTrue(
                message.startsWith("SHA-256 mismatch: the SHA256 TLV at offset 0x1208 holds "
                        + "e5dccfde3ade653f3aa9e1f3958c58aebb8a96715c9b7183f31b54429ba6f05e"),
                message);
        assertTrue(message.contains("the image was changed after it was signed"), message);
        assertTrue(result.check(Check.Name.SIGNATURE).failed(), "the signature covers the changed byte too");
    }

    @Test
    void rejectsAChangedHeaderByte() {
        byte[] image = TestData.bytes("signed/ecdsa-p256.bin");
        image[0x14] = 2; // version major 1 -> 2
        VerificationResult result = McubootVerifier.verify(image, TestData.publicKey("ecdsa-p256"));
        assertTrue(result.check(Check.Name.HASH).failed());
        assertTrue(
                result.check(Check.Name.SIGNATURE)
                        .message()
                        .startsWith(
                                "the ECDSASIG (0x22) signature at offset 0x1250 does not verify with the given ECDSA P-256 key"),
                result.check(Check.Name.SIGNATURE).message());
        assertEquals(new ImageVersion(2, 2, 3, 4), result.version().orElseThrow());
    }

    @Test
    void rejectsATruncatedTlvArea() {
        byte[] image = Arrays.copyOf(TestData.bytes("signed/ed25519.bin"), 4756 - 10);
        VerificationResult result = McubootVerifier.verify(image, TestData.publicKey("ed25519"));
        assertEquals(
                "the TLV area at offset 0x1204 declares 0x90 bytes, up to offset 0x1294, but the data ends at"
                        + " offset 0x128a: the TLV area is truncated",
                result.check(Check.Name.TLV_AREA).message());
        assertEquals(Check.Status.NOT_RUN, result.check(Check.Name.SIGNATURE).status());
        assertFalse(result.valid());
    }

    @Test
    void rejectsATlvThatRunsPastItsArea() {
        byte[] image = TestData.bytes("signed/ed25519.bin");
        image[0x1250 + 2] = 0x50; // the ED25519 TLV's length 64 -> 80
        VerificationResult result = McubootVerifier.verify(image, TestData.publicKey("ed25519"));
        assertEquals(
                "the ED25519 TLV at offset 0x1250 declares 80 bytes, past the end of the TLV area at offset"
                        + " 0x1294",
                result.check(Check.Name.TLV_AREA).message());
    }

    @Test
    void rejectsTheWrongKey() {
        VerificationKey other = TestData.testPublicKey("ed25519-other.pub.pem");
        VerificationResult result = McubootVerifier.verify(TestData.bytes("signed/ed25519.bin"), other);
        String message = result.check(Check.Name.KEY).message();
        assertTrue(
                message.startsWith("wrong key: the KEYHASH TLV at offset 0x122c is "
                        + TestData.text("keys/ed25519.pubhash.hex").strip()),
                message);
        assertTrue(message.contains(other.keyHashHex()), message);
        assertTrue(result.check(Check.Name.SIGNATURE).failed());
        assertEquals(Check.Status.PASSED, result.check(Check.Name.HASH).status());
    }

    @Test
    void rejectsAKeyOfAnotherAlgorithm() {
        VerificationResult result =
                McubootVerifier.verify(TestData.bytes("signed/rsa-2048.bin"), TestData.publicKey("ed25519"));
        assertEquals(
                "the image is signed with RSA-2048 (RSA2048 (0x20) TLV at offset 0x1250), but the given key"
                        + " is Ed25519",
                result.check(Check.Name.SIGNATURE).message());
    }

    @Test
    void rejectsAFullKeyThatIsNotTheGivenOne() {
        VerificationResult result = McubootVerifier.verify(
                TestData.bytes("signed/ed25519-fullkey.bin"), TestData.testPublicKey("ed25519-other.pub.pem"));
        assertTrue(
                result.check(Check.Name.KEY)
                        .message()
                        .startsWith("wrong key: the PUBKEY TLV at offset 0x122c holds another key"),
                result.check(Check.Name.KEY).message());
    }

    @Test
    void rejectsAWrongHeaderMagic() {
        byte[] image = TestData.bytes("signed/ed25519.bin");
        image[0] = 0x3c;
        VerificationResult result = McubootVerifier.verify(image, TestData.publicKey("ed25519"));
        assertEquals(
                "wrong header magic at offset 0x0: 0x96f3b83c, expected 0x96f3b83d (not an MCUboot image, or"
                        + " the address does not point at its header)",
                result.check(Check.Name.HEADER).message());
        assertTrue(result.header().isEmpty());
    }

    @Test
    void rejectsAWrongTlvMagic() {
        byte[] image = TestData.bytes("signed/ed25519.bin");
        image[0x1204] = 0x08; // 0x6907 -> 0x6908
        VerificationResult result = McubootVerifier.verify(image, null);
        assertTrue(
                result.check(Check.Name.TLV_AREA)
                        .message()
                        .startsWith(
                                "wrong TLV area magic at offset 0x1204: 0x6908, expected 0x6907 (a protected TLV area's magic"),
                result.check(Check.Name.TLV_AREA).message());
    }

    @Test
    void rejectsAProtectedAreaWhoseSizeDisagreesWithTheHeader() {
        byte[] image = TestData.bytes("signed/ed25519-security-counter.bin");
        image[0x0a] = 16;
        VerificationResult result = McubootVerifier.verify(image, null);
        assertEquals(
                "the protected TLV area at offset 0x1204 declares 0xc bytes, but the header's protected TLV size"
                        + " at offset 0xa is 0x10",
                result.check(Check.Name.PROTECTED_TLV_AREA).message());
    }

    @Test
    void rejectsAnImageSizeBeyondTheData() {
        byte[] image = Arrays.copyOf(TestData.bytes("signed/ed25519.bin"), 0x1000);
        VerificationResult result = McubootVerifier.verify(image, null);
        assertEquals(
                "the image size field at offset 0xc says 0x1004 bytes follow the 0x200-byte header, but the data"
                        + " ends at offset 0x1000: the image is truncated",
                result.check(Check.Name.HEADER).message());
    }

    @Test
    void rejectsAWrongTrailerMagic() {
        byte[] image = TestData.bytes("signed/ed25519-pad-test.bin");
        image[image.length - 1] = 0;
        VerificationResult result = McubootVerifier.verify(image, TestData.publicKey("ed25519"));
        assertTrue(
                result.check(Check.Name.TRAILER).message().startsWith("wrong trailer magic at offset 0x2bff0: "),
                result.check(Check.Name.TRAILER).message());
        assertFalse(result.valid());
    }

    @Test
    void anErasedTrailerIsNotAFailure() {
        byte[] image = Arrays.copyOf(TestData.bytes("signed/ed25519.bin"), 0x2c000);
        Arrays.fill(image, 4756, image.length, (byte) 0xff);
        VerificationResult result = McubootVerifier.verify(image, TestData.publicKey("ed25519"));
        assertTrue(result.valid(), result::report);
        assertEquals(Check.Status.NOT_RUN, result.check(Check.Name.TRAILER).status());
    }

    @Test
    void aSignatureMadeForOtherBytesDoesNotVerify() {
        byte[] image = TestData.bytes("signed/rsa-2048.bin");
        byte[] other = TestData.bytes("signed/rsa-2048-pkcs1key.bin");
        System.arraycopy(other, 0x1254, image, 0x1254, 256); // a valid signature, of the same image, other salt
        assertTrue(McubootVerifier.verify(image, TestData.publicKey("rsa-2048")).valid());
        image[0x1254 + 7] ^= 0x40;
        VerificationResult result = McubootVerifier.verify(image, TestData.publicKey("rsa-2048"));
        assertTrue(result.check(Check.Name.SIGNATURE).failed());
        assertEquals(Check.Status.PASSED, result.check(Check.Name.HASH).status());
    }

    @Test
    void messagesGiveAddressesWhenTheLocationIsKnown() {
        byte[] image = TestData.bytes("signed/ed25519.bin");
        image[0x300] ^= 1;
        VerificationResult result = McubootVerifier.verify(
                image, TestData.publicKey("ed25519"), new ImageLocation("app", "mcuboot_primary", 0xc000));
        assertTrue(
                result.failureMessage()
                        .startsWith(
                                "image 'app' in partition 'mcuboot_primary' at 0x0000c000 is not"
                                        + " valid: HASH: SHA-256 mismatch: the SHA256 TLV at offset 0x1208 (address 0x0000d208) holds"),
                result.failureMessage());
        ImageVerificationException e = assertThrows(ImageVerificationException.class, result::requireValid);
        assertEquals(result.failureMessage(), e.getMessage());
    }

    @Test
    void aTooShortInputIsReportedNotThrown() {
        VerificationResult result = McubootVerifier.verify(new byte[5], null);
        assertEquals(
                "the image has 5 bytes, fewer than the 32-byte MCUboot header",
                result.check(Check.Name.HEADER).message());
    }
}
