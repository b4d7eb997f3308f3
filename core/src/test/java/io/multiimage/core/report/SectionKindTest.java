package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SectionKindTest {

    /** A section stored at 0x1000; writable ones run in RAM at 0x20000000 (copied there at startup). */
    private static Optional<SectionKind> kind(String name, int type, long flags) {
        long runs = (flags & ElfSections.SHF_WRITE) != 0 ? 0x20000000L : 0x1000;
        return SectionKind.of(new ElfSections.Section(name, type, flags, runs, 0x1000, 16));
    }

    @Test
    void classifiesSectionsTheWaySizeCountsThem() {
        assertEquals(Optional.of(SectionKind.TEXT), kind(".text", ElfWriter.PROGBITS, ElfWriter.AX));
        assertEquals(Optional.of(SectionKind.TEXT), kind(".ARM.exidx", 0x70000001, ElfWriter.A));
        assertEquals(Optional.of(SectionKind.RODATA), kind(".rodata.str1.4", ElfWriter.PROGBITS, ElfWriter.A));
        assertEquals(Optional.of(SectionKind.DATA), kind(".data", ElfWriter.PROGBITS, ElfWriter.WA));
        assertEquals(Optional.of(SectionKind.BSS), kind(".bss", ElfWriter.NOBITS, ElfWriter.WA));
        assertEquals(Optional.of(SectionKind.NOINIT), kind("noinit", ElfWriter.NOBITS, ElfWriter.WA));
        assertEquals(Optional.of(SectionKind.STACK), kind(".stack", ElfWriter.NOBITS, ElfWriter.WA));
        assertEquals(Optional.of(SectionKind.HEAP), kind("._user_heap", ElfWriter.NOBITS, ElfWriter.WA));
    }

    @Test
    void aWritableSectionThatRunsWhereItIsStoredIsFlashNotData() {
        ElfSections.Section vectors =
                new ElfSections.Section(".isr_vector", ElfWriter.PROGBITS, ElfWriter.WA, 0x8000, 0x8000, 8);

        assertEquals(Optional.of(SectionKind.TEXT), SectionKind.of(vectors));
    }

    @Test
    void sectionsThatTakeNoMemoryAtRunTimeAreNone() {
        assertEquals(Optional.empty(), kind(".debug_info", ElfWriter.PROGBITS, 0));
        assertEquals(
                Optional.empty(),
                SectionKind.of(
                        new ElfSections.Section(".data", ElfWriter.PROGBITS, ElfWriter.WA, 0x20000000, 0x20000000, 0)));
    }
}
