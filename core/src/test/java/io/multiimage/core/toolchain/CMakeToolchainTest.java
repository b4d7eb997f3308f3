package io.multiimage.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("tools")
class CMakeToolchainTest {

    private static final MemoryRegion PARTITION = new MemoryRegion(0x8000, 0xc000);

    /** A real CMake project, cross-compiled with arm-none-eabi-gcc, that writes zephyr/zephyr.hex. */
    private static final String CMAKE_LISTS = """
            cmake_minimum_required(VERSION 3.20)
            set(CMAKE_SYSTEM_NAME Generic)
            set(CMAKE_SYSTEM_PROCESSOR arm)
            set(CMAKE_C_COMPILER arm-none-eabi-gcc)
            set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
            project(tiny C)
            file(WRITE ${CMAKE_BINARY_DIR}/configured.txt
                 "BOARD=${BOARD}\\nCONF_FILE=${CONF_FILE}\\nEXTRA_CONF_FILE=${EXTRA_CONF_FILE}\\n"
                 "DTC_OVERLAY_FILE=${DTC_OVERLAY_FILE}\\nCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}\\n"
                 "GREETING=${GREETING}\\nFLASH=$ENV{FIRMWARE_FLASH_ORIGIN}\\n"
                 "CONFIG_FLASH_LOAD_OFFSET=${CONFIG_FLASH_LOAD_OFFSET}\\nCONFIG_FLASH_LOAD_SIZE=${CONFIG_FLASH_LOAD_SIZE}\\n"
                 "CONFIG_USE_DT_CODE_PARTITION=${CONFIG_USE_DT_CODE_PARTITION}\\n"
                 "MULTIIMAGE_INCLUDE_DIRS=${MULTIIMAGE_INCLUDE_DIRS}\\n")
            add_executable(zephyr.elf main.c)
            target_compile_options(zephyr.elf PRIVATE -mcpu=cortex-m3 -mthumb)
            target_compile_definitions(zephyr.elf PRIVATE "GREETING=\\"${GREETING}\\"")
            target_link_options(zephyr.elf PRIVATE -mcpu=cortex-m3 -mthumb -nostartfiles
                                --specs=nano.specs --specs=nosys.specs -Wl,-Ttext=$ENV{FIRMWARE_FLASH_ORIGIN})
            set_target_properties(zephyr.elf PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/zephyr)
            add_custom_command(TARGET zephyr.elf POST_BUILD
                               COMMAND arm-none-eabi-objcopy -O ihex $<TARGET_FILE:zephyr.elf> ${CMAKE_BINARY_DIR}/zephyr/zephyr.hex)
            """;

    private static ToolchainRequest.Builder request(Path dir) {
        return TestImages.request("netcore", dir.resolve("project"), dir.resolve("build"), PARTITION)
                .includeDirs(List.of(dir.resolve("gen")))
                .confFiles(List.of(dir.resolve("project/prj.conf")))
                .extraConfFiles(List.of(dir.resolve("a.conf"), dir.resolve("b.conf")))
                .dtcOverlayFiles(List.of(dir.resolve("pins.overlay")))
                .buildType("release")
                .forwardedVariables(Map.of("GREETING", "hello cmake", "CONFIG_DEBUG", "n"));
    }

