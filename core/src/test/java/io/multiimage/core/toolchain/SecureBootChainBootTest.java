package io.multiimage.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.run.QemuRequest;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.run.QemuRunner;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.signing.ImageVersion;
import io.multiimage.signing.McubootSigner;
import io.multiimage.signing.SignOptions;
import io.multiimage.signing.SignedImage;
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
 * the partition manager gives them (b0 0x0+0x8000; slot s0 at 0x8000 = a 0x200-byte header pad +
 * mcuboot at 0x8200; slot mcuboot_primary at 0x14000 = a 0x200-byte header pad + app at 0x14200),
 * puts MCUboot headers and hash TLVs on mcuboot and app (with the signing library, hash only),
 * merges them and boots the result in QEMU. The generated headers are written by hand here
 * ({@code pm_config.h} in the partition manager's format, {@code autoconf.h} from the sample's
 * {@code .conf} files); the plugin generates them for real.
 */
@Tag("tools")
class SecureBootChainBootTest {

    private static final Path SAMPLE = ProjectPaths.root().resolve("samples/secure-boot");
    private static final MemoryRegion B0 = new MemoryRegion(0x0, 0x8000);
    private static final MemoryRegion S0 = new MemoryRegion(0x8000, 0xc000);
    private static final MemoryRegion MCUBOOT = new MemoryRegion(0x8200, 0xbe00);
    private static final MemoryRegion PRIMARY = new MemoryRegion(0x14000, 0x16000);
    private static final MemoryRegion APP = new MemoryRegion(0x14200, 0x15e00);
    private static final int HEADER = 0x200;

    @Test
    void threeStagesBootInOrderAndTheApplicationExitsWithZero(@TempDir Path dir) throws Exception {
        Path merged = buildChain(dir, APP.origin(), List.of(), List.of(), List.of(SAMPLE.resolve("app/prj.conf")));
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result = boot(merged, uart);
        assertEquals(5, uart.size(), uart.toString());
        assertEquals("b0: first-stage bootloader, booting mcuboot at 0x00008200", uart.get(0));
        assertTrue(uart.get(1).startsWith("b0: mcuboot in s0 verified (SHA-256 "), uart.get(1));
        assertEquals("mcuboot: second-stage bootloader, booting app at 0x00014200", uart.get(2));
        assertTrue(uart.get(3).startsWith("mcuboot: app in mcuboot_primary verified (SHA-256 "), uart.get(3));
        assertEquals("app: Hello from the application", uart.get(4));
        assertEquals(0, result.exitStatus());
        assertEquals(result, result.requireSuccess());
    }

