package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.toolchain.ExecSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build interrupted while an image's toolchain runs (Ctrl-C, a killed CI job) leaves no
 * merged output and no record claiming the image was built: the next build builds it.
 */
@Tag("tools")
class InterruptedBuildTest {

    @TempDir
    Path project;

    @Test
    void anInterruptedBuildLeavesNoOutputsAndTheNextBuildRedoesTheImage() throws Exception {
        Files.createDirectories(project.resolve("app/src"));
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_X=y\n");
        Path started = project.resolve("started");
        // Announces that the toolchain runs, then takes far longer than the test waits.
        BuildRequest slow = request(List.of("sh", "-c", "touch '" + started + "'; sleep 60"));

        CompletableFuture<BuildResult> build = new CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try {
                build.complete(
                        new FirmwareBuild(new RecordingLog(), new LocalProcessLauncher(), noRepository()).run(slow));
            } catch (Throwable e) {
                build.completeExceptionally(e);
            }
        });
        builder.start();
        for (int i = 0; i < 200 && !Files.exists(started); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(started), "the toolchain never started");
        builder.interrupt();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> build.get(20, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, failure.getCause(), String.valueOf(failure.getCause()));
        Path out = project.resolve("app/target/firmware");
        assertFalse(Files.exists(out.resolve("merged.hex")));
        assertFalse(Files.exists(out.resolve("app/app.hex")));
        assertFalse(Files.exists(out.resolve("app/.state/build.record")));

        RecordingLog second = new RecordingLog();
        BuildResult result = new FirmwareBuild(second, new LocalProcessLauncher(), noRepository())
                .run(request(List.of(
                        // A vector table (SP 0x20010000, reset 0x9): the verify step checks every image has one.
                        "sh", "-c", "printf ':080000000000012009000000CE\\n:00000001FF\\n' > out.hex")));

        assertFalse(result.image("app").orElseThrow().upToDate());
        assertTrue(Files.exists(out.resolve("merged.hex")));
        assertTrue(
                second.at("INFO").contains("[explain] app: building because no record of a completed build"),
                second.lines().toString());
    }

    private BuildRequest request(List<String> command) {
        ImageDeclaration app = ImageDeclaration.builder("app", project.resolve("app"))
                .board("qemu_cortex_m3")
                .toolchain("exec")
                .build();
        ImageSources sources = new ImageSources(
                project.resolve("app/src"),
                Optional.empty(),
                Optional.of(new ExecSettings(
                        command, Optional.empty(), Optional.of("out.hex"), Optional.empty(), Duration.ofMinutes(2))),
                List.of());
        return BuildRequest.builder(
                        new ProjectLayout(project), "app", List.of(app), project.resolve("app/target/firmware"))
                .sources(Map.of("app", sources))
                .options(new BuildOptions(false, 1, true, Optional.empty()))
                .build();
    }

    private static HexArtifactResolver noRepository() {
        return HexArtifactResolver.unavailable("no repository in this test");
    }
}
