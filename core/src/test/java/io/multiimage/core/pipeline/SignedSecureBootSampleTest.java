package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.run.QemuRequest;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.run.QemuRunner;
import io.multiimage.core.sign.PassphraseSource;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.signing.keys.PemKeys;
import io.multiimage.signing.verify.ImageLocation;
import io.multiimage.signing.verify.McubootVerifier;
import io.multiimage.signing.verify.VerificationResult;
import io.multiimage.testkit.ReferenceTools;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secure-boot sample signed with its development key, built by the pipeline without Maven:
 * the sign step puts MCUboot headers and TLVs on mcuboot (slot s0, checked by b0) and app (slot
 * mcuboot_primary, checked by mcuboot); the chain boots in QEMU, and a merged HEX with one byte
 * changed in either image is refused at boot with a UART line saying why.
 */
@Tag("tools")
class SignedSecureBootSampleTest {

    /** Where the sample's layout puts the images (checked in {@link #theSignedChainBootsAndEveryStageVerifiesTheNext}). */
    private static final long APP = 0x14200;

    private static final long MCUBOOT = 0x8200;

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copySample() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");
        Samples.copy("secure-boot", project);
    }

    @Test
    void theSignedChainBootsAndEveryStageVerifiesTheNext() throws Exception {
        BuildResult result = build(project, devKey(project), Optional.empty());

        QemuResult boot = boot(result.mergedHex().orElseThrow());
        List<String> lines = boot.uartLines();
        assertEquals(0, boot.exitStatus(), String.join("\n", lines));
        assertEquals("b0: first-stage bootloader, booting mcuboot at 0x00008200", lines.get(0));
        assertTrue(lines.get(1).startsWith("b0: mcuboot in s0 verified (SHA-256 "), lines.toString());
        assertEquals("mcuboot: second-stage bootloader, booting app at 0x00014200", lines.get(2));
        assertTrue(lines.get(3).startsWith("mcuboot: app in mcuboot_primary verified (SHA-256 "), lines.toString());
        assertEquals("app: Hello from the application", lines.get(4));
        assertEquals(APP, result.image("app").orElseThrow().placement().flash().origin());
        assertEquals(
                MCUBOOT,
                result.image("mcuboot").orElseThrow().placement().flash().origin());
    }

    @Test
    void theSignedImagesVerifyAgainstThePublicKeyAtTheirSlots() throws Exception {
        BuildResult result = build(project, devKey(project), Optional.empty());

        MemoryImage merged = IntelHex.read(result.mergedHex().orElseThrow());
        var key = PemKeys.readPublicKey(project.resolve("keys/dev-ed25519.pem"));
        VerificationResult app = McubootVerifier.verify(
                merged.read(0x14000, 0x16000, (byte) 0xff), key, new ImageLocation("app", "mcuboot_primary", 0x14000));
        VerificationResult mcuboot = McubootVerifier.verify(
                merged.read(0x8000, 0xc000, (byte) 0xff), key, new ImageLocation("mcuboot", "s0", 0x8000));
        assertTrue(app.valid(), app.report());
        assertTrue(mcuboot.valid(), mcuboot.report());
        assertEquals("0.1.0+0", app.version().orElseThrow().toString());
        // The module's own HEX stays as built: no header in front of the application.
        MemoryImage own = IntelHex.read(result.image("app").orElseThrow().hex().orElseThrow());
        assertEquals(APP, own.span().orElseThrow().start());
    }

    @Test
    void theNcsOutputsAreWrittenUnderTheTopBuildDirectory() throws Exception {
        BuildResult result = build(project, devKey(project), Optional.empty());

        Path root = project.resolve("app/target/firmware");
        for (String name : List.of(
                "app_signed.hex",
                "app_update.bin",
                "app_test_update.hex",
                "app_moved_test_update.hex",
                "dfu_application.zip")) {
            assertTrue(Files.isRegularFile(root.resolve(name)), name);
        }
        assertEquals(
                List.of(
                        "layout",
                        "app-signed",
                        "app-update",
                        "app-test-update",
                        "app-moved-test-update",
                        "dfu-application"),
                result.published().stream().map(PublishedFile::classifier).toList());
        MemoryImage moved = IntelHex.read(root.resolve("app_moved_test_update.hex"));
        assertEquals(0x2a000, moved.span().orElseThrow().start(), "the test image at the secondary slot");
        byte[] update = Files.readAllBytes(root.resolve("app_update.bin"));
        MemoryImage signedHex = IntelHex.read(root.resolve("app_signed.hex"));
        assertArrayEquals(update, signedHex.read(0x14000, update.length, (byte) 0xff));
        String manifest = zipEntries(Files.readAllBytes(root.resolve("dfu_application.zip")))
                .get(1);
        assertTrue(manifest.contains("\"load_address\": " + APP), manifest);
        assertTrue(manifest.contains("\"version_MCUBOOT\": \"0.1.0+0\""), manifest);
        assertTrue(manifest.contains("\"board\": \"qemu_cortex_m3\""), manifest);
        String buildInfo = Files.readString(root.resolve("build-info.json"));
        assertTrue(buildInfo.contains("\"signedBy\" : \"key <signing><keyFile> keys/dev-ed25519.pem"), buildInfo);
    }

    @Test
    void theSameInputsGiveAByteIdenticalDfuPackageInAnotherDirectory(@TempDir Path other) throws Exception {
        Samples.copy("secure-boot", other);
        build(project, devKey(project), Optional.empty());
        build(other, devKey(other), Optional.empty());

        byte[] first = Files.readAllBytes(project.resolve("app/target/firmware/dfu_application.zip"));
        byte[] second = Files.readAllBytes(other.resolve("app/target/firmware/dfu_application.zip"));
        assertArrayEquals(first, second);
    }

    @Test
    void aMergedHexWithOneChangedByteInTheApplicationIsRefusedByMcuboot() throws Exception {
        Path merged =
                build(project, devKey(project), Optional.empty()).mergedHex().orElseThrow();
        Path tampered = flipByte(merged, APP + 0x100);

        QemuResult boot = boot(tampered);

        assertEquals(2, boot.exitStatus(), boot.uartLines().toString());
        String last = boot.uartLines().get(boot.uartLines().size() - 1);
        assertTrue(
                last.startsWith("mcuboot: refusing app in mcuboot_primary at 0x00014000: SHA-256 mismatch: "
                        + "the image hashes to "),
                last);
        assertFalse(boot.uartLines().stream().anyMatch(line -> line.startsWith("app:")));
    }

    @Test
    void aMergedHexWithOneChangedByteInTheSecondStageIsRefusedByB0() throws Exception {
        Path merged =
                build(project, devKey(project), Optional.empty()).mergedHex().orElseThrow();
        Path tampered = flipByte(merged, MCUBOOT + 0x300);

        QemuResult boot = boot(tampered);

        assertEquals(2, boot.exitStatus(), boot.uartLines().toString());
        assertEquals(2, boot.uartLines().size(), boot.uartLines().toString());
        assertTrue(
                boot.uartLines().get(1).startsWith("b0: refusing mcuboot in s0 at 0x00008000: SHA-256 mismatch: "),
                boot.uartLines().toString());
    }

    @Test
    void aMergedHexWithoutAHeaderInFrontOfTheApplicationIsRefused() throws Exception {
        Path merged =
                build(project, devKey(project), Optional.empty()).mergedHex().orElseThrow();
        MemoryImage image = IntelHex.read(merged);
        image.fill(0x14000, 0x200, (byte) 0xff);
        Path stripped = project.resolve("stripped.hex");
        IntelHex.write(image, stripped);

        QemuResult boot = boot(stripped);

        assertEquals(2, boot.exitStatus());
        assertEquals(
                "mcuboot: refusing app in mcuboot_primary at 0x00014000: no MCUboot header (magic 0xffffffff,"
                        + " expected 0x96f3b83d)",
                boot.uartLines().get(boot.uartLines().size() - 1));
    }

    @Test
    void theDevelopmentKeyCannotSignAReleaseBuild() throws Exception {
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class, () -> build(project, devKey(project), Optional.of("release")));

        assertTrue(
                error.getMessage()
                        .contains("the key '<signing><keyFile> keys/dev-ed25519.pem' cannot sign a"
                                + " 'release' build: it is declared as a development key"),
                error.getMessage());
        assertFalse(Files.exists(project.resolve("app/target/firmware/merged.hex")));
    }

    @Test
    void withoutAKeyTheImagesCarryTheirHashOnlyAndStillBoot() throws Exception {
        BuildResult result = build(project, SigningConfig.none(), Optional.empty());

        assertEquals(0, boot(result.mergedHex().orElseThrow()).exitStatus());
        assertTrue(
                log.at("WARN").stream().anyMatch(line -> line.startsWith("app: not signed: no <signing><keyFile>")),
                log.lines().toString());
    }

    @Test
    void aSecondBuildRewritesNoSignedFile() throws Exception {
        build(project, devKey(project), Optional.empty());
        Path root = project.resolve("app/target/firmware");
        var before = Files.getLastModifiedTime(root.resolve("app_signed.hex"));
        byte[] zip = Files.readAllBytes(root.resolve("dfu_application.zip"));
        Thread.sleep(20);

        build(project, devKey(project), Optional.empty());

        assertEquals(before, Files.getLastModifiedTime(root.resolve("app_signed.hex")));
        assertArrayEquals(zip, Files.readAllBytes(root.resolve("dfu_application.zip")));
    }

    /** The sample's development key, declared as such; version from a 0.1.0-SNAPSHOT POM. */
    static SigningConfig devKey(Path project) {
        return new SigningConfig(
                Optional.of(project.resolve("keys/dev-ed25519.pem")),
                "<signing><keyFile> keys/dev-ed25519.pem",
                PassphraseSource.NONE,
                Optional.empty(),
                true,
                Optional.empty(),
                "0.1.0-SNAPSHOT",
                false,
                Optional.empty(),
                OptionalInt.empty(),
                SigningConfig.DEFAULT_TIMESTAMP);
    }

    @Test
    void aLockedLayoutRefusesAnEnlargedSecondStageWithABeforeAfterTable() throws Exception {
        Path lock = project.resolve("app/layout.lock");
        new LayoutLocking(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"), null)
                .write(request(project, Optional.empty()), lock, devKey(project));
        assertTrue(Files.readString(lock).contains("immutable mcuboot 0x00008200 0xbe00\n"), Files.readString(lock));
        enlargeSecondStage();

        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class, () -> lockedBuild(lock, devKey(project), Optional.empty()));

        assertTrue(
                error.getMessage()
                        .startsWith("The layout differs from app/layout.lock, which locks the immutable"
                                + " partitions, the slots and the signing key a released boot chain was built for:\n"),
                error.getMessage());
        assertTrue(
                error.getMessage()
                        .contains("  -       mcuboot            0x00008200-0x00014000 (0xbe00 bytes)   "
                                + "0x00008200-0x00018000 (0xfe00 bytes)\n"),
                error.getMessage());
        assertTrue(error.getMessage().contains("-Dfirmware.layout.accept=\"<reason>\""), error.getMessage());
        assertFalse(Files.exists(project.resolve("app/target/firmware/merged.hex")), "nothing is merged");
    }

    @Test
    void anAcceptedLayoutChangeIsLoggedAndRecordedWithItsReason() throws Exception {
        Path lock = project.resolve("app/layout.lock");
        new LayoutLocking(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"), null)
                .write(request(project, Optional.empty()), lock, devKey(project));
        enlargeSecondStage();

        BuildResult result = lockedBuild(lock, devKey(project), Optional.of("bootloader 2.0 needs 16 KiB more"));

        assertTrue(
                log.at("WARN").stream()
                        .anyMatch(
                                line -> line.startsWith(
                                        "Layout change accepted (bootloader 2.0 needs 16 KiB more); it differs from app/layout.lock:")),
                log.lines().toString());
        String buildInfo = Files.readString(result.buildInfo().orElseThrow());
        assertTrue(
                buildInfo.contains(
                        "\"layoutChangeAccepted\" : {\n    \"reason\" : \"bootloader 2.0 needs 16 KiB more\""),
                buildInfo);
        assertEquals(0, boot(result.mergedHex().orElseThrow()).exitStatus());
    }

    @Test
    void aLockedLayoutRefusesAnotherSigningKey() throws Exception {
        Path lock = project.resolve("app/layout.lock");
        new LayoutLocking(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"), null)
                .write(request(project, Optional.empty()), lock, devKey(project));
        Path other = TestKeys.ed25519(project.resolve("other.pem"));
        SigningConfig otherKey = new SigningConfig(
                Optional.of(other),
                "other.pem",
                PassphraseSource.NONE,
                Optional.empty(),
                true,
                Optional.empty(),
                "0.1.0",
                false,
                Optional.empty(),
                OptionalInt.empty(),
                SigningConfig.DEFAULT_TIMESTAMP);

        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> lockedBuild(lock, otherKey, Optional.empty()));

        assertTrue(error.getMessage().contains("  -       signing key  sha256 "), error.getMessage());
        // The same layout and key pass.
        assertEquals(
                0,
                boot(lockedBuild(lock, devKey(project), Optional.empty())
                                .mergedHex()
                                .orElseThrow())
                        .exitStatus());
        assertTrue(log.at("INFO").contains("Layout matches app/layout.lock"));
    }

    /** The user story of issue #12: the second stage's partition grows by 16 KiB, which moves the application. */
    private void enlargeSecondStage() throws Exception {
        Path pmYml = project.resolve("mcuboot/pm.yml");
        String text = Files.readString(pmYml);
        assertTrue(text.contains("size: 0xbe00"));
        Files.writeString(pmYml, text.replace("size: 0xbe00", "size: 0xfe00"));
    }

    private BuildResult lockedBuild(Path lock, SigningConfig signing, Optional<String> accept) throws Exception {
        return new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .signing(signing)
                .layoutLock(lock, accept)
                .run(request(project, Optional.empty()));
    }

    private BuildResult build(Path root, SigningConfig signing, Optional<String> buildType) throws Exception {
        return new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .signing(signing)
                .run(request(root, buildType));
    }

    private static BuildRequest request(Path root, Optional<String> buildType) {
        ImageDeclaration.Builder app = ImageDeclaration.builder("app", root.resolve("app"))
                .board("qemu_cortex_m3")
                .children("mcuboot");
        buildType.ifPresent(app::buildType);
        List<ImageDeclaration> declarations = List.of(
                app.build(),
                ImageDeclaration.builder("mcuboot", root.resolve("mcuboot"))
                        .children("b0")
                        .build(),
                ImageDeclaration.builder("b0", root.resolve("b0")).build());
        return BuildRequest.builder(new ProjectLayout(root), "app", declarations, root.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();
    }

    private Path flipByte(Path merged, long address) throws Exception {
        MemoryImage image = IntelHex.read(merged);
        assertTrue(image.contains(address));
        image.write(address, new byte[] {(byte) (image.get(address) ^ 0x01)});
        Path tampered = project.resolve("tampered.hex");
        IntelHex.write(image, tampered);
        assertNotEquals(Files.readString(merged), Files.readString(tampered));
        return tampered;
    }

    private QemuResult boot(Path merged) throws Exception {
        return new QemuRunner(new LocalProcessLauncher(), log)
                .run(QemuRequest.of(merged, "lm3s6965evb", Duration.ofSeconds(30), line -> {}));
    }

    private static List<String> zipEntries(byte[] zip) throws Exception {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
