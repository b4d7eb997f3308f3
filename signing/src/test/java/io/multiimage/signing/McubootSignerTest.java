package io.multiimage.signing;

import static io.multiimage.signing.McubootSignerVectorsTest.assertSameBytes;
import static io.multiimage.signing.TestData.appBin;
import static io.multiimage.signing.TestData.build;
import static io.multiimage.signing.TestData.common;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.Segment;
import io.multiimage.signing.format.Hex;
import io.multiimage.signing.format.Trailer;
import io.multiimage.signing.keys.SigningKey;
import io.multiimage.signing.verify.McubootVerifier;
import io.multiimage.signing.verify.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class McubootSignerTest {

    /** HEX in (app.hex at 0x14000) -> signer -> hexformat's IntelHex.write: imgtool's ed25519.hex, byte for byte. */
    @Test
    void hexInHexOutIsByteIdenticalToImgtool(@TempDir Path dir) throws Exception {
        MemoryImage input = IntelHex.read(TestData.path("input/app.hex"));
        Segment span = input.span().orElseThrow();
        byte[] bytes = input.read(span.start(), (int) span.length(), (byte) 0xff);
        SignedImage signed = McubootSigner.sign(bytes, build(common()), TestData.key("ed25519.pem"));
        PlacedImage placed = signed.placedForInputAt(span.start());
        assertEquals(0x13e00, placed.start());
        Path out = dir.resolve("ed25519.hex");
        IntelHex.write(toMemoryImage(placed), out);
        assertEquals(TestData.text("signed/ed25519.hex"), Files.readString(out));
    }

    static MemoryImage toMemoryImage(PlacedImage placed) {
        MemoryImage image = new MemoryImage();
        for (PlacedImage.Chunk chunk : placed.chunks()) {
            image.write(chunk.address(), chunk.bytes());
        }
        return image;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ecdsa-p256.pem, ecdsa-p256.bin, 0x22",
        "ecdsa-p256.sec1.pem, ecdsa-p256-sec1key.bin, 0x22",
        "rsa-2048.pem, rsa-2048.bin, 0x20",
        "rsa-2048.pkcs1.pem, rsa-2048-pkcs1key.bin, 0x20"
    })
    void randomisedSignaturesAreTheOnlyDifferenceFromImgtool(String key, String vector, String tlv) throws Exception {
        SignedImage signed = McubootSigner.sign(appBin(), build(common()), TestData.key(key));
        byte[] ours = signed.bytes();
        byte[] theirs = TestData.bytes("signed/" + vector);
        int signatureTlv = 0x1204 + 4 + 36 + 36; // info, SHA256, KEYHASH
        assertSameBytes(Arrays.copyOf(theirs, 0x1206), Arrays.copyOf(ours, 0x1206)); // up to the TLV area's size
        assertSameBytes(
                Arrays.copyOfRange(theirs, 0x1208, signatureTlv + 2),
                Arrays.copyOfRange(ours, 0x1208, signatureTlv + 2));
        assertEquals(Integer.decode(tlv), ours[signatureTlv] & 0xff);
        VerificationResult result =
                McubootVerifier.verify(ours, TestData.key(key).publicKey());
        assertTrue(result.valid(), result::report);
    }

    @Test
    void rsa3072SignsIntoItsOwnTlv() throws Exception {
        SigningKey key = TestData.testPrivateKey("rsa-3072.pem");
        SignedImage signed = McubootSigner.sign(appBin(), build(common()), key);
        byte[] bytes = signed.bytes();
        assertEquals("2300" + "8001", Hex.of(Arrays.copyOfRange(bytes, 0x1250, 0x1254))); // RSA3072, 384 bytes
        assertEquals(0x1254 + 384, bytes.length);
        assertTrue(McubootVerifier.verify(bytes, TestData.testPublicKey("rsa-3072.pub.pem"))
                .valid());
    }

    @Test
    void paddedHexHoldsOnlyTheTrailerFieldsAtTheSlotEnd() throws Exception {
        SignedImage test = McubootSigner.sign(appBin(), build(common().test(true)), TestData.key("ed25519.pem"));
        PlacedImage placed = test.placedAtSlot(0x10000);
        assertEquals(2, placed.chunks().size());
        assertEquals(0x10000, placed.chunks().get(0).address());
        PlacedImage.Chunk trailer = placed.chunks().get(1);
        assertEquals(0x10000 + 0x2c000 - 24, trailer.address());
        assertEquals("ffffffffffffffff" + "77c295f360d2ef7f3552500f2cb67980", Hex.of(trailer.bytes()));

        SignedImage confirmed =
                McubootSigner.sign(appBin(), build(common().confirm(true)), TestData.key("ed25519.pem"));
        assertEquals(
                "01ffffffffffffff" + "77c295f360d2ef7f3552500f2cb67980",
                Hex.of(confirmed.placedAtSlot(0x10000).chunks().get(1).bytes()));

        SignedImage padOnly = McubootSigner.sign(appBin(), build(common().pad(true)), TestData.key("ed25519.pem"));
        PlacedImage.Chunk magic = padOnly.placedAtSlot(0x10000).chunks().get(1);
        assertEquals(0x10000 + 0x2c000 - 16, magic.address());
        assertEquals("77c295f360d2ef7f3552500f2cb67980", Hex.of(magic.bytes()));
    }

    @Test
    void paddedHexMatchesThePaddedBinaryWhereItHasData() throws Exception {
        SignedImage signed = McubootSigner.sign(appBin(), build(common().confirm(true)), TestData.key("ed25519.pem"));
        byte[] binary = signed.binary();
        assertArrayEquals(binary, signed.placedAtSlot(0).contiguous((byte) 0xff));
    }

    @ParameterizedTest(name = "align {0}")
    @CsvSource({
        // align, trailer size (128*3*align + 4*maxAlign + magic rounded to maxAlign), magic
        "1, 432, 77c295f360d2ef7f3552500f2cb67980",
        "2, 816, 77c295f360d2ef7f3552500f2cb67980",
        "8, 3120, 77c295f360d2ef7f3552500f2cb67980",
        "16, 6224, 10002de15d29410b8d77679c110f1f8a",
        "32, 12448, 20002de15d29410b8d77679c110f1f8a",
    })
    void trailerFollowsImgtoolForEveryAlignment(int align, int size, String magic) throws Exception {
        Trailer trailer = new Trailer(align, Trailer.DEFAULT_MAX_SECTORS, false);
        assertEquals(size, trailer.size());
        assertEquals(magic, Hex.of(trailer.magic()));
        SignedImage signed =
                McubootSigner.sign(appBin(), build(common().align(align).confirm(true)), TestData.key("ed25519.pem"));
        byte[] binary = signed.binary();
        assertEquals(magic, Hex.of(Arrays.copyOfRange(binary, binary.length - 16, binary.length)));
        int maxAlign = Math.max(8, align);
        int imageOk = binary.length - Math.max(16, maxAlign) - maxAlign;
        assertEquals(1, binary[imageOk]);
        VerificationResult result = McubootVerifier.verify(binary, TestData.publicKey("ed25519"));
        assertTrue(result.valid(), result::report);
        assertEquals(maxAlign, result.trailer().orElseThrow().maxAlign());
        assertTrue(result.trailer().orElseThrow().confirmed());
    }

    @Test
    void overwriteOnlyTrailerIsTwoUnitsAndTheMagic() {
        assertEquals(8 * 2 + 16, new Trailer(4, 128, true).size());
        assertEquals(32 * 2 + 32, new Trailer(32, 128, true).size());
        assertEquals(64 * 3 * 4 + 32 + 16, new Trailer(4, 64, false).size());
    }

    @Test
    void anImageThatFitsExactlyIsAcceptedOneByteMoreIsNot() throws Exception {
        int signedSize = 4756;
        int trailer = new Trailer(4, 128, false).size();
        SignOptions exact = build(common().slotSize(signedSize + trailer));
        assertEquals(
                signedSize,
                McubootSigner.sign(appBin(), exact, TestData.key("ed25519.pem")).size());
        ImageTooLargeException e = assertThrows(
                ImageTooLargeException.class,
                () -> McubootSigner.sign(
                        appBin(), build(common().slotSize(signedSize + trailer - 1)), TestData.key("ed25519.pem")));
        assertEquals(
                "the signed image is 0x1294 (4756) bytes and the MCUboot trailer needs 0x630 (1584) bytes at the"
                        + " end of the slot: together 0x18c4 (6340) bytes, but the slot is 0x18c3 (6339) bytes (1 bytes too"
                        + " many)",
                e.getMessage());
        assertEquals(signedSize, e.signedSize());
        assertEquals(trailer, e.trailerSize());
    }

    @Test
    void withoutPadHeaderTheImageMustStartWithZeroedHeaderSpace() throws Exception {
        byte[] withHeaderSpace = new byte[0x200 + 100];
        Arrays.fill(withHeaderSpace, 0x200, withHeaderSpace.length, (byte) 7);
        SignedImage signed = McubootSigner.hashOnly(withHeaderSpace, build(common().padHeader(false)));
        assertEquals(100, signed.header().imageSize());
        assertEquals(0x1000, signed.placedForInputAt(0x1000).start(), "the input already holds the header");

        SigningException e = assertThrows(
                SigningException.class, () -> McubootSigner.hashOnly(appBin(), build(common().padHeader(false))));
        assertEquals(
                "the image does not start with 0x200 zero bytes for the MCUboot header (the byte at offset 0x2 is"
                        + " 0x01); link it after the header space, or sign with padHeader to add the header in front of the"
                        + " image",
                e.getMessage());
    }

    @Test
    void romFixedAtZeroIsIgnoredAsImgtoolDoes() throws Exception {
        SignedImage signed = McubootSigner.hashOnly(appBin(), build(common().romFixedAddress(0)));
        assertEquals(0, signed.header().flags());
        assertArrayEquals(TestData.bytes("signed/unsigned-hash-only.bin"), signed.bytes());
    }

    @Test
    void aHeaderBelowAddressZeroIsAnError() throws Exception {
        SignedImage signed = McubootSigner.hashOnly(appBin(), build(common()));
        assertEquals(
                "the image starts at 0x00000100, so its 0x200-byte header would start below address 0",
                assertThrows(SigningException.class, () -> signed.placedForInputAt(0x100))
                        .getMessage());
    }

    @Test
    void optionsAreChecked() {
        assertEquals(
                "the MCUboot header size is not set (it comes from the partition layout: the size of the"
                        + " mcuboot_pad partition)",
                message(SignOptions.builder()
                        .version(new ImageVersion(1, 0, 0, 0))
                        .slotSize(0x1000)));
        assertEquals("the MCUboot header size 0x1f is out of range 0x20-0xffff", message(common().headerSize(31)));
        assertEquals(
                "the flash write alignment 3 is not one MCUboot supports: 1, 2, 4, 8, 16 or 32",
                message(common().align(3)));
        assertEquals(
                "the flash write alignment 64 is not one MCUboot supports: 1, 2, 4, 8, 16 or 32",
                message(common().align(64)));
        assertEquals(
                "the slot size is not set (it comes from the partition layout)",
                message(SignOptions.builder().headerSize(0x200).version(new ImageVersion(1, 0, 0, 0))));
        assertEquals(
                "confirm and test exclude each other: a confirmed image is permanent, a test image is reverted"
                        + " unless the application confirms it",
                message(common().confirm(true).test(true)));
        assertEquals("the erased flash value must be 0x00 or 0xff, got 0x1", message(common().erasedValue(1)));
        assertEquals(
                "the image version is not set",
                message(SignOptions.builder().headerSize(0x200).slotSize(0x1000)));
    }

    private static String message(SignOptions.Builder builder) {
        return assertThrows(SigningException.class, builder::build).getMessage();
    }

    @Test
    void optionsPrintAsImgtoolArguments() {
        assertEquals(
                "--header-size 0x200 --pad-header --align 4 --version 1.2.3+4 --slot-size 0x2c000 --test -R 0"
                        + " --rom-fixed 0x14000 -s auto --public-key-format full",
                build(common().test(true)
                                .erasedValue(0)
                                .romFixedAddress(0x14000)
                                .securityCounter(SecurityCounter.AUTO)
                                .publicKeyFormat(PublicKeyFormat.FULL))
                        .toString());
        assertTrue(build(common().confirm(true)).pad(), "confirm implies pad");
        assertEquals(build(common()), build(build(common()).toBuilder()));
    }
}
