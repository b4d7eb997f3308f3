package io.multiimage.core.toolchain;

import io.multiimage.core.process.LocalProcessLauncher;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.run.QemuRequest;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.run.QemuRunner;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ProjectPaths;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the three images of {@code samples/secure-boot} with the gnu-arm driver at the layout
 * the partition manager gives them (b0 0x0+0x8000, mcuboot 0x8000+0xc000, app 0x14000 to the end
 * of flash), merges them and boots the result in QEMU. The generated headers are written by hand
 * here ({@code pm_config.h} in the partition manager's format, {@code autoconf.h} from the
 * sample's {@code .conf} files); the plugin generates them for real.
 */
@Tag("tools")
class SecureBootChainBootTest {

    private static final Path SAMPLE = ProjectPaths.root().resolve("samples/secure-boot");
    private static final MemoryRegion B0 = new MemoryRegion(0x0, 0x8000);
    private static final MemoryRegion MCUBOOT = new MemoryRegion(0x8000, 0xc000);
    private static final MemoryRegion APP = new MemoryRegion(0x14000, 0x40000 - 0x14000);

    @Test
    void threeStagesBootInOrderAndTheApplicationExitsWithZero(@TempDir Path dir) throws Exception {
        Path merged = buildChain(dir, APP.origin(), List.of(), List.of(), List.of(SAMPLE.resolve("app/prj.conf")));
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result = boot(merged, uart);
        assertEquals(List.of(
                "b0: first-stage bootloader, booting mcuboot at 0x00008000",
                "mcuboot: second-stage bootloader, booting app at 0x00014000",
                "app: Hello from the application"), uart);
        assertEquals(0, result.exitStatus());
        assertEquals(result, result.requireSuccess());
    }

    @Test
    void wrongApplicationAddressInMcubootsPmConfigFailsVisibly(@TempDir Path dir) throws Exception {
        Path merged = buildChain(dir, 0x18000, List.of(), List.of(), List.of(SAMPLE.resolve("app/prj.conf")));
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result = boot(merged, uart);
        assertEquals(List.of(
                "b0: first-stage bootloader, booting mcuboot at 0x00008000",
                "mcuboot: second-stage bootloader, booting app at 0x00018000",
                "mcuboot: no valid app image at 0x00018000 (initial SP 0x00000000, reset vector 0x00000000)"), uart);
        assertEquals(1, result.exitStatus());
        FirmwareException e = assertThrows(FirmwareException.class, result::requireSuccess);
        assertEquals("The firmware exited with status 1 (semihosting exit). Last UART lines:\n"
                + "  b0: first-stage bootloader, booting mcuboot at 0x00008000\n"
                + "  mcuboot: second-stage bootloader, booting app at 0x00018000\n"
                + "  mcuboot: no valid app image at 0x00018000 (initial SP 0x00000000, reset vector 0x00000000)",
                e.getMessage());
    }

    @Test
    void releaseConfigurationChangesBannerAndGreeting(@TempDir Path dir) throws Exception {
        Path merged = buildChain(dir, APP.origin(), List.of(),
                List.of(SAMPLE.resolve("mcuboot/prj.conf"), SAMPLE.resolve("app/child_image/mcuboot_release.conf")),
                List.of(SAMPLE.resolve("app/prj_release.conf")));
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result = boot(merged, uart);
        assertEquals(List.of(
                "b0: first-stage bootloader, booting mcuboot at 0x00008000",
                "mcuboot: second-stage bootloader (release), booting app at 0x00014000",
                "app: Hello from the release application"), uart);
        assertEquals(0, result.exitStatus());
    }

    @Test
    void eachImageCarriesAnIdenticalCopyOfTheSharedSources() throws Exception {
        for (String file : List.of("board.c", "board.h")) {
            byte[] reference = Files.readAllBytes(SAMPLE.resolve("b0/src/main/c").resolve(file));
            assertArrayEquals(reference, Files.readAllBytes(SAMPLE.resolve("mcuboot/src/main/c").resolve(file)), file);
            assertArrayEquals(reference, Files.readAllBytes(SAMPLE.resolve("app/src/main/c").resolve(file)), file);
        }
        for (String file : List.of("chainload.c", "chainload.h")) {
            assertArrayEquals(Files.readAllBytes(SAMPLE.resolve("b0/src/main/c").resolve(file)),
                    Files.readAllBytes(SAMPLE.resolve("mcuboot/src/main/c").resolve(file)), file);
        }
    }

    /**
     * Builds b0, mcuboot and app, with {@code appAddressSeenByMcuboot} as mcuboot's
     * {@code PM_APP_ADDRESS}, and merges them. The conf lists are each image's fragments in order
     * (empty: the image's own prj.conf).
     */
    private static Path buildChain(Path dir, long appAddressSeenByMcuboot, List<Path> b0Conf, List<Path> mcubootConf,
            List<Path> appConf) throws Exception {
        Map<String, Long> layout = new TreeMap<>(Map.of("b0", B0.origin(), "mcuboot", MCUBOOT.origin(), "app", APP.origin()));
        GnuArmToolchain gnuArm = TestImages.gnuArm(new RecordingLog());
        List<Path> hexFiles = new ArrayList<>();
        hexFiles.add(build(gnuArm, dir, "b0", B0, layout, b0Conf));
        layout.put("app", appAddressSeenByMcuboot);
        hexFiles.add(build(gnuArm, dir, "mcuboot", MCUBOOT, layout, mcubootConf));
        layout.put("app", APP.origin());
        hexFiles.add(build(gnuArm, dir, "app", APP, layout, appConf));
        return TestImages.srecMerge(dir.resolve("merged.hex"), hexFiles);
    }

    private static Path build(GnuArmToolchain gnuArm, Path dir, String image, MemoryRegion partition,
            Map<String, Long> layout, List<Path> conf) throws Exception {
        Path include = Files.createDirectories(dir.resolve(image).resolve("include"));
        Files.writeString(include.resolve("pm_config.h"), pmConfig(image, partition, layout));
        List<Path> fragments = conf.isEmpty() ? List.of(SAMPLE.resolve(image).resolve("prj.conf")) : conf;
        Files.writeString(include.resolve("autoconf.h"), autoconf(fragments));
        ToolchainRequest request = TestImages.request(image, SAMPLE.resolve(image).resolve("src/main/c"),
                dir.resolve(image), partition).includeDirs(List.of(include)).parallelism(2).build();
        return TestImages.objcopyHex(gnuArm.build(request).elf().orElseThrow());
    }

    /** A pm_config.h in the partition manager's naming: PM_<PARTITION>_ADDRESS, PM_ADDRESS, PM_SRAM_*. */
    private static String pmConfig(String image, MemoryRegion partition, Map<String, Long> layout) {
        StringBuilder header = new StringBuilder("/* Written by SecureBootChainBootTest */\n#ifndef PM_CONFIG_H__\n"
                + "#define PM_CONFIG_H__\n");
        layout.forEach((name, address) -> header.append("#define PM_").append(name.toUpperCase()).append("_ADDRESS ")
                .append(MemoryRegion.hex(address)).append('\n'));
        header.append("#define PM_ADDRESS ").append(MemoryRegion.hex(partition.origin())).append('\n')
                .append("#define PM_SIZE ").append(MemoryRegion.hex(partition.size())).append('\n')
                .append("#define PM_SRAM_ADDRESS 0x20000000\n#define PM_SRAM_SIZE 0x10000\n")
                .append("#endif /* PM_CONFIG_H__ */");
        return header.toString();
    }

    /** The defines of autoconf.h for the merged fragments: strings, numbers and =y symbols (later wins). */
    private static String autoconf(List<Path> fragments) throws Exception {
        Map<String, String> values = new TreeMap<>();
        for (Path fragment : fragments) {
            for (String line : Files.readAllLines(fragment)) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                String name = line.substring(0, equals);
                String value = line.substring(equals + 1);
                if (value.equals("n")) {
                    values.remove(name);
                } else {
                    values.put(name, value.equals("y") ? "1" : value);
                }
            }
        }
        StringBuilder header = new StringBuilder();
        values.forEach((name, value) -> header.append("#define ").append(name).append(' ').append(value).append('\n'));
        return header.toString();
    }

    private static QemuResult boot(Path merged, List<String> uart) throws Exception {
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");
        return new QemuRunner(new LocalProcessLauncher(), new RecordingLog())
                .run(QemuRequest.of(merged, "lm3s6965evb", Duration.ofSeconds(60), uart::add));
    }
}
