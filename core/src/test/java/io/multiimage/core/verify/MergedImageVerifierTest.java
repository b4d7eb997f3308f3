package io.multiimage.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.sign.ImageSigner;
import io.multiimage.core.sign.Layouts;
import io.multiimage.core.sign.PassphraseSource;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.sign.SigningKeys;
import io.multiimage.core.sign.SigningSlot;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.hex.MemoryImage;
import io.multiimage.signing.keys.PemKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedImageVerifierTest {

    private static final MemoryRegion RAM = new MemoryRegion(0x20000000L, 0x10000);
    private static final SlotPartition BOOT = new SlotPartition("mcuboot", 0x0, 0x10000);

    @TempDir
    Path dir;

    private Path key(String name) throws Exception {
        byte[] der = KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPrivate()
                .getEncoded();
        Path file = dir.resolve(name);
        Files.writeString(
                file,
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    /** A vector table (SP, reset) and some code at {@code address}. */
    private static byte[] code(long sp, long reset) {
        byte[] bytes = new byte[0x400];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) (sp >>> (8 * i));
            bytes[4 + i] = (byte) (reset >>> (8 * i));
        }
        return bytes;
    }

    /** mcuboot at 0, app signed with {@code key} in mcuboot_primary. */
    private MemoryImage merged(Path key, long appSp, long appReset) throws Exception {
        SigningConfig config = new SigningConfig(
                Optional.of(key),
                "key",
                PassphraseSource.NONE,
                Optional.empty(),
                false,
                Optional.empty(),
                "1.0.0",
                false,
                Optional.empty(),
                OptionalInt.empty(),
                0);
        MemoryImage app = new MemoryImage();
        app.write(0x10200, code(appSp, appReset));
        ImageSigner.Outcome outcome = new ImageSigner(config, SigningKeys.load(config, "")).sign(slot(), app, 4);
        MemoryImage merged = new MemoryImage();
        merged.write(0, code(0x20010000L, 0x101));
        merged.write(0x10000, outcome.files().get("app_update.bin"));
        return merged;
    }

    private static SigningSlot slot() throws Exception {
        return SigningSlots.find("app", "app", Layouts.mcuboot("")).orElseThrow();
    }

    private List<ExpectedImage> expected(long bootsIntoAt) throws Exception {
        return List.of(
                new ExpectedImage(
                        "mcuboot",
                        BOOT,
                        RAM,
                        Optional.empty(),
                        List.of(new BootTarget("mcuboot_primary", bootsIntoAt)),
                        "built here"),
                new ExpectedImage("app", slot().partition(), RAM, Optional.of(slot()), List.of(), "built here"));
    }

    private static Map<String, SlotPartition> partitions() throws Exception {
        var layout = Layouts.mcuboot("");
        java.util.LinkedHashMap<String, SlotPartition> out = new java.util.LinkedHashMap<>();
        for (String name : layout.partitions().keySet()) {
            out.put(name, SigningSlots.partition(layout.partitions(), name).orElseThrow());
        }
        return out;
    }

    @Test
    void aSignedChainAtItsLayoutPassesEveryCheck() throws Exception {
        Path key = key("k.pem");
        VerificationReport report = MergedImageVerifier.verify(
                "merged.hex",
                merged(key, 0x20010000L, 0x10301),
                expected(0x10000),
                partitions(),
                Optional.of(PemKeys.readPublicKey(key)));

        assertEquals(List.of(), report.failures());
        assertEquals(4, report.checked().size(), report.checked().toString());
    }

    @Test
    void aResetVectorOutsideTheImageAndAStackOutsideRamAreNamed() throws Exception {
        Path key = key("k.pem");
        VerificationReport report = MergedImageVerifier.verify(
                "merged.hex",
                merged(key, 0x30000000L, 0x00000101),
                expected(0x10000),
                partitions(),
                Optional.of(PemKeys.readPublicKey(key)));

        assertEquals(
                List.of(
                        "image 'app' in partition app (0x00010200-0x00030000, 0x1fe00 bytes): the initial stack"
                                + " pointer 0x30000000 at 0x00010200 is not a word-aligned address in RAM 0x20000000-0x20010000",
                        "image 'app' in partition app (0x00010200-0x00030000, 0x1fe00 bytes): the reset vector 0x00000101 at"
                                + " 0x00010204 does not point to Thumb code inside the partition"),
                report.failures());
    }

    @Test
    void anImageSignedWithAnotherKeyNamesImageSlotAndAddress() throws Exception {
        VerificationReport report = MergedImageVerifier.verify(
                "merged.hex",
                merged(key("a.pem"), 0x20010000L, 0x10301),
                expected(0x10000),
                partitions(),
                Optional.of(PemKeys.readPublicKey(key("b.pem"))));

        assertEquals(1, report.failures().size(), report.failures().toString());
        assertTrue(
                report.failures()
                        .get(0)
                        .startsWith("image 'app' in partition 'mcuboot_primary' at 0x00010000 is" + " not valid: "),
                report.failures().get(0));
        assertTrue(report.failures().get(0).contains("KEY"), report.failures().get(0));
    }

    @Test
    void aBootloaderBuiltForAnotherAddressIsNamedWithBothAddresses() throws Exception {
        Path key = key("k.pem");
        VerificationReport report = MergedImageVerifier.verify(
                "merged.hex",
                merged(key, 0x20010000L, 0x10301),
                expected(0x18000),
                partitions(),
                Optional.of(PemKeys.readPublicKey(key)));

        assertEquals(
                List.of("image 'mcuboot' in partition mcuboot boots into mcuboot_primary at 0x00018000 (built"
                        + " here), but the layout puts mcuboot_primary at 0x00010000: the bootloader would jump to the wrong"
                        + " address"),
                report.failures());
    }

    @Test
    void aTamperedByteFailsTheHashCheck() throws Exception {
        Path key = key("k.pem");
        MemoryImage merged = merged(key, 0x20010000L, 0x10301);
        merged.write(0x10300, new byte[] {(byte) (merged.get(0x10300) ^ 1)});

        VerificationReport report = MergedImageVerifier.verify(
                "merged.hex", merged, expected(0x10000), partitions(), Optional.of(PemKeys.readPublicKey(key)));

        assertEquals(1, report.failures().size());
        assertTrue(report.failures().get(0).contains("HASH"), report.failures().get(0));
    }
}
