package io.multiimage.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("tools")
class LinkerScriptTest {

    private static final MemoryRegion MCUBOOT_PARTITION = new MemoryRegion(0x8000, 0xc000);

    @Test
    void scriptNamesImageAndPlacesRegionsAtPartitionAndRam() {
        String script = LinkerScript.render("mcuboot", MCUBOOT_PARTITION, TestImages.SRAM);
        assertTrue(script.contains("FLASH (rx) : ORIGIN = 0x00008000, LENGTH = 0x0000c000"), script);
        assertTrue(script.contains("RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 0x00010000"), script);
        assertTrue(script.contains("KEEP(*(.isr_vector))"), script);
        assertTrue(script.contains("image 'mcuboot' does not fit in its flash partition"), script);
    }

    @Test
    void renderingIsDeterministic() {
        assertEquals(
                LinkerScript.render("app", MCUBOOT_PARTITION, TestImages.SRAM),
                LinkerScript.render("app", MCUBOOT_PARTITION, TestImages.SRAM));
    }

    @Test
    void linkedImageHasVectorTableAtPartitionStartAndStartupSymbols(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        TestImages.write(src, "main.c", TestImages.MINIMAL_IMAGE);
        ToolchainOutputs outputs = TestImages.gnuArm(new RecordingLog())
                .build(TestImages.request("mcuboot", src, dir.resolve("build"), MCUBOOT_PARTITION)
                        .build());

        Map<String, Long> symbols = TestImages.symbols(outputs.elf().orElseThrow());
        assertEquals(0x8000L, symbols.get("vector_table"));
        assertEquals(0x8000L, symbols.get("__image_start__"));
        assertEquals(0x8000L, symbols.get("__partition_start__"));
        assertEquals(0xc000L, symbols.get("__partition_size__"));
        assertEquals(0x2001_0000L, symbols.get("__stack_top__"));
        // .data lives in RAM and is loaded from flash right after the code.
        assertEquals(0x2000_0000L, symbols.get("__data_start__"));
        assertEquals(0x2000_0000L, symbols.get("counter"));
        assertEquals(0x2000_0004L, symbols.get("__data_end__"));
        long load = symbols.get("__data_load__");
        assertTrue(load > symbols.get("Reset_Handler") && load < 0x8000 + 0xc000, Long.toHexString(load));
        assertEquals(load + 4, symbols.get("__image_end__"));
        // .bss follows .data in RAM.
        assertEquals(0x2000_0004L, symbols.get("__bss_start__"));
        assertEquals(symbols.get("__bss_start__"), symbols.get("zeroed"));
        assertEquals(0x2000_0014L, symbols.get("__bss_end__"));
        assertEquals(symbols.get("__bss_end__"), symbols.get("end"));
        assertTrue(Files.readString(dir.resolve("build/mcuboot.ld")).contains("ORIGIN = 0x00008000"));
    }

    @Test
    void secureImageGetsItsGatewayVeneersInANonSecureCallableBlockOfItsPartition(@TempDir Path dir) throws Exception {
        // A secure entry function makes the linker write an SG veneer to .gnu.sgstubs, which it
        // refuses to place on its own ("no address assigned to the veneers output section").
        Path src = dir.resolve("src");
        TestImages.write(src, "main.c", TestImages.MINIMAL_IMAGE);
        TestImages.write(src, "service.c", """
                #include <arm_cmse.h>
                __attribute__((cmse_nonsecure_entry)) int secure_answer(void) { return 42; }
                __attribute__((cmse_nonsecure_entry)) int secure_question(int x) { return x + 1; }
                """);
        MemoryRegion partition = new MemoryRegion(0x1000_0000L, 0x10000);
        ToolchainRequest request = TestImages.request("spm", src, dir.resolve("build"), partition)
                .ram(new MemoryRegion(0x3800_0000L, 0x10000))
                .cpu(new io.multiimage.core.board.CpuFacts(
                        "cortex-m33", true, java.util.Optional.empty(), "soft", true))
                .build();
        ToolchainOutputs outputs = TestImages.gnuArm(new RecordingLog()).build(request);

        Map<String, Long> symbols = TestImages.symbols(outputs.elf().orElseThrow());
        long start = symbols.get("__sg_start__");
        long end = symbols.get("__sg_end__");
        // The SAU marks non-secure callable memory in 32-byte blocks: the veneers fill whole blocks
        // of their own, inside the partition.
        assertEquals(0, start % 32, Long.toHexString(start));
        assertEquals(0, end % 32, Long.toHexString(end));
        assertTrue(start > partition.origin() && end <= partition.end(), Long.toHexString(start));
        for (String veneer : new String[] {"secure_answer", "secure_question"}) {
            assertTrue(symbols.get(veneer) >= start && symbols.get(veneer) < end, veneer);
            assertTrue(symbols.get("__acle_se_" + veneer) < start || symbols.get("__acle_se_" + veneer) >= end, veneer);
        }
    }

