package io.multiimage.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("tools")
class ExecToolchainTest {

    private static final MemoryRegion PARTITION = new MemoryRegion(0x8000, 0xc000);

    private static ToolchainRequest request(Path dir) {
        return TestImages.request("mcuboot", dir.resolve("src"), dir.resolve("build"), PARTITION)
                .includeDirs(List.of(dir.resolve("gen")))
                .defines(Map.of("NDEBUG", "", "LEVEL", "2"))
                .buildType("release")
                .confFiles(List.of(dir.resolve("prj.conf"), dir.resolve("extra.conf")))
                .parallelism(3)
                .facts(Map.of("MY_SIGNING_KEY", "key.pem"))
                .build();
    }

    @Test
    void commandSeesEveryFactInItsEnvironmentAndPlaceholdersAreExpanded(@TempDir Path dir) throws Exception {
        String script =
                "mkdir -p out && env | grep -E '^(FIRMWARE_|CMAKE_BUILD_PARALLEL_LEVEL|VERBOSE|MY_)' | sort > facts.txt"
                        + " && printf ':00000001FF\\n' > \"$1\" && echo \"extra: $2\" > extra.txt";
        ExecSettings settings = ExecSettings.producingHex(
                List.of("/bin/sh", "-c", script, "sh", "out/${FIRMWARE_IMAGE}-${FIRMWARE_FLASH_ORIGIN}.hex"),
                "out/${FIRMWARE_IMAGE}-${FIRMWARE_FLASH_ORIGIN}.hex");
        ToolchainRequest request =
                request(dir).toBuilder().extraArgs(List.of("--sign")).build();
        ToolchainOutputs outputs =
                new ExecToolchain(settings, new LocalProcessLauncher(), new RecordingLog()).build(request);

        Path build = dir.resolve("build");
        assertEquals(Optional.of(build.resolve("out/mcuboot-0x8000.hex")), outputs.hex());
        assertEquals(Optional.empty(), outputs.elf());
        assertEquals("extra: --sign\n", Files.readString(build.resolve("extra.txt")));
        assertEquals(
                List.of(
                        "CMAKE_BUILD_PARALLEL_LEVEL=3",
                        "FIRMWARE_BOARD=qemu_cortex_m3",
                        "FIRMWARE_BUILD_DIR=" + build,
                        "FIRMWARE_BUILD_TYPE=release",
                        "FIRMWARE_CONF_FILES=" + dir.resolve("prj.conf") + ";" + dir.resolve("extra.conf"),
                        "FIRMWARE_CPU=cortex-m3",
                        "FIRMWARE_DEFINES=LEVEL=2 NDEBUG",
                        "FIRMWARE_DTC_OVERLAY_FILES=",
                        "FIRMWARE_EXTRA_CONF_FILES=",
                        "FIRMWARE_FLASH_BASE=0x0",
                        "FIRMWARE_FLASH_END=0x14000",
                        "FIRMWARE_FLASH_LOAD_OFFSET=0x8000",
                        "FIRMWARE_FLASH_ORIGIN=0x8000",
                        "FIRMWARE_FLASH_SIZE=0xc000",
                        "FIRMWARE_FLOAT_ABI=soft",
                        "FIRMWARE_FPU=",
                        "FIRMWARE_IMAGE=mcuboot",
                        "FIRMWARE_INCLUDE_DIRS=" + dir.resolve("gen"),
                        "FIRMWARE_PARALLEL=3",
                        "FIRMWARE_RAM_END=0x20010000",
                        "FIRMWARE_RAM_ORIGIN=0x20000000",
                        "FIRMWARE_RAM_SIZE=0x10000",
                        "FIRMWARE_SOURCE_DIR=" + dir.resolve("src"),
                        "FIRMWARE_VERBOSE=0",
                        "MY_SIGNING_KEY=key.pem"),
                Files.readAllLines(build.resolve("facts.txt")));
    }

    @Test
    void verboseExportsVerboseAndLogsTheCommand(@TempDir Path dir) throws Exception {
        ExecSettings settings =
                ExecSettings.producingHex(List.of("/bin/sh", "-c", "echo \"VERBOSE=$VERBOSE\"; : > a.hex"), "a.hex");
        RecordingLog log = new RecordingLog();
        new ExecToolchain(settings, new LocalProcessLauncher(), log)
                .build(request(dir).toBuilder().verbose(true).build());
        assertEquals(List.of("/bin/sh -c 'echo \"VERBOSE=$VERBOSE\"; : > a.hex'", "VERBOSE=1"), log.at("INFO"));
    }

