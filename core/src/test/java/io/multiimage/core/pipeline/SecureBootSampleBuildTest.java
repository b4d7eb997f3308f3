package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the secure-boot sample, without Maven: app → mcuboot → b0 configured
 * from their prj.conf files, placed by the partition manager from their pm.yml files, compiled
 * with arm-none-eabi-gcc, merged, and booted in QEMU.
 */
@Tag("tools")
class SecureBootSampleBuildTest {

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copySample() throws IOException {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");
        Samples.copy("secure-boot", project);
    }

    @Test
    void mergedHexBootsTheThreeStagesInOrder() throws Exception {
        BuildResult result = build(Map.of(), Optional.empty());

        Path merged = result.mergedHex().orElseThrow();
        QemuResult boot = boot(merged);
        List<String> lines = boot.uartLines();
        assertEquals(0, boot.exitStatus(), String.join("\n", lines));
        assertStagesInOrder(lines, "b0:", "mcuboot:", "app: Hello from the application");
        assertEquals(
                "0x0",
                result.image("b0").orElseThrow().placement().flash().toString().split("\\.\\.")[0]);
        assertTrue(Files.readString(project.resolve("app/target/firmware/partitions.yml"))
                .contains("mcuboot:"));
        assertTrue(Files.isRegularFile(project.resolve("app/target/firmware/merged_domains.hex")));
        assertTrue(Files.readString(project.resolve("app/target/firmware/build-info.json"))
                .contains("\"name\" : \"b0\""));
        assertTrue(Files.readString(project.resolve("app/target/firmware/mcuboot/build.log"))
                .contains("mcuboot: building from source with gnu-arm"));
    }

    @Test
    void aSecondBuildCompilesNothingAndRewritesNothing() throws Exception {
        build(Map.of(), Optional.empty());
        Map<Path, FileTime> before = timestamps(project.resolve("app/target/firmware"));

        BuildResult again = build(Map.of(), Optional.empty());

        assertTrue(
                again.images().stream().allMatch(BuiltImage::upToDate),
                again.images().toString());
        assertEquals(before, timestamps(project.resolve("app/target/firmware")));
        assertFalse(log.at("INFO").stream()
                .anyMatch(line -> line.contains("building from source")
                        && log.at("INFO").indexOf(line) > log.at("INFO").size() / 2));
    }

    @Test
    void aChangedSourceRebuildsOnlyThatImageAndExplainsWhy() throws Exception {
        build(Map.of(), Optional.empty());
        Path main = project.resolve("mcuboot/src/main/c/main.c");
        Files.writeString(main, Files.readString(main) + "\n/* touched */\n");
        RecordingLog second = new RecordingLog();

        BuildResult again = new FirmwareBuild(second, new LocalProcessLauncher(), noRepository())
                .run(request(Map.of(), Optional.empty(), true));

        assertFalse(again.image("mcuboot").orElseThrow().upToDate());
        assertTrue(again.image("app").orElseThrow().upToDate());
        assertTrue(again.image("b0").orElseThrow().upToDate());
        assertTrue(
                second.at("INFO").contains("[explain] mcuboot: building because src/main.c changed"),
                second.lines().toString());
    }

    @Test
    void releaseBuildTypeSelectsTheReleaseFragments() throws Exception {
        // A release build must be signed, and not with the sample's development key.
        Path releaseKey = TestKeys.ed25519(project.resolve("release-key.pem"));
        SigningConfig signing = new SigningConfig(
                Optional.of(releaseKey),
                "release-key.pem",
                PassphraseSource.NONE,
                Optional.empty(),
                false,
                Optional.empty(),
                "1.0.0",
                false,
                Optional.empty(),
                OptionalInt.empty(),
                SigningConfig.DEFAULT_TIMESTAMP);
        BuildResult result = new FirmwareBuild(log, new LocalProcessLauncher(), noRepository())
                .signing(signing)
                .run(request(Map.of(), Optional.of("release"), false));

        List<String> lines = boot(result.mergedHex().orElseThrow()).uartLines();
        assertStagesInOrder(
                lines, "b0:", "mcuboot: second-stage bootloader (release)", "app: Hello from the release application");
    }