    @Test
    void imageWithoutSecureEntriesHasNoVeneerSection() {
        String script = LinkerScript.render("app", MCUBOOT_PARTITION, TestImages.SRAM);
        assertTrue(!script.contains(".gnu.sgstubs"), script);
        assertEquals(script, LinkerScript.render("app", MCUBOOT_PARTITION, TestImages.SRAM, false));
        assertTrue(LinkerScript.render("app", MCUBOOT_PARTITION, TestImages.SRAM, true)
                .contains(".gnu.sgstubs"));
    }

    @Test
    void imageLargerThanItsPartitionNamesImageAndPartitionSize(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        TestImages.write(
                src, "main.c", imageUsing("extern const unsigned char big_table[];", "big_table[counter & 0xfff]"));
        TestImages.write(src, "table.c", "const unsigned char big_table[0xb000] = {1};\n");
        TestImages.gnuArm(new RecordingLog())
                .build(TestImages.request("mcuboot", src, dir.resolve("build"), MCUBOOT_PARTITION)
                        .build());
        assertTrue(Files.isRegularFile(dir.resolve("build/mcuboot.elf")), "0xb000 bytes of constants fit");
        // 0xd000 bytes of constants cannot fit in a 0xc000-byte partition.
        TestImages.write(src, "table.c", "const unsigned char big_table[0xd000] = {1};\n");
        ImageTooLargeException e = assertThrows(
                ImageTooLargeException.class,
                () -> TestImages.gnuArm(new RecordingLog())
                        .build(TestImages.request("mcuboot", src, dir.resolve("build"), MCUBOOT_PARTITION)
                                .build()));
        assertEquals("mcuboot", e.imageName());
        assertEquals("flash partition", e.regionKind());
        assertTrue(e.overflowBytes() > 0x1000 && e.overflowBytes() < 0x1100, Long.toString(e.overflowBytes()));
        assertEquals(
                "Image 'mcuboot' does not fit in its flash partition: it needs " + (0xc000 + e.overflowBytes())
                        + " bytes, the flash partition 0x8000..0x14000 holds 49152 bytes (0xc000), " + e.overflowBytes()
                        + " bytes too many. Make the image smaller or give its partition more room (its size in pm.yml or "
                        + "pm_static.yml, or CONFIG_FLASH_LOAD_SIZE for an image placed by CONFIG_FLASH_LOAD_OFFSET).",
                e.getMessage());
        for (String output : new String[] {"mcuboot.elf", "mcuboot.map", "mcuboot.elf.part", "mcuboot.map.part"}) {
            assertTrue(
                    Files.notExists(dir.resolve("build").resolve(output)), output + " must not survive a failed link");
        }
    }

    @Test
    void variablesLargerThanRamAreReportedAsRamOverflow(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        TestImages.write(
                src, "main.c", imageUsing("extern unsigned char big_buffer[];", "big_buffer[counter & 0xfff]"));
        TestImages.write(src, "buffer.c", "unsigned char big_buffer[0x11000];\n");
        ImageTooLargeException e = assertThrows(
                ImageTooLargeException.class,
                () -> TestImages.gnuArm(new RecordingLog())
                        .build(TestImages.request("app", src, dir.resolve("build"), MCUBOOT_PARTITION)
                                .build()));
        assertEquals("RAM", e.regionKind());
        assertTrue(e.getMessage().startsWith("Image 'app' does not fit in its RAM: it needs "), e.getMessage());
    }

    /** The minimal image whose reset handler also reads {@code expression}, so the linker keeps it. */
    private static String imageUsing(String declaration, String expression) {
        return declaration + "\n" + TestImages.MINIMAL_IMAGE.replace("counter++;", "counter += " + expression + ";");
    }

    @Test
    void imageWithoutVectorTableIsRefusedWithAHint(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        TestImages.write(src, "main.c", "void Reset_Handler(void) { for (;;) { } }\n");
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> TestImages.gnuArm(new RecordingLog())
                        .build(TestImages.request("b0", src, dir.resolve("build"), MCUBOOT_PARTITION)
                                .build()));
        assertTrue(
                e.getMessage()
                        .startsWith("Image 'b0': no vector table: put the Cortex-M vector table in a section "
                                + "named .isr_vector"),
                e.getMessage());
    }
}
