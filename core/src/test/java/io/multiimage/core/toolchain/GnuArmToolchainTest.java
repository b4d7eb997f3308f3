package io.multiimage.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.CpuFacts;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("tools")
class GnuArmToolchainTest {

    private static final MemoryRegion APP_PARTITION = new MemoryRegion(0x14000, 0x2c000);

    /** Sources in sub-directories, in C, preprocessed and plain assembly, using generated headers. */
    private static Path writeProject(Path dir) throws Exception {
        Path src = dir.resolve("src");
        TestImages.write(src, "main.c", """
                #include <stdint.h>
                #include <autoconf.h>
                #include "drivers/uart.h"
                extern uint32_t __stack_top__;
                void Reset_Handler(void);
                typedef void (*vector_t)(void);
                __attribute__((section(".isr_vector"), used))
                const vector_t vector_table[2] = {(vector_t) &__stack_top__, Reset_Handler};
                const char greeting[] = CONFIG_APP_GREETING;
                const uint32_t board_id = BOARD_ID;
                uint32_t add_one(uint32_t);
                uint32_t twice(uint32_t);
                void Reset_Handler(void) { uart_write(greeting); for (;;) { (void) twice(add_one(board_id)); } }
                """);
        TestImages.write(src, "drivers/uart.h", "void uart_write(const char *text);\n");
        TestImages.write(src, "project.h", "#define UART_DATA ((volatile unsigned *) 0x4000C000u)\n");
        TestImages.write(src, "drivers/uart.c", """
                #include "uart.h"
                #include "project.h"
                void uart_write(const char *text) { while (*text) { *UART_DATA = (unsigned) *text++; } }
                """);
        TestImages.write(src, "asm/add_one.S", """
                #define INCREMENT 1
                    .syntax unified
                    .thumb
                    .global add_one
                    .type add_one, %function
                add_one:
                    adds r0, r0, #INCREMENT
                    bx lr
                """);
        TestImages.write(src, "asm/twice.s", """
                    .syntax unified
                    .thumb
                    .global twice
                    .type twice, %function
                twice:
                    lsls r0, r0, #1
                    bx lr
                """);
        TestImages.write(dir.resolve("generated"), "autoconf.h", "#define CONFIG_APP_GREETING \"hello\"\n");
        return src;
    }

    private static ToolchainRequest.Builder projectRequest(Path dir, String buildDir) {
        return TestImages.request("app", dir.resolve("src"), dir.resolve(buildDir), APP_PARTITION)
                .includeDirs(List.of(dir.resolve("generated")))
                .defines(Map.of("BOARD_ID", "0x1234"));
    }

    @Test
    void compilesEverySourceIntoObjectsMirroringTheirPathsAndLinksAtThePartition(@TempDir Path dir) throws Exception {
        writeProject(dir);
        RecordingLog log = new RecordingLog();
        ToolchainOutputs outputs = TestImages.gnuArm(log)
                .build(projectRequest(dir, "build").parallelism(2).build());

        Path build = dir.resolve("build");
        for (String object : List.of("main.c.o", "drivers/uart.c.o", "asm/add_one.S.o", "asm/twice.s.o")) {
            assertTrue(Files.isRegularFile(build.resolve("obj").resolve(object)), object);
        }
        assertTrue(Files.isRegularFile(build.resolve("obj/main.c.o.d")), "dependency file");
        assertEquals(Optional.of(build.resolve("app.elf")), outputs.elf());
        assertEquals(Optional.of(build.resolve("app.map")), outputs.map());
        assertEquals(Optional.empty(), outputs.hex());
        assertTrue(Files.readString(build.resolve("app.map")).contains("add_one"));

        Map<String, Long> symbols = TestImages.symbols(build.resolve("app.elf"));
        assertEquals(0x14000L, symbols.get("vector_table"));
        assertTrue(symbols.containsKey("add_one") && symbols.containsKey("twice") && symbols.containsKey("uart_write"));

        SizeReport size = outputs.size().orElseThrow();
        assertEquals(0x2c000, size.flashAvailable());
        assertEquals(0x10000, size.ramAvailable());
        assertTrue(size.text() > 8 && size.flashUsed() == size.text() + size.data(), size.toString());
        assertTrue(
                log.at("INFO").contains("Image 'app': " + size.summary()),
                log.lines().toString());
        assertTrue(
                log.at("INFO").get(0).startsWith("Image 'app': compiling 4 source files with "),
                log.lines().toString());
    }

