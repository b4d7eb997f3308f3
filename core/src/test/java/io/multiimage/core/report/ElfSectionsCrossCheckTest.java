package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ELF reader and the image figures against binutils, on an image linked here by
 * arm-none-eabi-gcc with initialised data loaded from flash, zeroed data, a noinit section and a
 * stack and heap the linker script reserves: every allocated section's name, address and size
 * as {@code readelf -S} shows them, its load address as {@code objdump -h} shows it, flash used
 * as {@code size} counts it (text + data) and RAM used as the sections {@code objdump -h} puts in
 * RAM. The vector table is not {@code const}, so it is a writable section that stays in flash:
 * {@code size} counts it as data, the report does not count it as RAM.
 */
@Tag("tools")
class ElfSectionsCrossCheckTest {

    private static final MemoryRegion FLASH = new MemoryRegion(0x8000, 0x10000);
    private static final MemoryRegion RAM = new MemoryRegion(0x20000000L, 0x8000);

    @TempDir
    Path dir;

    private Path elf;

    @BeforeEach
    void link() throws Exception {
        Path gcc = ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Files.writeString(dir.resolve("main.c"), """
                #include <stdint.h>
                extern uint32_t __stack_top__;
                void Reset_Handler(void);
                __attribute__((section(".isr_vector"), used))
                const void *vectors[2] = { &__stack_top__, Reset_Handler };
                static const char greeting[] = "memory report cross-check";
                uint32_t counters[7] = { 1, 2, 3, 4, 5, 6, 7 };
                uint8_t scratch[333];
                __attribute__((section(".noinit"))) uint32_t survives_reset[12];
                volatile const char *sink;
                void Reset_Handler(void) {
                    sink = greeting;
                    counters[1] += scratch[3] + survives_reset[2];
                    for (;;) { }
                }
                """);
        Files.writeString(dir.resolve("image.ld"), """
                MEMORY
                {
                  FLASH (rx) : ORIGIN = 0x8000, LENGTH = 0x10000
                  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 0x8000
                }
                ENTRY(Reset_Handler)
                SECTIONS
                {
                  .isr_vector : { KEEP(*(.isr_vector)) } > FLASH
                  .text : { *(.text .text.*) } > FLASH
                  .rodata : ALIGN(16) { *(.rodata .rodata.*) } > FLASH
                  .data : ALIGN(8) { *(.data .data.*) } > RAM AT > FLASH
                  .bss (NOLOAD) : ALIGN(4) { *(.bss .bss.*) *(COMMON) } > RAM
                  .noinit (NOLOAD) : ALIGN(4) { *(.noinit) } > RAM
                  .heap (NOLOAD) : ALIGN(8) { . += 0x400; } > RAM
                  .stack (NOLOAD) : ALIGN(8) { . += 0x800; __stack_top__ = .; } > RAM
                }
                """);
        elf = dir.resolve("image.elf");
        ReferenceTools.run(
                        List.of(
                                gcc.toString(),
                                "-mcpu=cortex-m3",
                                "-mthumb",
                                "-O1",
                                "-nostdlib",
                                "-g",
                                "-T",
                                "image.ld",
                                "main.c",
                                "-o",
                                elf.toString()),
                        dir,
                        120)
                .assertSuccess();
    }

    @Test
    void sectionsMatchReadelf() throws Exception {
        Path readelf = ReferenceTools.require("arm-none-eabi-readelf", "binutils-arm-none-eabi");
        String table = ReferenceTools.run(List.of(readelf.toString(), "-S", "-W", elf.toString()), dir, 60)
                .assertSuccess()
                .stdout();
        // [Nr] Name Type Addr Off Size ES Flg Lk Inf Al
        Pattern row = Pattern.compile("\\[\\s*\\d+\\]\\s+(\\S+)\\s+(\\S+)\\s+([0-9a-f]{8})\\s+[0-9a-f]+\\s+([0-9a-f]+)"
                + "\\s+[0-9a-f]+\\s+(\\S*)\\s+\\d+\\s+\\d+\\s+\\d+");
        Map<String, String> expected = new LinkedHashMap<>();
        Matcher m = row.matcher(table);
        while (m.find()) {
            expected.put(
                    m.group(1),
                    m.group(2) + " " + m.group(3) + " " + Long.parseLong(m.group(4), 16) + " "
                            + m.group(5).contains("A") + " " + m.group(5).contains("W"));
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (ElfSections.Section s : ElfSections.read(elf, "image.elf").sections()) {
            actual.put(
                    s.name(),
                    (s.hasContents() ? "" : "NOBITS") + " " + String.format("%08x", s.address()) + " " + s.size() + " "
                            + s.allocated() + " " + s.writable());
        }

        assertEquals(expected.keySet(), actual.keySet(), table);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String type = e.getValue().substring(0, e.getValue().indexOf(' '));
            String rest = e.getValue().substring(e.getValue().indexOf(' '));
            String ours = actual.get(e.getKey());
            assertEquals((type.equals("NOBITS") ? "NOBITS" : "") + rest, ours, e.getKey() + " in\n" + table);
        }
    }

