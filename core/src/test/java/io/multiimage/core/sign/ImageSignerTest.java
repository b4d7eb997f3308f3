package io.multiimage.core.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.signing.keys.PemKeys;
import io.multiimage.signing.keys.SigningKey;
import io.multiimage.signing.verify.McubootVerifier;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSignerTest {

    @TempDir
    Path dir;

    private Path key() throws Exception {
        byte[] der = KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPrivate()
                .getEncoded();
        Path file = dir.resolve("key.pem");
        Files.writeString(
                file,
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                        + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    private SigningConfig config(
            Optional<Path> key,
            String projectVersion,
            boolean signLater,
            Optional<Path> publicKey,
            Optional<Path> signatures) {
        return new SigningConfig(
                key,
                "key.pem",
                PassphraseSource.NONE,
                publicKey,
                false,
                Optional.empty(),
                projectVersion,
                signLater,
                signatures,
                OptionalInt.empty(),
                SigningConfig.DEFAULT_TIMESTAMP);
    }

    private static MemoryImage image(long address, int size) {
        MemoryImage image = new MemoryImage();
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7);
        }
        image.write(address, bytes);
        return image;
    }

    private static SigningSlot appSlot() throws Exception {
        return SigningSlots.find("app", "app", Layouts.mcuboot("")).orElseThrow();
    }

    @Test
    void signsForTheSlotAndWritesTheFourNcsFiles() throws Exception {
        SigningConfig config = config(Optional.of(key()), "2.1.0-7", false, Optional.empty(), Optional.empty());
        ImageSigner signer = new ImageSigner(config, SigningKeys.load(config, ""));

        ImageSigner.Outcome outcome = signer.sign(appSlot(), image(0x10200, 0x1000), 4);

        assertEquals(
                List.of("app_signed.hex", "app_update.bin", "app_test_update.hex", "app_moved_test_update.hex"),
                List.copyOf(outcome.files().keySet()));
        assertEquals("2.1.0+7", outcome.signed().header().version().toString());
        assertEquals(0x200, outcome.signed().header().headerSize());
        MemoryImage signedHex = IntelHex.read(
                new ByteArrayInputStream(outcome.files().get("app_signed.hex")),
                "signed",
                io.multiimage.hex.ReadMode.STRICT);
        assertEquals(0x10000, signedHex.span().orElseThrow().start());
        byte[] update = outcome.files().get("app_update.bin");
        assertArrayEquals(update, signedHex.read(0x10000, update.length, (byte) 0xff));
        assertTrue(McubootVerifier.verify(update, PemKeys.readPublicKey(dir.resolve("key.pem")))
                .valid());
    }

    @Test
    void anImageTooLargeForItsSlotNamesBothSizes() throws Exception {
        SigningConfig config = config(Optional.of(key()), "1.0.0", false, Optional.empty(), Optional.empty());
        ImageSigner signer = new ImageSigner(config, SigningKeys.load(config, ""));

        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> signer.sign(appSlot(), image(0x10200, 0x1fe00), 4));

        assertTrue(
                e.getMessage().startsWith("Signing image 'app' for slot mcuboot_primary: the signed image is 0x"),
                e.getMessage());
        assertTrue(e.getMessage().contains("but the slot is 0x20000 (131072) bytes"), e.getMessage());
    }

    @Test
    void aProjectVersionThatDoesNotMapIsAnErrorNamingIt() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> ImageSigner.version(
                        config(Optional.empty(), "1.2.3-rc1", false, Optional.empty(), Optional.empty())));

        assertTrue(
                e.getMessage()
                        .startsWith("Signing: the project version: the project version '1.2.3-rc1' does not"
                                + " map to an MCUboot image version"),
                e.getMessage());
    }

    @Test
    void anImageThatDoesNotStartAtItsPartitionIsRefused() throws Exception {
        SigningConfig config = config(Optional.empty(), "1.0.0", false, Optional.empty(), Optional.empty());
        ImageSigner signer = new ImageSigner(config, SigningKeys.load(config, ""));

        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> signer.sign(appSlot(), image(0x10400, 0x100), 4));

        assertEquals(
                "Signing image 'app' for slot mcuboot_primary: the image must start at its partition app"
                        + " (0x00010200-0x00030000, 0x1fe00 bytes), right after the MCUboot header pad mcuboot_pad"
                        + " (0x00010000-0x00010200, 0x200 bytes), but its data starts at 0x00010400",
                e.getMessage());
    }

    @Test
    void signLaterWritesTheRequestAndCompletesWithTheDetachedSignature() throws Exception {
        Path key = key();
        Path pub = dir.resolve("key.pub.pem");
        SigningKey signingKey = PemKeys.readPrivateKey(key, null);
        Files.writeString(
                pub,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(
                                        signingKey.publicKey().publicKey().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        SigningConfig prepare = config(Optional.of(key), "1.0.0", true, Optional.of(pub), Optional.empty());
        ImageSigner first = new ImageSigner(prepare, SigningKeys.load(prepare, ""));

        ImageSigner.Outcome request = first.sign(appSlot(), image(0x10200, 0x800), 4);

        assertEquals(List.of("app_signed.hex"), List.copyOf(request.files().keySet()), "hash only, no update files");
        byte[] toSign = request.request().orElseThrow().bytesToSign();
        assertEquals(32, toSign.length);
        Path signatures = Files.createDirectories(dir.resolve("signatures"));
        SigningConfig complete = config(Optional.empty(), "1.0.0", true, Optional.of(pub), Optional.of(signatures));
        ImageSigner second = new ImageSigner(complete, SigningKeys.load(complete, ""));
        InvalidConfigurationException missing = assertThrows(
                InvalidConfigurationException.class, () -> second.sign(appSlot(), image(0x10200, 0x800), 4));
        assertTrue(
                missing.getMessage()
                        .contains("the detached signature " + signatures.resolve("app.sig") + " does not exist"),
                missing.getMessage());
        Files.write(signatures.resolve("app.sig"), signingKey.sign(toSign, toSign));

        ImageSigner.Outcome done = second.sign(appSlot(), image(0x10200, 0x800), 4);

        assertTrue(McubootVerifier.verify(done.files().get("app_update.bin"), signingKey.publicKey())
                .valid());
        InvalidConfigurationException other = assertThrows(
                InvalidConfigurationException.class, () -> second.sign(appSlot(), image(0x10200, 0x801), 4));
        assertTrue(other.getMessage().contains("signature does not verify with the public key"), other.getMessage());
    }

    @Test
    void signLaterWithoutAPublicKeyNamesTheElement() {
        SigningConfig config = config(Optional.empty(), "1.0.0", true, Optional.empty(), Optional.empty());

        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> SigningKeys.load(config, ""));

        assertTrue(e.getMessage().startsWith("<signing><signLater> needs <publicKeyFile>"), e.getMessage());
    }
}