    @Test
    void configuresWithEveryFactAsDefinitionAndBuildsWithParallelAndVerbose(@TempDir Path dir) throws Exception {
        TestImages.write(dir, "project/CMakeLists.txt", "project(x)\n");
        RecordingLauncher launcher = new RecordingLauncher(dir.resolve("build/out/netcore.hex"));
        CMakeSettings settings =
                CMakeSettings.defaults().withGenerator("Unix Makefiles").withHexFile("out/netcore.hex");
        Path cmakeDir = Files.createDirectories(dir.resolve("cmake-bin"));
        Files.createFile(cmakeDir.resolve("cmake")).toFile().setExecutable(true);
        ToolchainOutputs outputs = new CMakeToolchain(
                        new ExecutableLocator(Optional.of(cmakeDir), List.of()), settings, launcher, new RecordingLog())
                .build(request(dir)
                        .parallelism(4)
                        .verbose(true)
                        .extraArgs(List.of("-Wno-dev"))
                        .build());

        String cmake = cmakeDir.resolve("cmake").toString();
        assertEquals(
                List.of(
                        cmake,
                        "--no-warn-unused-cli",
                        "-S",
                        dir.resolve("project").toString(),
                        "-B",
                        dir.resolve("build").toString(),
                        "-G",
                        "Unix Makefiles",
                        "-DBOARD=qemu_cortex_m3",
                        "-DCONF_FILE=" + dir.resolve("project/prj.conf"),
                        "-DEXTRA_CONF_FILE=" + dir.resolve("a.conf") + ";" + dir.resolve("b.conf"),
                        "-DDTC_OVERLAY_FILE=" + dir.resolve("pins.overlay"),
                        "-DCMAKE_BUILD_TYPE=release",
                        "-DCONFIG_DEBUG=n",
                        "-DGREETING=hello cmake",
                        "-DCONFIG_FLASH_LOAD_OFFSET=0x8000",
                        "-DCONFIG_FLASH_LOAD_SIZE=0xc000",
                        "-DCONFIG_USE_DT_CODE_PARTITION=n",
                        "-DMULTIIMAGE_INCLUDE_DIRS=" + dir.resolve("gen"),
                        "-Wno-dev"),
                launcher.specs.get(0).command());
        assertEquals(
                List.of(cmake, "--build", dir.resolve("build").toString(), "--parallel", "4", "--verbose"),
                launcher.specs.get(1).command());
        String inherited = Optional.ofNullable(System.getenv("CPATH"))
                .filter(path -> !path.isEmpty())
                .map(path -> File.pathSeparator + path)
                .orElse("");
        for (ProcessSpec spec : launcher.specs) {
            assertEquals(dir.resolve("build"), spec.workingDir());
            assertEquals("0x8000", spec.env().get("FIRMWARE_FLASH_ORIGIN"));
            assertEquals("4", spec.env().get("CMAKE_BUILD_PARALLEL_LEVEL"));
            assertEquals(dir.resolve("gen") + inherited, spec.env().get("CPATH"));
        }
        assertEquals(Optional.of(dir.resolve("build/out/netcore.hex")), outputs.hex());
        assertEquals(Optional.empty(), outputs.elf());
    }

    @Test
    void emptySettingsAreLeftOutAndQuietBuildHasNoVerboseFlag(@TempDir Path dir) throws Exception {
        TestImages.write(dir, "project/CMakeLists.txt", "project(x)\n");
        RecordingLauncher launcher = new RecordingLauncher(dir.resolve("build/zephyr/zephyr.hex"));
        Path cmakeDir = Files.createDirectories(dir.resolve("cmake-bin"));
        Files.createFile(cmakeDir.resolve("cmake")).toFile().setExecutable(true);
        ToolchainRequest bare = ToolchainRequest.builder("netcore", dir.resolve("project"), dir.resolve("build"))
                .flash(PARTITION)
                .ram(TestImages.SRAM)
                .build();
        new CMakeToolchain(
                        new ExecutableLocator(Optional.of(cmakeDir), List.of()),
                        CMakeSettings.defaults().withGenerator("Ninja"),
                        launcher,
                        new RecordingLog())
                .build(bare);
        String cmake = cmakeDir.resolve("cmake").toString();
        assertEquals(
                List.of(
                        cmake,
                        "--no-warn-unused-cli",
                        "-S",
                        dir.resolve("project").toString(),
                        "-B",
                        dir.resolve("build").toString(),
                        "-G",
                        "Ninja",
                        "-DCONFIG_FLASH_LOAD_OFFSET=0x8000",
                        "-DCONFIG_FLASH_LOAD_SIZE=0xc000",
                        "-DCONFIG_USE_DT_CODE_PARTITION=n"),
                launcher.specs.get(0).command());
        assertEquals(
                List.of(cmake, "--build", dir.resolve("build").toString(), "--parallel", "1"),
                launcher.specs.get(1).command());
        // Without generated headers the user's own CPATH is left alone.
        assertTrue(launcher.specs.stream().noneMatch(spec -> spec.env().containsKey("CPATH")));
    }