    @Test
    void forwardedConfigValueReachesTheGrandchild() throws Exception {
        BuildResult result = build(Map.of("mcuboot_b0_CONFIG_B0_BANNER", "\"forwarded banner\""), Optional.empty());

        assertTrue(Files.readString(project.resolve("app/target/firmware/b0/.config"))
                .contains("CONFIG_B0_BANNER=\"forwarded banner\""));
        assertStagesInOrder(boot(result.mergedHex().orElseThrow()).uartLines(), "b0: forwarded banner");
    }

    @Test
    void anImageThatDoesNotFitItsPartitionIsRefusedWithItsName() throws Exception {
        Files.writeString(project.resolve("b0/pm.yml"), "b0:\n  placement:\n    after: [start]\n  size: 0x100\n");

        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> build(Map.of(), Optional.empty()));

        assertTrue(error.getMessage().contains("b0"), error.getMessage());
        assertFalse(Files.exists(project.resolve("app/target/firmware/merged.hex")));
        assertTrue(Files.readString(project.resolve("app/target/firmware/b0/build.log"))
                .contains("b0: build failed: "));
    }

    @Test
    void aBootloaderBuiltAloneKeepsItsOwnPartitionAtTheStartOfFlash() throws Exception {
        BuildRequest alone = BuildRequest.builder(
                        new ProjectLayout(project),
                        "mcuboot",
                        List.of(ImageDeclaration.builder("mcuboot", project.resolve("mcuboot"))
                                .board("qemu_cortex_m3")
                                .build()),
                        project.resolve("mcuboot/target/firmware"))
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();

        BuildResult result = new FirmwareBuild(log, new LocalProcessLauncher(), noRepository()).run(alone);

        ImagePlacement placement = result.image("mcuboot").orElseThrow().placement();
        assertEquals("mcuboot", placement.partition());
        assertEquals("0x0..0xbe00 (0xbe00 bytes)", placement.flash().toString());
        // Nothing is in the primary slot, so mcuboot refuses to boot it after its banner.
        assertStagesInOrder(
                boot(result.mergedHex().orElseThrow()).uartLines(),
                "mcuboot: second-stage bootloader, booting app at 0x0000c000",
                "mcuboot: refusing app in mcuboot_primary at 0x0000be00: no MCUboot header (magic 0x00000000");
    }

    private BuildResult build(Map<String, String> variables, Optional<String> buildType) throws Exception {
        return new FirmwareBuild(log, new LocalProcessLauncher(), noRepository())
                .run(request(variables, buildType, false));
    }

    private BuildRequest request(Map<String, String> variables, Optional<String> buildType, boolean explain) {
        ImageDeclaration.Builder app = ImageDeclaration.builder("app", project.resolve("app"))
                .board("qemu_cortex_m3")
                .children("mcuboot");
        buildType.ifPresent(app::buildType);
        List<ImageDeclaration> declarations = List.of(
                app.build(),
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot"))
                        .children("b0")
                        .build(),
                ImageDeclaration.builder("b0", project.resolve("b0")).build());
        return BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .variables(variables)
                .options(new BuildOptions(false, 2, explain, Optional.empty()))
                .build();
    }

    private static HexArtifactResolver noRepository() {
        return HexArtifactResolver.unavailable("no repository in this test");
    }

    private QemuResult boot(Path merged) throws Exception {
        return new QemuRunner(new LocalProcessLauncher(), log)
                .run(QemuRequest.of(merged, "lm3s6965evb", Duration.ofSeconds(30), line -> {}));
    }

    private static void assertStagesInOrder(List<String> lines, String... prefixes) {
        int from = 0;
        for (String prefix : prefixes) {
            int found = -1;
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    found = i;
                    break;
                }
            }
            assertTrue(found >= 0, "'" + prefix + "' missing after line " + from + " in " + lines);
            from = found + 1;
        }
    }

    private static Map<Path, FileTime> timestamps(Path dir) throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path file : files) {
            times.put(file, Files.getLastModifiedTime(file));
        }
        return times;
    }
}