    @Test
    void outputIsByteIdenticalWhateverTheParallelLevelAndBuildDirectory(@TempDir Path dir) throws Exception {
        writeProject(dir);
        GnuArmToolchain gnuArm = TestImages.gnuArm(new RecordingLog());
        Path serial = gnuArm.build(projectRequest(dir, "serial").parallelism(1).build())
                .elf()
                .orElseThrow();
        Path parallel = gnuArm.build(
                        projectRequest(dir, "parallel").parallelism(4).build())
                .elf()
                .orElseThrow();
        Path again = gnuArm.build(projectRequest(dir, "serial").parallelism(3).build())
                .elf()
                .orElseThrow();
        assertArrayEquals(Files.readAllBytes(serial), Files.readAllBytes(parallel));
        assertArrayEquals(Files.readAllBytes(parallel), Files.readAllBytes(again));
    }

    @Test
    void verboseLogsEveryCommandLineAtInfo(@TempDir Path dir) throws Exception {
        writeProject(dir);
        RecordingLog quiet = new RecordingLog();
        TestImages.gnuArm(quiet).build(projectRequest(dir, "quiet").build());
        RecordingLog verbose = new RecordingLog();
        TestImages.gnuArm(verbose)
                .build(projectRequest(dir, "verbose").verbose(true).build());

        List<String> commands = verbose.at("INFO").stream()
                .filter(line -> line.contains("arm-none-eabi-"))
                .toList();
        // four compiles, one link, one size measurement
        assertEquals(
                6, commands.stream().filter(line -> !line.startsWith("Image")).count(), commands.toString());
        assertTrue(commands.stream().anyMatch(line -> line.contains(" -c drivers/uart.c -o ")), commands.toString());
        assertTrue(commands.stream().anyMatch(line -> line.contains("-DBOARD_ID=0x1234")), commands.toString());
        assertTrue(commands.stream().anyMatch(line -> line.contains("-T app.ld obj/")), commands.toString());
        assertTrue(
                quiet.at("INFO").stream().noneMatch(line -> line.contains(" -c ")),
                quiet.lines().toString());
        assertTrue(
                quiet.at("DEBUG").stream().anyMatch(line -> line.contains(" -c drivers/uart.c ")),
                quiet.lines().toString());
    }

    @Test
    void compileErrorNamesImageFileCommandAndCompilerOutput(@TempDir Path dir) throws Exception {
        writeProject(dir);
        TestImages.write(dir.resolve("src"), "drivers/broken.c", "int broken(void) { return undeclared_symbol; }\n");
        ToolchainFailedException e = assertThrows(
                ToolchainFailedException.class,
                () -> TestImages.gnuArm(new RecordingLog())
                        .build(projectRequest(dir, "build").parallelism(2).build()));
        assertEquals("app", e.imageName());
        assertEquals(1, e.exitCode());
        assertTrue(
                e.getMessage().startsWith("Image 'app': compiling drivers/broken.c failed (exit code 1)\n  command: "),
                e.getMessage());
        assertTrue(
                e.commandLine().contains("arm-none-eabi-gcc") && e.commandLine().contains("-c drivers/broken.c"),
                e.commandLine());
        assertTrue(
                e.getMessage().contains("drivers/broken.c:1:27: error: 'undeclared_symbol' undeclared"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("build/app.elf")));
    }