    @Test
    void wrongApplicationAddressInMcubootsPmConfigFailsVisibly(@TempDir Path dir) throws Exception {
        Path merged = buildChain(dir, 0x18200, List.of(), List.of(), List.of(SAMPLE.resolve("app/prj.conf")));
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result = boot(merged, uart);
        assertEquals(4, uart.size(), uart.toString());
        assertEquals("mcuboot: second-stage bootloader, booting app at 0x00018200", uart.get(2));
        String refusal = "mcuboot: refusing app in mcuboot_primary at 0x00014000: the header is 0x00000200 bytes, so"
                + " the image would start at 0x00014200, not at 0x00018200";
        assertEquals(refusal, uart.get(3));
        assertEquals(2, result.exitStatus());
        FirmwareException e = assertThrows(FirmwareException.class, result::requireSuccess);
        assertTrue(
                e.getMessage().startsWith("The firmware exited with status 2 (semihosting exit). Last UART lines:\n"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  " + refusal), e.getMessage());
    }

    @Test
    void releaseConfigurationChangesBannerAndGreeting(@TempDir Path dir) throws Exception {
        Path merged = buildChain(
                dir,
                APP.origin(),
                List.of(),
                List.of(SAMPLE.resolve("mcuboot/prj.conf"), SAMPLE.resolve("app/child_image/mcuboot_release.conf")),
                List.of(SAMPLE.resolve("app/prj_release.conf")));
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result = boot(merged, uart);
        assertEquals("mcuboot: second-stage bootloader (release), booting app at 0x00014200", uart.get(2));
        assertEquals("app: Hello from the release application", uart.get(4));
        assertEquals(0, result.exitStatus());
    }

    @Test
    void eachImageCarriesAnIdenticalCopyOfTheSharedSources() throws Exception {
        for (String file : List.of("board.c", "board.h")) {
            byte[] reference =
                    Files.readAllBytes(SAMPLE.resolve("b0/src/main/c").resolve(file));
            assertArrayEquals(
                    reference,
                    Files.readAllBytes(SAMPLE.resolve("mcuboot/src/main/c").resolve(file)),
                    file);
            assertArrayEquals(
                    reference,
                    Files.readAllBytes(SAMPLE.resolve("app/src/main/c").resolve(file)),
                    file);
        }
        for (String file :
                List.of("chainload.c", "chainload.h", "image_check.c", "image_check.h", "sha256.c", "sha256.h")) {
            assertArrayEquals(
                    Files.readAllBytes(SAMPLE.resolve("b0/src/main/c").resolve(file)),
                    Files.readAllBytes(SAMPLE.resolve("mcuboot/src/main/c").resolve(file)),
                    file);
        }
    }

    /**
     * Builds b0, mcuboot and app, with {@code appAddressSeenByMcuboot} as mcuboot's
     * {@code PM_APP_ADDRESS}, and merges them. The conf lists are each image's fragments in order
     * (empty: the image's own prj.conf).
     */
    private static Path buildChain(
            Path dir, long appAddressSeenByMcuboot, List<Path> b0Conf, List<Path> mcubootConf, List<Path> appConf)
            throws Exception {
        Map<String, Long> layout = new TreeMap<>(Map.of(
                "b0",
                B0.origin(),
                "mcuboot",
                MCUBOOT.origin(),
                "app",
                APP.origin(),
                "s0",
                S0.origin(),
                "s0_pad",
                S0.origin(),
                "mcuboot_primary",
                PRIMARY.origin(),
                "mcuboot_pad",
                PRIMARY.origin()));
        GnuArmToolchain gnuArm = TestImages.gnuArm(new RecordingLog());
        List<Path> hexFiles = new ArrayList<>();
        hexFiles.add(build(gnuArm, dir, "b0", B0, layout, b0Conf));
        layout.put("app", appAddressSeenByMcuboot);
        hexFiles.add(withHeader(build(gnuArm, dir, "mcuboot", MCUBOOT, layout, mcubootConf), S0));
        layout.put("app", APP.origin());
        hexFiles.add(withHeader(build(gnuArm, dir, "app", APP, layout, appConf), PRIMARY));
        return TestImages.srecMerge(dir.resolve("merged.hex"), hexFiles);
    }

    /** The image in {@code hex} with an MCUboot header in front and its hash TLV behind, for {@code slot}. */
    private static Path withHeader(Path hex, MemoryRegion slot) throws Exception {
        MemoryImage image = IntelHex.read(hex);
        long start = image.span().orElseThrow().start();
        byte[] bytes = image.read(start, (int) image.span().orElseThrow().length(), (byte) 0xff);
        SignedImage signed = McubootSigner.hashOnly(
                bytes,
                SignOptions.builder()
                        .headerSize(HEADER)
                        .padHeader(true)
                        .align(4)
                        .version(ImageVersion.parse("1.0.0"))
                        .slotSize(slot.size())
                        .build());
        MemoryImage out = new MemoryImage();
        out.write(slot.origin(), signed.bytes());
        Path signedHex = hex.resolveSibling(hex.getFileName() + ".signed.hex");
        IntelHex.write(out, signedHex);
        return signedHex;
    }

    private static Path build(
            GnuArmToolchain gnuArm,
            Path dir,
            String image,
            MemoryRegion partition,
            Map<String, Long> layout,
            List<Path> conf)
            throws Exception {
        Path include = Files.createDirectories(dir.resolve(image).resolve("include"));
        Files.writeString(include.resolve("pm_config.h"), pmConfig(image, partition, layout));
        List<Path> fragments = conf.isEmpty() ? List.of(SAMPLE.resolve(image).resolve("prj.conf")) : conf;
        Files.writeString(include.resolve("autoconf.h"), autoconf(fragments));
        ToolchainRequest request = TestImages.request(
                        image, SAMPLE.resolve(image).resolve("src/main/c"), dir.resolve(image), partition)
                .includeDirs(List.of(include))
                .parallelism(2)
                .build();
        return TestImages.objcopyHex(gnuArm.build(request).elf().orElseThrow());
    }

    /** A pm_config.h in the partition manager's naming: PM_<PARTITION>_ADDRESS, PM_ADDRESS, PM_SRAM_*. */
    private static String pmConfig(String image, MemoryRegion partition, Map<String, Long> layout) {
        StringBuilder header = new StringBuilder(
                "/* Written by SecureBootChainBootTest */\n#ifndef PM_CONFIG_H__\n" + "#define PM_CONFIG_H__\n");
        layout.forEach((name, address) -> header.append("#define PM_")
                .append(name.toUpperCase())
                .append("_ADDRESS ")
                .append(MemoryRegion.hex(address))
                .append('\n'));
        header.append("#define PM_S0_SIZE ")
                .append(MemoryRegion.hex(S0.size()))
                .append('\n')
                .append("#define PM_MCUBOOT_PRIMARY_SIZE ")
                .append(MemoryRegion.hex(PRIMARY.size()))
                .append('\n');
        header.append("#define PM_ADDRESS ")
                .append(MemoryRegion.hex(partition.origin()))
                .append('\n')
                .append("#define PM_SIZE ")
                .append(MemoryRegion.hex(partition.size()))
                .append('\n')
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
        values.forEach((name, value) ->
                header.append("#define ").append(name).append(' ').append(value).append('\n'));
        return header.toString();
    }

    private static QemuResult boot(Path merged, List<String> uart) throws Exception {
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");
        return new QemuRunner(new LocalProcessLauncher(), new RecordingLog())
                .run(QemuRequest.of(merged, "lm3s6965evb", Duration.ofSeconds(60), uart::add));
    }
}
