package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.run.QemuRequest;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.run.QemuRunner;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.testkit.ProjectPaths;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on {@code samples/dual-core-qemu}, without Maven: CPU0's image (domain CPU0)
 * with CPU1's image as its child in domain CPU1, each laid out in its own part of the AN521's
 * shared memory, merged into {@code merged_domains.hex} and booted by {@link FirmwareRun} on
 * QEMU's {@code mps2-an521}, where both cores run.
 */
@Tag("tools")
class DualCoreQemuSampleTest {

    private static final List<String> BOTH_CORES = List.of(
            "cpu0: Hello from CPU0 (CPU_IDENTITY 0x00000000)",
            "cpu0: starting CPU1 at 0x10380000",
            "cpu1: Hello from CPU1 (CPU_IDENTITY 0x00000001)",
            "cpu1: its FPU computed 2.5 * 4 = 0x0000000a");

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copySample() throws IOException {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");
        Samples.copy("dual-core-qemu", project);
    }

    @Test
    void bothCoresPrintOnTheUartAndTheSecondEndsTheSession() throws Exception {
        List<String> uart = Collections.synchronizedList(new ArrayList<>());

        QemuResult result = run(uart::add);

        assertEquals(0, result.exitStatus(), String.join("\n", uart));
        assertEquals(BOTH_CORES, uart);
        Path merged = project.resolve("app/target/firmware/merged_domains.hex");
        assertTrue(
                log.at("INFO").contains("Booting " + merged + " on QEMU machine mps2-an521"),
                log.lines().toString());
        assertTrue(
                log.at("INFO").contains("remote: board mps2/an521/cpu1 (the board of domain CPU1 on mps2/an521/cpu0)"),
                log.lines().toString());
    }

    @Test
    void eachDomainIsLaidOutInItsOwnPartOfTheSharedMemory() throws Exception {
        run(line -> {});
        Path out = project.resolve("app/target/firmware");

        assertTrue(Files.readString(out.resolve("partitions.yml")).contains("app:\n  address: 0x10000000\n"));
        assertTrue(Files.readString(out.resolve("partitions_CPU1.yml")).contains("remote:\n  address: 0x10380000\n"));
        assertTrue(Files.readString(out.resolve("app/pm_config.h"))
                .contains("#define PM_CPU1_REMOTE_ADDRESS 0x10380000\n"));
        assertTrue(Files.readString(out.resolve("remote/remote.ld")).contains("RAM (rwx) : ORIGIN = 0x38200000"));
        assertTrue(Files.readString(out.resolve("app/app.ld")).contains("RAM (rwx) : ORIGIN = 0x38000000"));
        MemoryImage cpu0 = IntelHex.read(out.resolve("merged.hex"));
        MemoryImage cpu1 = IntelHex.read(out.resolve("merged_CPU1.hex"));
        MemoryImage both = IntelHex.read(out.resolve("merged_domains.hex"));
        assertEquals(0x10000000L, cpu0.span().orElseThrow().start());
        assertEquals(0x10380000L, cpu1.span().orElseThrow().start());
        assertTrue(cpu0.span().orElseThrow().start() + cpu0.span().orElseThrow().length() <= 0x10380000L);
        assertEquals(cpu0.size() + cpu1.size(), both.size());
        assertArrayEquals(cpu1.read(0x10380000L, 8, (byte) 0), both.read(0x10380000L, 8, (byte) 0));
    }

    @Test
    void theFirstDomainAloneFindsNoImageForTheSecondCore() throws Exception {
        // Why firmware:run boots merged_domains.hex: merged.hex has CPU0's bytes only.
        run(line -> {});
        List<String> uart = Collections.synchronizedList(new ArrayList<>());

        QemuResult result = new QemuRunner(new LocalProcessLauncher(), new RecordingLog())
                .run(QemuRequest.of(
                        project.resolve("app/target/firmware/merged.hex"),
                        "mps2-an521",
                        Duration.ofSeconds(60),
                        uart::add));

        assertEquals(1, result.exitStatus(), String.join("\n", uart));
        assertEquals(List.of(BOTH_CORES.get(0), "cpu0: no image for CPU1 at 0x10380000"), uart);
    }

    @Test
    void eachImageCarriesAnIdenticalCopyOfTheConsole() throws Exception {
        Path reference = ProjectPaths.root().resolve("samples/spm-qemu/spm/src/main/c");
        for (String file : List.of("console.c", "console.h")) {
            byte[] expected = Files.readAllBytes(reference.resolve(file));
            assertArrayEquals(
                    expected,
                    Files.readAllBytes(project.resolve("app/src/main/c").resolve(file)),
                    file);
            assertArrayEquals(
                    expected,
                    Files.readAllBytes(project.resolve("remote/src/main/c").resolve(file)),
                    file);
        }
    }

    private QemuResult run(Consumer<String> uart) throws Exception {
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("mps2/an521/cpu0")
                        .children("remote")
                        .build(),
                ImageDeclaration.builder("remote", project.resolve("remote"))
                        .domain("CPU1")
                        .build());
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();
        return new FirmwareRun(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("no repository"))
                .run(request, Duration.ofSeconds(60), uart);
    }
}