    @Test
    void placementIsHandedOverAsAnOffsetIntoTheFlashAndTheWholePartitionSize(@TempDir Path dir) throws Exception {
        TestImages.write(dir, "project/CMakeLists.txt", "project(x)\n");
        RecordingLauncher launcher = new RecordingLauncher(dir.resolve("build/zephyr/zephyr.hex"));
        Path cmakeDir = Files.createDirectories(dir.resolve("cmake-bin"));
        Files.createFile(cmakeDir.resolve("cmake")).toFile().setExecutable(true);
        // An STM32-like flash at 0x08000000: Zephyr counts CONFIG_FLASH_LOAD_OFFSET from there.
        ToolchainRequest stm32 = ToolchainRequest.builder("app", dir.resolve("project"), dir.resolve("build"))
                .flash(new MemoryRegion(0x0802_0000L, 0x6_0000))
                .flashBase(0x0800_0000L)
                .ram(TestImages.SRAM)
                .build();
        new CMakeToolchain(
                        new ExecutableLocator(Optional.of(cmakeDir), List.of()),
                        CMakeSettings.defaults().withGenerator("Ninja"),
                        launcher,
                        new RecordingLog())
                .build(stm32);

        List<String> configure = launcher.specs.get(0).command();
        assertTrue(
                configure.containsAll(List.of(
                        "-DCONFIG_FLASH_LOAD_OFFSET=0x20000",
                        "-DCONFIG_FLASH_LOAD_SIZE=0x60000",
                        "-DCONFIG_USE_DT_CODE_PARTITION=n")),
                configure.toString());
        assertEquals("0x8000000", launcher.specs.get(0).env().get("FIRMWARE_FLASH_BASE"));
        assertEquals("0x20000", launcher.specs.get(0).env().get("FIRMWARE_FLASH_LOAD_OFFSET"));
    }

    @Test
    void placementWinsOverAForwardedLoadOffsetAndExtraArgumentsComeLast(@TempDir Path dir) throws Exception {
        TestImages.write(dir, "project/CMakeLists.txt", "project(x)\n");
        RecordingLauncher launcher = new RecordingLauncher(dir.resolve("build/zephyr/zephyr.hex"));
        Path cmakeDir = Files.createDirectories(dir.resolve("cmake-bin"));
        Files.createFile(cmakeDir.resolve("cmake")).toFile().setExecutable(true);
        new CMakeToolchain(
                        new ExecutableLocator(Optional.of(cmakeDir), List.of()),
                        CMakeSettings.defaults().withGenerator("Ninja"),
                        launcher,
                        new RecordingLog())
                .build(request(dir)
                        .forwardedVariables(Map.of("CONFIG_FLASH_LOAD_OFFSET", "0x0"))
                        .extraArgs(List.of("-DCONFIG_USE_DT_CODE_PARTITION=y"))
                        .build());

        List<String> configure = launcher.specs.get(0).command();
        // CMake keeps the last -D of a name: the placement's offset, then the user's explicit argument.
        assertTrue(
                configure.indexOf("-DCONFIG_FLASH_LOAD_OFFSET=0x0")
                        < configure.indexOf("-DCONFIG_FLASH_LOAD_OFFSET=0x8000"),
                configure.toString());
        assertEquals("-DCONFIG_USE_DT_CODE_PARTITION=y", configure.get(configure.size() - 1));
    }

    @Test
    void compilerSearchPathPutsTheGeneratedHeadersAheadOfTheUsersOwn(@TempDir Path dir) throws Exception {
        ToolchainRequest request = request(dir)
                .includeDirs(List.of(dir.resolve("gen"), dir.resolve("gen2")))
                .build();

        assertEquals(
                dir.resolve("gen") + File.pathSeparator + dir.resolve("gen2") + File.pathSeparator + "/opt/include",
                CMakeToolchain.environment(request, Optional.of("/opt/include")).get("CPATH"));
        assertEquals(
                dir.resolve("gen") + File.pathSeparator + dir.resolve("gen2"),
                CMakeToolchain.environment(request, Optional.of("")).get("CPATH"));
        assertEquals(
                ToolchainFacts.of(request).keySet(),
                new java.util.TreeSet<>(CMakeToolchain.environment(
                                request.toBuilder().includeDirs(List.of()).build(), Optional.of("/opt/include"))
                        .keySet()),
                "no CPATH without generated headers");
    }

