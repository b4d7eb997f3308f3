package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.sign.PassphraseSource;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.signing.keys.PemKeys;
import io.multiimage.signing.verify.McubootVerifier;
import io.multiimage.testkit.ReferenceTools;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dual-core sample with an MCUboot slot in each domain (NCS's slot partitions added to each
 * image's pm.yml): the application is signed as {@code app_*}, the network core as
 * {@code net_core_app_*}, and {@code dfu_application.zip} carries both with NCS's manifest.
 */
@Tag("tools")
class SignedDualCoreTest {

    /** NCS's MCUboot slot partitions around the image whose partition is {@code image}. */
    private static String slots(String image) {
        return "mcuboot_pad:\n  size: 0x200\n  placement:\n    before: [mcuboot_primary_app]\n"
                + "mcuboot_primary_app:\n  span: [" + image + "]\n"
                + "mcuboot_primary:\n  span: [mcuboot_pad, mcuboot_primary_app]\n"
                + "mcuboot_secondary:\n  share_size: [mcuboot_primary]\n  placement:\n    after: mcuboot_primary\n";
    }

    @Test
    void eachCoreIsSignedForItsOwnSlotAndTheDfuPackageHoldsBoth(@TempDir Path project) throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Samples.copy("dual-core", project);
        Files.writeString(project.resolve("app/pm.yml"), slots("app"));
        Files.writeString(project.resolve("netcore/pm.yml"), slots("netcore"));
        // The sample's application insists the network core image starts its flash; behind its
        // MCUboot header it starts 0x200 later (a real product has b0n there; not this test's subject).
        Path main = project.resolve("app/src/main/c/main.c");
        String source = Files.readString(main);
        assertTrue(source.contains("#if PM_CPUNET_NETCORE_ADDRESS != 0x01000000"));
        Files.writeString(
                main,
                source.replace(
                        "#if PM_CPUNET_NETCORE_ADDRESS != 0x01000000", "#if PM_CPUNET_NETCORE_ADDRESS != 0x01000200"));
        Path key = TestKeys.ed25519(project.resolve("key.pem"));
        SigningConfig signing = new SigningConfig(
                Optional.of(key),
                "key.pem",
                PassphraseSource.NONE,
                Optional.empty(),
                false,
                Optional.of("1.2.3+4"),
                "1.0.0",
                false,
                Optional.empty(),
                OptionalInt.empty(),
                1700000000L);
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("nrf5340dk/nrf5340/cpuapp")
                        .children("netcore")
                        .build(),
                ImageDeclaration.builder("netcore", project.resolve("netcore"))
                        .board("nrf5340dk/nrf5340/cpunet")
                        .domain("CPUNET")
                        .build());
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();

        BuildResult result = new FirmwareBuild(
                        new RecordingLog(), new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .signing(signing)
                .run(request);

        Path out = project.resolve("app/target/firmware");
        assertTrue(Files.isRegularFile(out.resolve("app_signed.hex")));
        byte[] net = Files.readAllBytes(out.resolve("net_core_app_update.bin"));
        assertTrue(McubootVerifier.verify(net, PemKeys.readPublicKey(key)).valid());
        long netAddress =
                result.image("netcore").orElseThrow().placement().flash().origin();
        assertEquals(
                netAddress - 0x200,
                IntelHex.read(out.resolve("net_core_app_signed.hex"))
                        .span()
                        .orElseThrow()
                        .start(),
                "the network core's header sits in its own domain's pad");
        List<String> names = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream zip =
                new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(out.resolve("dfu_application.zip"))))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().equals("manifest.json")) {
                    manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertEquals(List.of("app_update.bin", "net_core_app_update.bin", "manifest.json"), names);
        assertTrue(manifest.contains("\"image_index\": \"1\""), manifest);
        assertTrue(manifest.contains("\"load_address\": " + netAddress), manifest);
        assertTrue(manifest.contains("\"version_MCUBOOT\": \"1.2.3+4\""), manifest);
        assertTrue(manifest.contains("\"time\": 1700000000"), manifest);
    }
}