    @Test
    void longCompilerOutputKeepsTheFirstErrorAndTheEnd(@TempDir Path dir) throws Exception {
        writeProject(dir);
        StringBuilder broken = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            broken.append("int f")
                    .append(i)
                    .append("(void) { return missing_")
                    .append(i)
                    .append("; }\n");
        }
        TestImages.write(dir.resolve("src"), "many_errors.c", broken.toString());
        ToolchainFailedException e = assertThrows(
                ToolchainFailedException.class,
                () -> TestImages.gnuArm(new RecordingLog())
                        .build(projectRequest(dir, "build").build()));
        assertTrue(e.outputTail().stream().anyMatch(line -> line.contains("'missing_1' undeclared")), e.getMessage());
        assertTrue(e.outputTail().stream().anyMatch(line -> line.contains("60 | int f60(void)")), e.getMessage());
        assertEquals(41, e.outputTail().size(), e.getMessage());
        assertTrue(
                e.outputTail().get(30).matches("\\.\\.\\. \\(\\d+ more lines\\) \\.\\.\\."),
                e.outputTail().get(30));
    }

    @Test
    void compilerWarningsAreLoggedAsWarnings(@TempDir Path dir) throws Exception {
        writeProject(dir);
        TestImages.write(dir.resolve("src"), "warn.c", "int unused_result(void) { int x; return 0; }\n");
        RecordingLog log = new RecordingLog();
        TestImages.gnuArm(log).build(projectRequest(dir, "build").build());
        assertTrue(
                log.at("WARN").stream().anyMatch(line -> line.contains("warn.c:1:31: warning: unused variable 'x'")),
                log.lines().toString());
    }

    @Test
    void missingCompilerInConfiguredPathSaysHowToInstall(@TempDir Path dir) throws Exception {
        writeProject(dir);
        Path empty = Files.createDirectories(dir.resolve("no-toolchain"));
        GnuArmToolchain gnuArm =
                GnuArmToolchain.create(Optional.of(empty), new LocalProcessLauncher(), new RecordingLog());
        ToolNotFoundException e = assertThrows(
                ToolNotFoundException.class,
                () -> gnuArm.build(projectRequest(dir, "build").build()));
        assertEquals(
                "arm-none-eabi-gcc not found (searched " + empty + ", " + empty.resolve("bin") + "). Install the GNU "
                        + "Arm Embedded toolchain with 'sudo apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi', or set "
                        + "firmware.toolchain.path to the directory that holds arm-none-eabi-gcc.",
                e.getMessage());
    }

    @Test
    void missingCompilerOnPathSaysHowToInstall(@TempDir Path dir) throws Exception {
        writeProject(dir);
        ExecutableLocator pathWithoutGcc =
                new ExecutableLocator(Optional.empty(), List.of(Path.of("/nonexistent/bin")));
        GnuArmToolchain gnuArm = new GnuArmToolchain(
                pathWithoutGcc, GnuArmSettings.defaults(), new LocalProcessLauncher(), new RecordingLog());
        ToolNotFoundException e = assertThrows(
                ToolNotFoundException.class,
                () -> gnuArm.build(projectRequest(dir, "build").build()));
        assertTrue(
                e.getMessage().startsWith("arm-none-eabi-gcc not found (searched /nonexistent/bin). Install"),
                e.getMessage());
    }

    @Test
    void configuredToolchainDirectoryOrItsBinIsUsed() {
        Path gcc = io.multiimage.testkit.ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Path root = gcc.getParent().getParent();
        assertEquals(Optional.of(gcc), new ExecutableLocator(Optional.of(root), List.of()).find("arm-none-eabi-gcc"));
        assertEquals(
                Optional.of(gcc),
                new ExecutableLocator(Optional.of(gcc.getParent()), List.of()).find("arm-none-eabi-gcc"));
    }

    @Test
    void interruptingABuildKillsTheRunningCompilers(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        for (int i = 0; i < 4; i++) {
            TestImages.write(src, "unit" + i + ".c", "int unit" + i + ";\n");
        }
        // A "compiler" that records its process id and then hangs.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path pids = Files.createDirectories(dir.resolve("pids"));
        Path fakeGcc =
                TestImages.write(bin, "arm-none-eabi-gcc", "#!/bin/sh\necho $$ > " + pids + "/$$\nexec sleep 300\n");
        fakeGcc.toFile().setExecutable(true);
        GnuArmToolchain gnuArm = new GnuArmToolchain(
                new ExecutableLocator(Optional.of(bin), List.of()),
                GnuArmSettings.defaults(),
                new LocalProcessLauncher(),
                new RecordingLog());
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                gnuArm.build(TestImages.request("app", src, dir.resolve("build"), APP_PARTITION)
                        .parallelism(2)
                        .build());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (listPids(pids).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<Long> running = listPids(pids);
        assertEquals(2, running.size(), "two compilers run at parallel level 2");
        caller.interrupt();
        caller.join(20_000);
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
        for (long pid : running) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent()) {
                handle.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        Thread.sleep(300);
        assertEquals(2, listPids(pids).size(), "no further compiler was started after the interrupt");
    }

    private static List<Long> listPids(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> Long.parseLong(f.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void fingerprintNamesTheCompilerReleaseAndFollowsEveryBuildSetting(@TempDir Path dir) throws Exception {
        writeProject(dir);
        GnuArmToolchain gnuArm = TestImages.gnuArm(new RecordingLog());
        ToolchainRequest request = projectRequest(dir, "build").build();
        String fingerprint = gnuArm.fingerprint(request);
        assertEquals(
                fingerprint, gnuArm.fingerprint(projectRequest(dir, "build").build()));
        assertTrue(fingerprint.contains("\ngcc-version=arm-none-eabi-gcc "), fingerprint);
        assertTrue(fingerprint.contains("ORIGIN = 0x00014000"), fingerprint);
        assertEquals(
                fingerprint,
                gnuArm.fingerprint(request.toBuilder().parallelism(8).build()),
                "the job count");
        List<ToolchainRequest> changed = List.of(
                request.toBuilder().flash(new MemoryRegion(0x18000, 0x28000)).build(),
                request.toBuilder().ram(new MemoryRegion(0x2000_0000L, 0x8000)).build(),
                request.toBuilder().defines(Map.of("BOARD_ID", "0x1235")).build(),
                request.toBuilder()
                        .cpu(new CpuFacts("cortex-m4", true, Optional.of("fpv4-sp-d16"), "hard"))
                        .build(),
                request.toBuilder().extraArgs(List.of("-O0")).build());
        for (ToolchainRequest other : changed) {
            assertTrue(!fingerprint.equals(gnuArm.fingerprint(other)), other.toString());
        }
        GnuArmSettings otherFlags =
                new GnuArmSettings(List.of("-O2"), GnuArmSettings.defaults().linkerFlags(), Duration.ofMinutes(1));
        GnuArmToolchain tuned = new GnuArmToolchain(
                ExecutableLocator.of(Optional.empty()), otherFlags, new LocalProcessLauncher(), new RecordingLog());
        assertTrue(!fingerprint.equals(tuned.fingerprint(request)));
    }

    @Test
    void noSourcesIsAClearError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        TestImages.write(dir.resolve("src"), "README.txt", "not a source\n");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> TestImages.gnuArm(new RecordingLog())
                        .build(TestImages.request("b0", dir.resolve("src"), dir.resolve("b"), APP_PARTITION)
                                .build()));
        assertEquals("Image 'b0': no C or assembly sources (.c, .s, .S) in " + dir.resolve("src"), e.getMessage());
    }

    @Test
    void parallelLevelBoundsConcurrentCompiles(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        for (int i = 0; i < 8; i++) {
            TestImages.write(src, "unit" + i + ".c", "int unit" + i + ";\n");
        }
        for (int level : new int[] {1, 3}) {
            ConcurrencyProbe probe = new ConcurrencyProbe(level, 8);
            Path gccDir = Files.createDirectories(dir.resolve("fake-bin-" + level));
            Path fakeGcc = Files.createFile(gccDir.resolve("arm-none-eabi-gcc"));
            fakeGcc.toFile().setExecutable(true);
            GnuArmToolchain gnuArm = new GnuArmToolchain(
                    new ExecutableLocator(Optional.of(gccDir), List.of()),
                    GnuArmSettings.defaults(),
                    probe,
                    new RecordingLog());
            gnuArm.build(TestImages.request("app", src, dir.resolve("build-" + level), APP_PARTITION)
                    .parallelism(level)
                    .build());
            assertEquals(level, probe.maxConcurrent.get(), "parallel level " + level);
            assertEquals(9, probe.runs.get(), "8 compiles and a link (no size tool next to the fake compiler)");
        }
    }

    /**
     * A launcher that pretends to compile, recording how many "compilers" ran at once. Each
     * compile waits (up to 5 s) until {@code level} run together, so a slow machine cannot hide
     * the parallelism, and a pool allowing more than {@code level} would show it.
     */
    private static final class ConcurrencyProbe implements ProcessLauncher {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        final int level;
        final int compiles;

        ConcurrencyProbe(int level, int compiles) {
            this.level = level;
            this.compiles = compiles;
        }

        @Override
        public ProcessResult run(ProcessSpec spec) throws InterruptedException {
            int started = runs.incrementAndGet();
            int now = running.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (running.get() < level && runs.get() < compiles && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                maxConcurrent.accumulateAndGet(running.get(), Math::max);
                Thread.sleep(started <= compiles ? 50 : 0);
                List<String> command = spec.command();
                // The linker runs in the build directory with relative names.
                Path base = spec.workingDir() == null ? Path.of("") : spec.workingDir();
                Path output = base.resolve(command.get(command.indexOf("-o") + 1));
                Files.createDirectories(output.getParent());
                Files.writeString(output, "fake");
                for (String argument : command) {
                    if (argument.startsWith("-Wl,-Map=")) {
                        Files.writeString(base.resolve(argument.substring("-Wl,-Map=".length())), "fake map");
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                running.decrementAndGet();
            }
            return new ProcessResult(spec.command(), 0, List.of(), List.of(), Duration.ofMillis(150));
        }
    }

    @Test
    void berkeleySizeOutputIsParsed() throws FirmwareException {
        ToolchainRequest request = TestImages.request("app", Path.of("src"), Path.of("build"), APP_PARTITION)
                .build();
        SizeReport report = GnuArmToolchain.parseBerkeley(
                List.of(
                        "   text\t   data\t    bss\t    dec\t    hex\tfilename",
                        "   1097\t      8\t     16\t   1121\t    461\tapp.elf"),
                request);
        assertEquals(new SizeReport(1097, 8, 16, 0x2c000, 0x10000), report);
        assertEquals(1105, report.flashUsed());
        assertEquals(24, report.ramUsed());
        assertEquals("flash 1105 of 180224 bytes (0.6%), RAM 24 of 65536 bytes (0.0%)", report.summary());
    }
}