    @Test
    void buildsARealCrossCompiledCMakeProjectAndCollectsItsHex(@TempDir Path dir) throws Exception {
        Path cmake = ReferenceTools.require("cmake", "cmake");
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi libnewlib-arm-none-eabi");
        TestImages.write(dir, "project/CMakeLists.txt", CMAKE_LISTS);
        // The generated headers, found through CPATH: the project names no include directory.
        TestImages.write(dir, "gen/pm_config.h", "#define PM_NETCORE_ADDRESS 0x8000\n");
        TestImages.write(dir, "gen/autoconf.h", "#define CONFIG_NETCORE_CHANNEL 11\n");
        TestImages.write(dir, "project/main.c", """
                #include <pm_config.h>
                #include "autoconf.h"
                const char greeting[] = GREETING;
                const unsigned partition_address = PM_NETCORE_ADDRESS;
                const unsigned channel = CONFIG_NETCORE_CHANNEL;
                int main(void) { return greeting[0] + partition_address + channel; }
                void _start(void) { main(); for (;;) { } }
                """);
        RecordingLog log = new RecordingLog();
        ToolchainOutputs outputs = new CMakeToolchain(
                        ExecutableLocator.of(Optional.of(cmake.getParent())),
                        CMakeSettings.defaults(),
                        new LocalProcessLauncher(),
                        log)
                .build(request(dir).parallelism(2).verbose(true).build());

        Path hex = dir.resolve("build/zephyr/zephyr.hex");
        assertEquals(Optional.of(hex), outputs.hex());
        assertEquals(Optional.of(dir.resolve("build/zephyr/zephyr.elf")), outputs.elf());
        assertTrue(Files.readString(hex).strip().endsWith(":00000001FF"), "a complete Intel HEX file");
        assertEquals(
                List.of(
                        "BOARD=qemu_cortex_m3",
                        "CONF_FILE=" + dir.resolve("project/prj.conf"),
                        "EXTRA_CONF_FILE=" + dir.resolve("a.conf") + ";" + dir.resolve("b.conf"),
                        "DTC_OVERLAY_FILE=" + dir.resolve("pins.overlay"),
                        "CMAKE_BUILD_TYPE=release",
                        "GREETING=hello cmake",
                        "FLASH=0x8000",
                        "CONFIG_FLASH_LOAD_OFFSET=0x8000",
                        "CONFIG_FLASH_LOAD_SIZE=0xc000",
                        "CONFIG_USE_DT_CODE_PARTITION=n",
                        "MULTIIMAGE_INCLUDE_DIRS=" + dir.resolve("gen")),
                Files.readAllLines(dir.resolve("build/configured.txt")));
        Map<String, Long> symbols = TestImages.symbols(dir.resolve("build/zephyr/zephyr.elf"));
        assertTrue(
                symbols.get("main") >= 0x8000 && symbols.get("main") < 0x14000, Long.toHexString(symbols.get("main")));
        assertTrue(symbols.containsKey("partition_address"), symbols.toString());
        // Every variable is meant for the project, whether it uses it or not: no CMake warning about them.
        assertTrue(
                log.at("WARN").stream().noneMatch(line -> line.contains("not used by the project")),
                log.lines().toString());
        // --verbose makes the build tool print the compiler command lines.
        assertTrue(
                log.at("INFO").stream().anyMatch(line -> line.contains("arm-none-eabi-gcc") && line.contains("main.c")),
                log.lines().toString());
    }

    @Test
    void fingerprintNamesTheCMakeReleaseAndTheCommandLines(@TempDir Path dir) throws Exception {
        Path cmake = ReferenceTools.require("cmake", "cmake");
        CMakeToolchain driver = new CMakeToolchain(
                ExecutableLocator.of(Optional.of(cmake.getParent())),
                CMakeSettings.defaults().withGenerator("Ninja"),
                new LocalProcessLauncher(),
                new RecordingLog());
        String fingerprint = driver.fingerprint(request(dir).build());
        assertEquals(fingerprint, driver.fingerprint(request(dir).build()));
        assertTrue(fingerprint.startsWith("toolchain=cmake\ncmake-version=cmake version 3."), fingerprint);
        assertTrue(fingerprint.contains(" '-DGREETING=hello cmake'"), fingerprint);
        assertTrue(
                fingerprint.contains(" -DCONFIG_FLASH_LOAD_OFFSET=0x8000 -DCONFIG_FLASH_LOAD_SIZE=0xc000 "),
                fingerprint);
        assertTrue(fingerprint.contains("\nenv CPATH=" + dir.resolve("gen") + "\n"), fingerprint);
        List<ToolchainRequest> changed = List.of(
                request(dir).forwardedVariables(Map.of("GREETING", "bye")).build(),
                request(dir).flash(new MemoryRegion(0x8000, 0x8000)).build(),
                request(dir).flash(new MemoryRegion(0x1_0000, 0xc000)).build(),
                request(dir).includeDirs(List.of(dir.resolve("other"))).build());
        for (ToolchainRequest other : changed) {
            assertTrue(!fingerprint.equals(driver.fingerprint(other)), other.toString());
        }
    }

