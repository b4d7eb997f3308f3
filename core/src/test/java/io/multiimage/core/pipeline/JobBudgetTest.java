package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One job budget for the whole build: images built side by side, each compiling several units,
 * never run more compilers at once than the budget; and two builds of one session (two Maven
 * modules built with -T) share it.
 */
@Tag("tools")
class JobBudgetTest {

    @TempDir
    Path project;

    @Test
    void imagesAndTheirCompileUnitsShareOneBudget() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Samples.copy("secure-boot", project);
        for (String image : List.of("app", "mcuboot", "b0")) {
            for (int i = 0; i < 4; i++) {
                Files.writeString(
                        project.resolve(image + "/src/main/c/extra" + i + ".c"),
                        "int " + image + "_extra" + i + "(int x) { return x * " + (i + 3) + "; }\n");
            }
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ProcessLauncher local = new LocalProcessLauncher();
        ProcessLauncher counting = spec -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return local.run(spec);
            } finally {
                running.decrementAndGet();
            }
        };
        BuildSession session = new BuildSession(2);
        BuildRequest request =
                Samples.secureBootRequest(project, new BuildOptions(false, 3, false, java.util.Optional.empty()));

        new FirmwareBuild(new RecordingLog(), counting, HexArtifactResolver.unavailable("none"), session).run(request);

        assertTrue(most.get() <= 2, "at most 2 tool processes at once, saw " + most.get());
        assertEquals(2, session.jobs().size());

        // The next build (another session, as a new Maven run) finds everything up to date and
        // starts no process at all: the compiler's version comes from its memo in .state/.
        AtomicInteger started = new AtomicInteger();
        ProcessLauncher counting2 = spec -> {
            started.incrementAndGet();
            return local.run(spec);
        };
        new FirmwareBuild(new RecordingLog(), counting2, HexArtifactResolver.unavailable("none"), new BuildSession(2))
                .run(request);
        assertEquals(0, started.get(), "a no-op build starts no process");
    }
}
