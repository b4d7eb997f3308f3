package io.multiimage.signing.ncs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.Segment;
import io.multiimage.signing.McubootSigner;
import io.multiimage.signing.PlacedImage;
import io.multiimage.signing.SignOptions;
import io.multiimage.signing.SigningException;
import io.multiimage.signing.TestData;
import io.multiimage.signing.verify.McubootVerifier;
import io.multiimage.signing.verify.VerificationResult;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NCS update files from the vectors' app.hex (linked at 0x14000, so with the 0x200-byte
 * header the primary slot starts at 0x13e00) and a secondary slot right after the primary.
 */
class NcsOutputsTest {

    private static final long PRIMARY = 0x13e00;
    private static final long SECONDARY = PRIMARY + 0x2c000;
    private static final SignOptions OPTIONS = TestData.build(TestData.common());

    private static NcsOutputs outputs() throws Exception {
        MemoryImage input = IntelHex.read(TestData.path("input/app.hex"));
        Segment span = input.span().orElseThrow();
        byte[] image = input.read(span.start(), (int) span.length(), (byte) 0xff);
        return NcsOutputs.sign("app", image, span.start(), PRIMARY, SECONDARY, OPTIONS, TestData.key("ed25519.pem"));
    }

    @Test
    void signedHexIsImgtoolsHexOutput() throws Exception {
        MemoryImage expected = IntelHex.read(TestData.path("signed/ed25519.hex"));
        assertEquals(expected, memory(outputs().signedHex()));
    }

    @Test
    void updateBinIsImgtoolsBinaryOutput() throws Exception {
        assertArrayEquals(TestData.bytes("signed/ed25519.bin"), outputs().updateBin());
    }

    @Test
    void testUpdateHexHoldsTheImageAndTheTrailerMagicOfATestSwap() throws Exception {
        PlacedImage test = outputs().testUpdateHex();
        assertEquals(PRIMARY, test.start());
        assertEquals(PRIMARY + 0x2c000, test.end());
        assertEquals(
                List.of(4756, 16),
                test.chunks().stream().map(c -> c.bytes().length).toList());
        // filled with erased flash it is imgtool's --pad --test binary
        assertArrayEquals(TestData.bytes("signed/ed25519-pad-test.bin"), test.contiguous((byte) 0xff));
    }

    /** The moved test update against what NCS's objcopy command makes of our test update. */
    @Test
    void movedTestUpdateIsWhatObjcopyMakesOfTheTestUpdate(@TempDir Path dir) throws Exception {
        NcsOutputs outputs = outputs();
        Path testHex = dir.resolve("app_test_update.hex");
        Path movedHex = dir.resolve("app_moved_test_update.hex");
        IntelHex.write(memory(outputs.testUpdateHex()), testHex);
        Path objcopy = ReferenceTools.require("arm-none-eabi-objcopy", "binutils-arm-none-eabi");
        ReferenceTools.run(
                        List.of(
                                objcopy.toString(),
                                "--input-target=ihex",
                                "--output-target=ihex",
                                "--change-address=" + (SECONDARY - PRIMARY),
                                "--gap-fill=0xff",
                                testHex.toString(),
                                movedHex.toString()),
                        dir,
                        60)
                .assertSuccess();
        MemoryImage fromObjcopy = IntelHex.read(movedHex);
        fromObjcopy.setStartAddress(null); // objcopy shifts the (absent) entry point too; see NcsOutputs
        PlacedImage moved = outputs.movedTestUpdateHex();
        assertEquals(fromObjcopy, memory(moved));
        assertEquals(1, moved.chunks().size());
        VerificationResult result =
                McubootVerifier.verify(moved.contiguous((byte) 0xff), TestData.publicKey("ed25519"));
        assertTrue(result.valid(), result::report);
        assertEquals(0xff, result.trailer().orElseThrow().imageOk(), "a test swap: image_ok not set");
    }

    @Test
    void fileNamesFollowNcs() throws Exception {
        assertEquals(
                List.of("app_signed.hex", "app_update.bin", "app_test_update.hex", "app_moved_test_update.hex"),
                outputs().fileNames());
    }

    @Test
    void anImageThatIsNotAfterTheHeaderIsAnError() {
        SigningException e = assertThrows(
                SigningException.class,
                () -> NcsOutputs.sign(
                        "app", TestData.appBin(), 0x14100, PRIMARY, SECONDARY, OPTIONS, TestData.key("ed25519.pem")));
        assertEquals(
                "the image starts at 0x00014100, but the primary slot at 0x00013e00 with a 0x200-byte MCUboot"
                        + " header puts the image at 0x00014000: link it there (PM_APP_ADDRESS)",
                e.getMessage());
    }

    @Test
    void overlappingSlotsAreAnError() throws Exception {
        var signed = McubootSigner.sign(TestData.appBin(), OPTIONS, TestData.key("ed25519.pem"));
        SigningException e =
                assertThrows(SigningException.class, () -> NcsOutputs.of("app", signed, PRIMARY, PRIMARY + 0x1000));
        assertEquals(
                "the primary slot 0x00013e00-0x0003fe00 and the secondary slot 0x00014e00-0x00040e00 overlap"
                        + " (slot size 0x2c000)",
                e.getMessage());
    }

    @Test
    void aNetworkCoreImageGetsTheSameFilesUnderItsPrefix() throws Exception {
        byte[] net = Arrays.copyOf(TestData.appBin(), 2048);
        SignOptions netOptions = TestData.build(TestData.common().slotSize(0x3a000));
        NcsOutputs outputs = NcsOutputs.sign(
                "net_core_app", net, 0x01008800, 0x01008600, 0x10000000L, netOptions, TestData.key("ecdsa-p256.pem"));
        assertEquals("net_core_app_moved_test_update.hex", outputs.fileNames().get(3));
        assertEquals(0x10000000L, outputs.movedTestUpdateHex().start());
        assertEquals(0x10000000L + 0x3a000, outputs.movedTestUpdateHex().end());
        assertTrue(McubootVerifier.verify(outputs.updateBin(), TestData.publicKey("ecdsa-p256"))
                .valid());
    }

    static MemoryImage memory(PlacedImage placed) {
        MemoryImage image = new MemoryImage();
        for (PlacedImage.Chunk chunk : placed.chunks()) {
            image.write(chunk.address(), chunk.bytes());
        }
        return image;
    }
}
