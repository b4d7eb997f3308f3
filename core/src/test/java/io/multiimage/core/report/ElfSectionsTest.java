package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElfSectionsTest {

    /** A Cortex-M image: code in flash at 0x14000, .data in RAM loaded behind the code, .bss after it. */
    static ElfWriter image() {
        return new ElfWriter()
                .section(".isr_vector", ElfWriter.PROGBITS, ElfWriter.A, 0x14000, 0x40)
                .section(".text", ElfWriter.PROGBITS, ElfWriter.AX, 0x14040, 0x254)
                .section(".rodata", ElfWriter.PROGBITS, ElfWriter.A, 0x14294, 0x3f)
                .section(".data", ElfWriter.PROGBITS, ElfWriter.WA, 0x20000000, 0x10)
                .section(".bss", ElfWriter.NOBITS, ElfWriter.WA, 0x20000010, 0x108)
                .section(".debug_info", ElfWriter.PROGBITS, 0, 0, 0x666)
                .segment(0x14000, 0x14000, 0x2d3, 0x2d3)
                .segment(0x20000000, 0x142d4, 0x10, 0x118);
    }

    @Test
    void readsEverySectionWithItsNameAddressSizeAndFlags() throws Exception {
        List<ElfSections.Section> sections =
                ElfSections.parse(image().bytes(), "app.elf").sections();

        assertEquals(
                List.of(".isr_vector", ".text", ".rodata", ".data", ".bss", ".debug_info", ".shstrtab"),
                sections.stream().map(ElfSections.Section::name).toList());
        ElfSections.Section text = sections.get(1);
        assertEquals(0x14040, text.address());
        assertEquals(0x254, text.size());
        assertTrue(text.allocated() && text.hasContents() && !text.writable());
        ElfSections.Section bss = sections.get(4);
        assertTrue(bss.allocated() && !bss.hasContents() && bss.writable());
    }

    @Test
    void dataLoadsWhereItsSegmentsPhysicalAddressSaysWhileCodeLoadsWhereItRuns() throws Exception {
        List<ElfSections.Section> sections =
                ElfSections.parse(image().bytes(), "app.elf").sections();

        assertEquals(0x14040, sections.get(1).loadAddress());
        assertEquals(0x20000000L, sections.get(3).address());
        assertEquals(0x142d4, sections.get(3).loadAddress());
        assertEquals(0x142e4, sections.get(4).loadAddress());
        assertEquals(0, sections.get(5).loadAddress(), "a section in no segment loads where it runs");
    }

    @Test
    void readsBigEndianFilesAlike() throws Exception {
        List<ElfSections.Section> little =
                ElfSections.parse(image().bytes(), "le.elf").sections();
        List<ElfSections.Section> big =
                ElfSections.parse(image().bigEndian().bytes(), "be.elf").sections();

        assertEquals(little, big);
    }

    @Test
    void refusesWhatIsNotAnElfFileNamingTheFileAndWhatWasExpected() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> ElfSections.parse(":10000000".getBytes(), "app/app.hex"));

        assertEquals(
                "app/app.hex (offset 0): not an ELF file (expected the bytes 7f 45 4c 46, \"\\x7fELF\", at"
                        + " offset 0)",
                e.getMessage());
    }

    @Test
    void refusesA64BitFile() {
        byte[] bytes = image().bytes();
        bytes[4] = 2;

        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> ElfSections.parse(bytes, "host.elf"));

        assertEquals(
                "host.elf (offset 4): a 64-bit ELF file; a Cortex-M firmware image is a 32-bit ELF file",
                e.getMessage());
    }

    @Test
    void refusesATruncatedFileSayingWhereItEnds() {
        byte[] whole = image().bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 30);

        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> ElfSections.parse(cut, "app.elf"));

        assertTrue(e.getMessage().startsWith("app.elf (offset "), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("truncated: 8 section headers would end at offset " + whole.length
                                + " but the file has " + cut.length + " bytes"),
                e.getMessage());
    }

    @Test
    void refusesAFileWithoutSectionHeaders() {
        byte[] bytes = image().bytes();
        Arrays.fill(bytes, 32, 36, (byte) 0);

        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> ElfSections.parse(bytes, "stripped.elf"));

        assertTrue(e.getMessage().contains("no section headers"), e.getMessage());
    }
}
