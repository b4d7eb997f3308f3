package io.multiimage.core.toolchain;

import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small firmware sources and tool helpers shared by the toolchain and QEMU tests. */
public final class TestImages {

    /** The SRAM of qemu_cortex_m3 (lm3s6965evb). */
    public static final MemoryRegion SRAM = new MemoryRegion(0x2000_0000L, 0x10000);

    /**
     * A complete minimal image: a two-entry vector table, one initialised variable
     * ({@code counter}, .data) and one zeroed array ({@code zeroed}, .bss).
     */
    public static final String MINIMAL_IMAGE = """
            #include <stdint.h>
            extern uint32_t __stack_top__;
            void Reset_Handler(void);
            typedef void (*vector_t)(void);
            __attribute__((section(".isr_vector"), used))
            const vector_t vector_table[2] = {(vector_t) &__stack_top__, Reset_Handler};
            volatile uint32_t counter = 42;
            uint32_t zeroed[4];
            void Reset_Handler(void)
            {
                for (;;) {
                    counter++;
                    zeroed[counter & 3u] = counter;
                }
            }
            """;

    private TestImages() {}

    /** Writes {@code text} to {@code dir/relative}, creating parent directories. */
    public static Path write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** A request for {@code image} at {@code flash} with the test SRAM and default CPU. */
    public static ToolchainRequest.Builder request(String image, Path sourceDir, Path buildDir, MemoryRegion flash) {
        return ToolchainRequest.builder(image, sourceDir, buildDir)
                .flash(flash)
                .ram(SRAM)
                .board("qemu_cortex_m3");
    }

    /** The gnu-arm driver over the real launcher and the compiler on PATH. */
    public static GnuArmToolchain gnuArm(RecordingLog log) {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi libnewlib-arm-none-eabi");
        return GnuArmToolchain.create(java.util.Optional.empty(), new LocalProcessLauncher(), log);
    }

    /** The symbols of {@code elf} as name to address, read with arm-none-eabi-nm. */
    public static Map<String, Long> symbols(Path elf) {
        Path nm = ReferenceTools.require("arm-none-eabi-nm", "binutils-arm-none-eabi");
        ReferenceTools.Result result = ReferenceTools.run(List.of(nm.toString(), elf.toString()), null, 60)
                .assertSuccess();
        Map<String, Long> symbols = new TreeMap<>();
        for (String line : result.stdout().split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3) {
                symbols.put(fields[2], Long.parseLong(fields[0], 16));
            }
        }
        return symbols;
    }

    /** Converts {@code elf} to Intel HEX with arm-none-eabi-objcopy (tests only; the build uses hexformat). */
    public static Path objcopyHex(Path elf) {
        Path objcopy = ReferenceTools.require("arm-none-eabi-objcopy", "binutils-arm-none-eabi");
        Path hex = elf.resolveSibling(elf.getFileName().toString().replaceAll("\\.elf$", "") + ".hex");
        ReferenceTools.run(List.of(objcopy.toString(), "-O", "ihex", elf.toString(), hex.toString()), null, 60)
                .assertSuccess();
        return hex;
    }

    /** Merges Intel HEX files with srec_cat (tests only; the build uses hexformat). */
    public static Path srecMerge(Path merged, List<Path> hexFiles) {
        Path srecCat = ReferenceTools.require("srec_cat", "srecord");
        List<String> command = new java.util.ArrayList<>();
        command.add(srecCat.toString());
        for (Path hex : hexFiles) {
            command.add(hex.toString());
            command.add("-intel");
        }
        command.addAll(List.of("-o", merged.toString(), "-intel"));
        ReferenceTools.run(command, null, 60).assertSuccess();
        return merged;
    }
}
