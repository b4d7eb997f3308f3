package io.multiimage.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a real Cortex-M image with {@code arm-none-eabi-gcc}, with {@code .data} linked to
 * run in RAM but stored in flash (LMA != VMA), placed above 64 KiB so that objcopy writes
 * type 02 and 03 records with CRLF, and checks that the ELF loader yields exactly
 * the data {@code arm-none-eabi-objcopy -O ihex} writes.
 */
class ElfObjcopyTest {

    private static final String PROGRAM = """
            volatile int counter = 0x12345678;
            const char greeting[] = "hello, multiimage";
            static int table[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
            int scratch[64];
            extern unsigned long _sidata, _sdata, _edata, _estack;
            void Reset_Handler(void);
            __attribute__((section(".vectors"))) const void *vectors[2] = {&_estack, Reset_Handler};
            int main(void) {
                int sum = 0;
                for (int i = 0; i < 16; i++) {
                    sum += table[i] + greeting[i] + scratch[i];
                }
                return sum + counter;
            }
            void Reset_Handler(void) {
                unsigned long *src = &_sidata;
                for (unsigned long *dst = &_sdata; dst < &_edata;) {
                    *dst++ = *src++;
                }
                main();
                for (;;) {
                }
            }
            """;

    private static final String LINKER_SCRIPT = """
            MEMORY {
                FLASH (rx) : ORIGIN = 0x00018000, LENGTH = 256K
                RAM (rwx)  : ORIGIN = 0x20000000, LENGTH = 64K
            }
            ENTRY(Reset_Handler)
            _estack = ORIGIN(RAM) + LENGTH(RAM);
            SECTIONS {
                .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) } > FLASH
                _sidata = LOADADDR(.data);
                .data : { _sdata = .; *(.data*) _edata = .; } > RAM AT > FLASH
                .bss (NOLOAD) : { *(.bss*) *(COMMON) } > RAM
            }
            """;

    @Test
    void loadedElfEqualsObjcopyIntelHex(@TempDir Path dir) throws Exception {
        Path gcc = ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Path objcopy = ReferenceTools.require("arm-none-eabi-objcopy", "binutils-arm-none-eabi");
        Files.writeString(dir.resolve("main.c"), PROGRAM);
        Files.writeString(dir.resolve("link.ld"), LINKER_SCRIPT);
        ReferenceTools.run(
                        List.of(
                                gcc.toString(),
                                "-mcpu=cortex-m4",
                                "-mthumb",
                                "-O1",
                                "-nostdlib",
                                "-nostartfiles",
                                "-T",
                                "link.ld",
                                "main.c",
                                "-o",
                                "app.elf"),
                        dir,
                        120)
                .assertSuccess();
        ReferenceTools.run(List.of(objcopy.toString(), "-O", "ihex", "app.elf", "app.hex"), dir, 60)
                .assertSuccess();

        // Below 1 MiB objcopy writes segment addressing (02) and a CS:IP start (03), with CRLF.
        String objcopyText = Files.readString(dir.resolve("app.hex"));
        assertTrue(objcopyText.startsWith(":02000002"), objcopyText);
        assertTrue(objcopyText.contains("\r\n:04000003"), objcopyText);

        MemoryImage fromElf = Elf.load(dir.resolve("app.elf"));
        MemoryImage fromObjcopy = IntelHex.read(dir.resolve("app.hex"));

        assertEquals(fromObjcopy.segments(), fromElf.segments());
        assertEquals(fromObjcopy.sha256(), fromElf.sha256());
        assertEquals(
                fromObjcopy.startAddress().orElseThrow().physical(),
                fromElf.startAddress().orElseThrow().physical());
        // .data's initial values are stored in flash right after .text (its LMA), not at its RAM address.
        Segment span = fromElf.span().orElseThrow();
        assertTrue(span.start() >= 0x0001_8000L && span.end() < 0x0003_0000L, fromElf.toString());
        assertTrue(!fromElf.containsAny(0x2000_0000L, 0x10000), "nothing at the RAM address (VMA)");
        String flash = java.util.HexFormat.of().formatHex(fromElf.read(span.start(), (int) span.length(), (byte) 0));
        assertTrue(flash.contains("78563412"), "counter's initial value is stored in flash");
    }
}