    @Test
    void loadAddressesMatchObjdump() throws Exception {
        Path objdump = ReferenceTools.require("arm-none-eabi-objdump", "binutils-arm-none-eabi");
        String table = ReferenceTools.run(List.of(objdump.toString(), "-h", "-w", elf.toString()), dir, 60)
                .assertSuccess()
                .stdout();
        // Idx Name Size VMA LMA File-off Algn Flags
        Pattern row = Pattern.compile("(?m)^\\s*\\d+\\s+(\\S+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s");
        Map<String, Long> expected = new LinkedHashMap<>();
        Matcher m = row.matcher(table);
        while (m.find()) {
            expected.put(m.group(1), Long.parseLong(m.group(4), 16));
        }
        List<String> checked = new ArrayList<>();
        for (ElfSections.Section s : ElfSections.read(elf, "image.elf").sections()) {
            if (s.allocated()) {
                assertEquals(expected.get(s.name()), s.loadAddress(), s.name() + " in\n" + table);
                checked.add(s.name());
            }
        }
        assertTrue(
                checked.containsAll(
                        List.of(".isr_vector", ".text", ".rodata", ".data", ".bss", ".noinit", ".heap", ".stack")),
                checked.toString());
        ElfSections.Section data = ElfSections.read(elf, "image.elf").sections().stream()
                .filter(s -> s.name().equals(".data"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                FLASH.origin() <= data.loadAddress() && data.address() >= RAM.origin(),
                ".data runs in RAM and loads from flash");
    }

    @Test
    void flashAndRamUsedMatchSize() throws Exception {
        Path size = ReferenceTools.require("arm-none-eabi-size", "binutils-arm-none-eabi");
        String berkeley = ReferenceTools.run(List.of(size.toString(), "--format=berkeley", elf.toString()), dir, 60)
                .assertSuccess()
                .stdout();
        String[] numbers =
                berkeley.lines().skip(1).findFirst().orElseThrow().trim().split("\\s+");
        long text = Long.parseLong(numbers[0]);
        long data = Long.parseLong(numbers[1]);
        long bss = Long.parseLong(numbers[2]);
        String sysv = ReferenceTools.run(List.of(size.toString(), "-A", "-d", elf.toString()), dir, 60)
                .assertSuccess()
                .stdout();
        Path objdump = ReferenceTools.require("arm-none-eabi-objdump", "binutils-arm-none-eabi");
        String headers = ReferenceTools.run(List.of(objdump.toString(), "-h", "-w", elf.toString()), dir, 60)
                .assertSuccess()
                .stdout();
        long inRam = 0;
        Matcher m = Pattern.compile("(?m)^\\s*\\d+\\s+(\\S+)\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+[0-9a-f]+\\s+[0-9a-f]+"
                        + "\\s+\\S+\\s+(.*)$")
                .matcher(headers);
        while (m.find()) {
            if (m.group(4).contains("ALLOC")
                    && RAM.origin() <= Long.parseLong(m.group(3), 16)
                    && Long.parseLong(m.group(3), 16) < RAM.end()) {
                inRam += Long.parseLong(m.group(2), 16);
            }
        }

        ImageUsage usage = ImageUsage.fromElf(ElfSections.read(elf, "image.elf"), FLASH, RAM);

        assertEquals(text + data, usage.flashContents(), berkeley);
        assertEquals(inRam, usage.ram().orElseThrow().used(), headers);
        assertEquals(
                data + bss - sectionSize(sysv, ".isr_vector"), inRam, "size counts the writable vector table as data");
        assertEquals(sectionSize(sysv, ".stack"), usage.sections().get(SectionKind.STACK));
        assertEquals(sectionSize(sysv, ".heap"), usage.sections().get(SectionKind.HEAP));
        assertEquals(sectionSize(sysv, ".noinit"), usage.sections().get(SectionKind.NOINIT));
        assertEquals(sectionSize(sysv, ".rodata"), usage.sections().get(SectionKind.RODATA));
        assertEquals(sectionSize(sysv, ".data"), usage.sections().get(SectionKind.DATA));
        // .rodata is aligned to 16 and .data to 8: the gaps before them are padding inside the extent.
        assertTrue(usage.flashPadding() > 0, "alignment padding: " + usage);
        assertEquals(
                usage.flashContents() + usage.flashPadding(),
                usage.flash().orElseThrow().used());
        assertEquals(List.of(), usage.notes(), "the linker script reserves the stack");
    }

    private static long sectionSize(String sysv, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s+(\\d+)\\s+\\d+")
                .matcher(sysv);
        assertTrue(m.find(), name + " in\n" + sysv);
        return Long.parseLong(m.group(1));
    }
}
