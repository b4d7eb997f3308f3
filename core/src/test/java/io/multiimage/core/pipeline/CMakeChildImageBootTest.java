package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.run.QemuRequest;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.run.QemuRunner;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.toolchain.CMakeSettings;
import io.multiimage.core.toolchain.TestImages;
import io.multiimage.testkit.ProjectPaths;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child image built by the {@code cmake} driver from a plain CMake project (no Zephyr) in the
 * secure-boot tree: app (gnu-arm, top) → mcuboot (the CMake project in
 * {@code core/src/test/resources/cmake-child/mcuboot}) → b0 (gnu-arm). The partition manager
 * places mcuboot in b0's slot s0, behind its header pad, at 0x8200 (the sign step puts the header
 * there and b0 checks it); the CMake project links at the flash base +
 * {@code CONFIG_FLASH_LOAD_OFFSET} it is given, includes the generated {@code autoconf.h} and
 * {@code pm_config.h} through {@code CPATH}, and boots the app from {@code PM_APP_ADDRESS}.
 */
@Tag("tools")
class CMakeChildImageBootTest {

    private static final Path CMAKE_PROJECT =
            ProjectPaths.root().resolve("core/src/test/resources/cmake-child/mcuboot");

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copyTree() throws IOException {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        ReferenceTools.require("cmake", "cmake");
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");
        Samples.copy("secure-boot", project);
        // The sample's gnu-arm mcuboot makes way for the CMake project.
        deleteTree(project.resolve("mcuboot"));
        copyTree(CMAKE_PROJECT, project.resolve("mcuboot"));
    }

    @Test
    void cmakeChildLinksAtItsLoadOffsetAndTheMergedFirmwareBootsThroughIt() throws Exception {
        BuildResult result = build(2);

        ImagePlacement mcuboot = result.image("mcuboot").orElseThrow().placement();
        assertEquals("0x8200..0x14000 (0xbe00 bytes)", mcuboot.flash().toString());
        assertEquals(0x8200L, mcuboot.loadOffset());
        assertEquals(
                0x8200L,
                TestImages.symbols(firmware("mcuboot/image/mcuboot.elf")).get("vectors"));
        assertTrue(
                Files.readString(firmware("mcuboot/build.log")).contains("mcuboot: building from source with cmake"),
                Files.readString(firmware("mcuboot/build.log")));

        QemuResult boot = boot(result);
        assertEquals(4, boot.uartLines().size(), boot.uartLines().toString());
        assertEquals(
                "b0: first-stage bootloader, booting mcuboot at 0x00008200",
                boot.uartLines().get(0));
        assertTrue(
                boot.uartLines().get(1).startsWith("b0: mcuboot in s0 verified"),
                boot.uartLines().toString());
        assertEquals(
                List.of(
                        "mcuboot (cmake): second-stage bootloader, linked at 0x00008200, booting app at 0x00014000",
                        "app: Hello from the application"),
                boot.uartLines().subList(2, 4));
        assertEquals(0, boot.exitStatus());
    }

    @Test
    void aMovedPartitionReconfiguresTheCMakeProjectAtItsNewOffset() throws Exception {
        build(2);
        // b0 grows by 4 KiB: mcuboot moves to 0x9200 and the app to 0x15000.
        Path pmYml = project.resolve("b0/pm.yml");
        Files.writeString(pmYml, Files.readString(pmYml).replace("size: 0x8000", "size: 0x9000"));

        BuildResult moved = build(2);

        assertFalse(moved.image("mcuboot").orElseThrow().upToDate());
        assertEquals(
                0x9200L,
                TestImages.symbols(firmware("mcuboot/image/mcuboot.elf")).get("vectors"));
        QemuResult boot = boot(moved);
        assertEquals(
                "b0: first-stage bootloader, booting mcuboot at 0x00009200",
                boot.uartLines().get(0));
        assertEquals(
                List.of(
                        "mcuboot (cmake): second-stage bootloader, linked at 0x00009200, booting app at 0x00015000",
                        "app: Hello from the application"),
                boot.uartLines().subList(2, 4));
        assertEquals(0, boot.exitStatus());
    }

    @Test
    void anotherJobCountDoesNotRebuildTheCMakeImage() throws Exception {
        build(2);
        Path hex = firmware("mcuboot/image/mcuboot.hex");
        var builtAt = Files.getLastModifiedTime(hex);

        BuildResult again = build(1);

        assertTrue(
                again.image("mcuboot").orElseThrow().upToDate(), again.images().toString());
        assertTrue(
                again.images().stream().allMatch(BuiltImage::upToDate),
                again.images().toString());
        assertEquals(builtAt, Files.getLastModifiedTime(hex));
    }

    private BuildResult build(int parallelism) throws Exception {
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot"))
                        .toolchain("cmake")
                        .children("b0")
                        .build(),
                // A child inherits its parent's toolchain: b0 says it is gnu-arm again.
                ImageDeclaration.builder("b0", project.resolve("b0"))
                        .toolchain("gnu-arm")
                        .build());
        ImageSources cmakeProject = new ImageSources(
                project.resolve("mcuboot"),
                Optional.of(CMakeSettings.defaults()
                        .withGenerator("Ninja")
                        .withHexFile("image/mcuboot.hex")
                        .withElfFile("image/mcuboot.elf")),
                Optional.empty(),
                List.of());
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .sources(Map.of("mcuboot", cmakeProject))
                .options(new BuildOptions(false, parallelism, false, Optional.empty()))
                .build();
        return new FirmwareBuild(
                        log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("no repository in this test"))
                .run(request);
    }

    private QemuResult boot(BuildResult result) throws Exception {
        return new QemuRunner(new LocalProcessLauncher(), log)
                .run(QemuRequest.of(
                        result.mergedHex().orElseThrow(), "lm3s6965evb", Duration.ofSeconds(30), line -> {}));
    }

    private Path firmware(String relative) {
        return project.resolve("app/target/firmware").resolve(relative);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path copy = to.resolve(from.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
