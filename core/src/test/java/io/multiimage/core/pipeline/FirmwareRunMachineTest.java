package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which QEMU machine a tree boots on, decided before anything is compiled. */
class FirmwareRunMachineTest {

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @Test
    void everyDomainsBoardMustNameTheMachineOfTheTopBoard() throws Exception {
        Samples.copy("dual-core-qemu", project);
        // A project board that hides the shipped CPU1 board and names no QEMU machine.
        Path shipped = ProjectPaths.root().resolve("core/src/main/resources/io/multiimage/core/boards/mps2_an521_cpu1");
        Path mine = Files.createDirectories(project.resolve("boards/mps2_an521_cpu1"));
        Files.writeString(
                mine.resolve("board.properties"),
                Files.readString(shipped.resolve("board.properties")).replace("qemu.machine=mps2-an521\n", ""));
        Files.copy(shipped.resolve("mps2_an521_cpu1.dts"), mine.resolve("mps2_an521_cpu1.dts"));

        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> run("mps2/an521/cpu0"));

        assertEquals(
                "Image remote of domain CPU1 is built for board mps2/an521/cpu1, which QEMU does not emulate, but"
                        + " the tree boots on machine mps2-an521 (board mps2/an521/cpu0 of image app): every domain's board must"
                        + " name the same qemu.machine to run the tree",
                error.getMessage());
        assertTrue(
                log.at("INFO").stream().noneMatch(line -> line.contains("building from source")),
                "nothing is compiled for a tree that cannot run");
    }

    @Test
    void aTopBoardWithoutEmulatorNamesTheShippedBoardsThatHaveOne() throws Exception {
        Samples.copy("dual-core-qemu", project);

        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> run("nrf5340dk/nrf5340/cpuapp"));

        assertTrue(
                error.getMessage()
                        .startsWith("Board nrf5340dk/nrf5340/cpuapp of image app has no QEMU machine, so"
                                + " it cannot be run here; shipped boards that can: mps2/an505, mps2/an505/ns, mps2/an521/cpu0,"
                                + " mps2/an521/cpu0/ns, mps2/an521/cpu1, qemu_cortex_m3"),
                error.getMessage());
    }

    @Test
    void aTreeOfNonSecureImagesOnlyIsRefusedBeforeAnythingIsCompiled() throws Exception {
        Samples.copy("spm-qemu", project);
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project),
                        "app",
                        List.of(ImageDeclaration.builder("app", project.resolve("app"))
                                .board("mps2/an505/ns")
                                .build()),
                        project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 1, false, Optional.empty()))
                .build();

        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> new FirmwareRun(log, NO_PROCESSES, HexArtifactResolver.unavailable("no repository"))
                        .run(request, Duration.ofSeconds(1), line -> {}));

        assertEquals(
                "Every image of domain CPUAPP is non-secure (app on mps2/an505/ns), but the CPU of machine"
                        + " mps2-an505 starts in the secure state: it would lock up before the first instruction. Add a secure"
                        + " image that starts app: a child image of app builds for mps2/an505 by the /ns rule (see"
                        + " samples/spm-qemu)",
                error.getMessage());
    }

    private static final ProcessLauncher NO_PROCESSES = spec -> {
        throw new AssertionError("no process may start: " + spec.commandLine());
    };

    private void run(String board) throws Exception {
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board(board)
                        .children("remote")
                        .build(),
                ImageDeclaration.builder("remote", project.resolve("remote"))
                        .domain(board.startsWith("nrf") ? "CPUNET" : "CPU1")
                        .build());
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 1, false, Optional.empty()))
                .build();
        new FirmwareRun(log, NO_PROCESSES, HexArtifactResolver.unavailable("no repository"))
                .run(request, Duration.ofSeconds(1), line -> {});
    }
}