    @Test
    void anotherJobCountLeavesTheFingerprintAlone(@TempDir Path dir) throws Exception {
        Path cmake = ReferenceTools.require("cmake", "cmake");
        CMakeToolchain driver = new CMakeToolchain(
                ExecutableLocator.of(Optional.of(cmake.getParent())),
                CMakeSettings.defaults().withGenerator("Ninja"),
                new LocalProcessLauncher(),
                new RecordingLog());
        String fingerprint = driver.fingerprint(request(dir).parallelism(2).build());

        assertEquals(fingerprint, driver.fingerprint(request(dir).parallelism(7).build()));
        assertEquals(fingerprint, driver.fingerprint(request(dir).parallelism(1).build()));
    }

    @Test
    void failingConfigureNamesImageStepAndCMakeOutput(@TempDir Path dir) throws Exception {
        Path cmake = ReferenceTools.require("cmake", "cmake");
        TestImages.write(
                dir,
                "project/CMakeLists.txt",
                "cmake_minimum_required(VERSION 3.20)\nproject(x NONE)\n"
                        + "message(FATAL_ERROR \"BOARD ${BOARD} is not supported\")\n");
        ToolchainFailedException e = assertThrows(
                ToolchainFailedException.class,
                () -> new CMakeToolchain(
                                ExecutableLocator.of(Optional.of(cmake.getParent())),
                                CMakeSettings.defaults(),
                                new LocalProcessLauncher(),
                                new RecordingLog())
                        .build(request(dir).build()));
        assertTrue(
                e.getMessage()
                        .startsWith("Image 'netcore': configuring the CMake project failed (exit code 1)\n  command: "
                                + cmake),
                e.getMessage());
        assertTrue(e.getMessage().contains("BOARD qemu_cortex_m3 is not supported"), e.getMessage());
    }

    @Test
    void projectWithoutCMakeListsIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("project"));
        Path cmakeDir = Files.createDirectories(dir.resolve("cmake-bin"));
        Files.createFile(cmakeDir.resolve("cmake")).toFile().setExecutable(true);
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new CMakeToolchain(
                                new ExecutableLocator(Optional.of(cmakeDir), List.of()),
                                CMakeSettings.defaults(),
                                new RecordingLauncher(dir.resolve("x.hex")),
                                new RecordingLog())
                        .build(request(dir).build()));
        assertEquals(
                "Image 'netcore': " + dir.resolve("project") + " has no CMakeLists.txt; the cmake toolchain builds an "
                        + "existing CMake project",
                e.getMessage());
    }

    @Test
    void missingHexAfterBuildNamesTheSetting(@TempDir Path dir) throws Exception {
        TestImages.write(dir, "project/CMakeLists.txt", "project(x)\n");
        Path cmakeDir = Files.createDirectories(dir.resolve("cmake-bin"));
        Files.createFile(cmakeDir.resolve("cmake")).toFile().setExecutable(true);
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> new CMakeToolchain(
                                new ExecutableLocator(Optional.of(cmakeDir), List.of()),
                                CMakeSettings.defaults().withGenerator("Ninja"),
                                new RecordingLauncher(dir.resolve("elsewhere.hex")),
                                new RecordingLog())
                        .build(request(dir).build()));
        assertEquals(
                "Image 'netcore': the CMake build succeeded but did not produce "
                        + dir.resolve("build/zephyr/zephyr.hex")
                        + "; set the cmake toolchain's hexFile to where the project writes its HEX",
                e.getMessage());
    }

    @Test
    void missingCMakeSaysHowToInstall(@TempDir Path dir) throws Exception {
        TestImages.write(dir, "project/CMakeLists.txt", "project(x)\n");
        ToolNotFoundException e = assertThrows(
                ToolNotFoundException.class,
                () -> new CMakeToolchain(
                                new ExecutableLocator(Optional.empty(), List.of(dir)),
                                CMakeSettings.defaults(),
                                new RecordingLauncher(dir.resolve("x.hex")),
                                new RecordingLog())
                        .build(request(dir).build()));
        assertEquals(
                "cmake not found (searched " + dir + "). Install CMake with 'sudo apt-get install cmake', or set "
                        + "firmware.toolchain.path to the directory that holds it.",
                e.getMessage());
    }

    /** Records the specs it is given and creates {@code output} as the "build" result. */
    private static final class RecordingLauncher implements ProcessLauncher {
        final List<ProcessSpec> specs = new ArrayList<>();
        final Path output;

        RecordingLauncher(Path output) {
            this.output = output;
        }

        @Override
        public ProcessResult run(ProcessSpec spec) {
            specs.add(spec);
            try {
                Files.createDirectories(output.getParent());
                Files.writeString(output, ":00000001FF\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new ProcessResult(spec.command(), 0, List.of(), List.of(), Duration.ZERO);
        }
    }
}