    @Test
    void failingCommandNamesImageCommandAndOutput(@TempDir Path dir) {
        ExecSettings settings =
                ExecSettings.producingHex(List.of("/bin/sh", "-c", "echo 'signing key missing' >&2; exit 3"), "a.hex");
        ToolchainFailedException e = assertThrows(
                ToolchainFailedException.class,
                () -> new ExecToolchain(settings, new LocalProcessLauncher(), new RecordingLog()).build(request(dir)));
        assertEquals(
                "Image 'mcuboot': running the exec toolchain command failed (exit code 3)\n"
                        + "  command: /bin/sh -c 'echo '\\''signing key missing'\\'' >&2; exit 3'\n"
                        + "  signing key missing",
                e.getMessage());
    }

    @Test
    void missingOutputIsReportedWithTheSetting(@TempDir Path dir) {
        ExecSettings settings = new ExecSettings(
                List.of("/bin/true"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("${FIRMWARE_IMAGE}.elf"),
                Duration.ofMinutes(1));
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new ExecToolchain(settings, new LocalProcessLauncher(), new RecordingLog()).build(request(dir)));
        assertEquals(
                "Image 'mcuboot': exec toolchain: the command succeeded but did not produce "
                        + dir.resolve("build/mcuboot.elf") + " (the configured elfFile)",
                e.getMessage());
    }

    @Test
    void timeoutIsReportedAsTimeoutNotAsExitCode(@TempDir Path dir) {
        ExecSettings settings = new ExecSettings(
                List.of("sleep", "30"),
                Optional.empty(),
                Optional.of("a.hex"),
                Optional.empty(),
                Duration.ofSeconds(1));
        ToolchainTimeoutException e = assertThrows(
                ToolchainTimeoutException.class,
                () -> new ExecToolchain(settings, new LocalProcessLauncher(), new RecordingLog()).build(request(dir)));
        assertEquals(
                "Image 'mcuboot': running the exec toolchain command: sleep 30 timed out after 1 s and was killed",
                e.getMessage());
    }

    @Test
    void unknownProgramIsAConfigurationError(@TempDir Path dir) {
        ExecSettings settings = ExecSettings.producingHex(List.of("no-such-signing-tool-xyz"), "a.hex");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new ExecToolchain(settings, new LocalProcessLauncher(), new RecordingLog()).build(request(dir)));
        assertTrue(
                e.getMessage().startsWith("Image 'mcuboot': exec toolchain: cannot run no-such-signing-tool-xyz: "),
                e.getMessage());
    }

    @Test
    void fingerprintShowsTheExpandedCommandAndFollowsTheFacts(@TempDir Path dir) throws Exception {
        ExecSettings settings =
                ExecSettings.producingHex(List.of("make", "IMAGE=${FIRMWARE_IMAGE}"), "${FIRMWARE_IMAGE}.hex");
        ExecToolchain exec = new ExecToolchain(settings, new LocalProcessLauncher(), new RecordingLog());
        String fingerprint = exec.fingerprint(request(dir));
        assertEquals(fingerprint, exec.fingerprint(request(dir)));
        assertTrue(
                fingerprint.startsWith("toolchain=exec\ncommand=make IMAGE=mcuboot\nworking-dir=" + dir.resolve("build")
                        + "\nhex=" + dir.resolve("build/mcuboot.hex") + "\nelf=\n"),
                fingerprint);
        assertTrue(fingerprint.contains("\nenv FIRMWARE_FLASH_ORIGIN=0x8000\n"), fingerprint);
        assertTrue(!fingerprint.equals(
                exec.fingerprint(request(dir).toBuilder().buildType("debug").build())));
    }

    @Test
    void fingerprintIgnoresTheJobCount(@TempDir Path dir) throws Exception {
        ExecSettings settings = ExecSettings.producingHex(List.of("make", "-j${FIRMWARE_PARALLEL}"), "a.hex");
        ExecToolchain exec = new ExecToolchain(settings, new LocalProcessLauncher(), new RecordingLog());
        assertEquals(
                exec.fingerprint(request(dir)),
                exec.fingerprint(request(dir).toBuilder().parallelism(1).build()));
        assertEquals(
                exec.fingerprint(request(dir)),
                exec.fingerprint(request(dir).toBuilder().parallelism(16).build()));
    }

    @Test
    void factsMayNotRedefineStandardOnes(@TempDir Path dir) {
        ToolchainRequest request =
                request(dir).toBuilder().facts(Map.of("FIRMWARE_IMAGE", "x")).build();
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> ToolchainFacts.of(request));
        assertEquals(
                "Image 'mcuboot': fact FIRMWARE_IMAGE is set by the build itself and cannot be given", e.getMessage());
    }
}
