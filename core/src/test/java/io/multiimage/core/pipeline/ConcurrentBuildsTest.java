package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of one directory at once (two CI jobs, an IDE and a terminal) take turns: neither
 * mixes its outputs and records with the other's, so the next build never calls the other
 * build's firmware up to date.
 */
@Tag("tools")
class ConcurrentBuildsTest {

    @TempDir
    Path project;

    @TempDir
    Path clean;

    @Test
    void twoBuildsAtOnceTakeTurnsAndTheNextBuildIsRightAboutWhatIsUpToDate() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Samples.copy("secure-boot", project);
        Samples.copy("secure-boot", clean);
        RecordingLog first = new RecordingLog();
        RecordingLog second = new RecordingLog();
        CountDownLatch start = new CountDownLatch(1);
        Throwable[] failures = new Throwable[2];
        Thread a = new Thread(() -> {
            try {
                start.await();
                build(project, "\"release banner\"", first);
            } catch (Throwable e) {
                failures[0] = e;
            }
        });
        Thread b = new Thread(() -> {
            try {
                start.await();
                build(project, "\"default banner\"", second);
            } catch (Throwable e) {
                failures[1] = e;
            }
        });
        a.start();
        b.start();
        start.countDown();
        a.join();
        b.join();
        assertTrue(failures[0] == null && failures[1] == null, () -> failures[0] + " / " + failures[1]);
        assertTrue(
                (first.lines() + " " + second.lines()).contains("Waiting for another build"),
                "one build must have waited for the other");

        // Whichever finished last, a serial build of the first variant gives exactly a clean build's bytes.
        build(project, "\"release banner\"", new RecordingLog());
        build(clean, "\"release banner\"", new RecordingLog());
        assertArrayEquals(
                Files.readAllBytes(clean.resolve("app/target/firmware/merged.hex")),
                Files.readAllBytes(project.resolve("app/target/firmware/merged.hex")));
    }

    private static void build(Path root, String banner, RecordingLog log) throws Exception {
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(root),
                        "app",
                        List.of(
                                ImageDeclaration.builder("app", root.resolve("app"))
                                        .board("qemu_cortex_m3")
                                        .children("mcuboot")
                                        .build(),
                                ImageDeclaration.builder("mcuboot", root.resolve("mcuboot"))
                                        .children("b0")
                                        .build(),
                                ImageDeclaration.builder("b0", root.resolve("b0"))
                                        .build()),
                        root.resolve("app/target/firmware"))
                .variables(Map.of("mcuboot_CONFIG_MCUBOOT_BANNER", banner))
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();
        new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none")).run(request);
    }
}
