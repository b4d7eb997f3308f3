package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.hex.MemoryImage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageUsageTest {

    private static final MemoryRegion PARTITION = new MemoryRegion(0x14000, 0x2c000);
    private static final MemoryRegion RAM = new MemoryRegion(0x20000000L, 0x10000);

    @Test
    void flashUsedRunsFromThePartitionStartToTheLastStoredByteIncludingData() throws Exception {
        ImageUsage usage =
                ImageUsage.fromElf(ElfSections.parse(ElfSectionsTest.image().bytes(), "app.elf"), PARTITION, RAM);

        // .isr_vector + .text + .rodata end at 0x142d3; .data's initial values sit at 0x142d4..0x142e4.
        assertEquals(Optional.of(new Fill(0x2e4, 0x2c000)), usage.flash());
        assertEquals(0x40 + 0x254 + 0x3f + 0x10, usage.flashContents());
        assertEquals(1, usage.flashPadding(), "one byte of alignment before .data's initial values");
        assertEquals(0x2c000 - 0x2e4, usage.flash().orElseThrow().free());
    }

    @Test
    void aSignedImageCountsItsTlvsAndTrailerAsUsedButNotAsPadding() throws Exception {
        ImageUsage built =
                ImageUsage.fromElf(ElfSections.parse(ElfSectionsTest.image().bytes(), "app.elf"), PARTITION, RAM);

        ImageUsage signed = built.signed(new SignedFraming("mcuboot_primary", "mcuboot_pad", 0x200, 0x50, 0x30));

        assertEquals(Optional.of(new Fill(0x2e4 + 0x50 + 0x30, 0x2c000)), signed.flash());
        assertEquals(built.flashContents(), signed.flashContents());
        assertEquals(1, signed.flashPadding(), "TLVs and trailer are not alignment padding");
        assertEquals(0x2c000 - 0x2e4 - 0x80, signed.flash().orElseThrow().free(), "headroom left for the code");
        assertEquals(built.ram(), signed.ram());
        assertTrue(
                signed.notes()
                        .contains("signed for mcuboot_primary: its 512-byte header fills mcuboot_pad;"
                                + " 80 bytes of TLVs and the 48-byte trailer count as used"),
                signed.notes().toString());
    }

    @Test
    void anUnmeasuredImageStaysUnmeasuredWhenSigned() {
        ImageUsage none = ImageUsage.none("not built yet: no ELF or HEX file");

        ImageUsage signed = none.signed(new SignedFraming("s0", "s0_pad", 0x200, 0x50, 0x30));

        assertEquals(Optional.empty(), signed.flash());
        assertEquals(0, signed.flashPadding());
        assertEquals(none.notes(), signed.notes());
    }

    @Test
    void ramUsedIsDataPlusBss() throws Exception {
        ImageUsage usage =
                ImageUsage.fromElf(ElfSections.parse(ElfSectionsTest.image().bytes(), "app.elf"), PARTITION, RAM);

        assertEquals(Optional.of(new Fill(0x10 + 0x108, 0x10000)), usage.ram());
        assertEquals(
                Map.of(
                        SectionKind.TEXT,
                        0x40L + 0x254,
                        SectionKind.RODATA,
                        0x3fL,
                        SectionKind.DATA,
                        0x10L,
                        SectionKind.BSS,
                        0x108L),
                usage.sections());
        assertEquals(ImageUsage.Source.ELF, usage.source());
        assertEquals(Optional.of("app.elf"), usage.file());
        assertEquals(List.of("no stack section: the stack is not counted (it takes RAM shown as free)"), usage.notes());
    }

    @Test
    void stackAndNoinitSectionsCountAsRam() throws Exception {
        byte[] elf = new ElfWriter()
                .section(".text", ElfWriter.PROGBITS, ElfWriter.AX, 0x14000, 0x100)
                .section(".noinit", ElfWriter.NOBITS, ElfWriter.WA, 0x20000000, 0x20)
                .section(".stack", ElfWriter.NOBITS, ElfWriter.WA, 0x20000020, 0x800)
                .segment(0x14000, 0x14000, 0x100, 0x100)
                .bytes();

        ImageUsage usage = ImageUsage.fromElf(ElfSections.parse(elf, "app.elf"), PARTITION, RAM);

        assertEquals(0x820, usage.ram().orElseThrow().used());
        assertEquals(List.of(), usage.notes());
    }

    @Test
    void dataLinkedOutsideThePartitionIsMeasuredByItsSpanAndSaysSo() throws Exception {
        ImageUsage usage = ImageUsage.fromElf(
                ElfSections.parse(ElfSectionsTest.image().bytes(), "app.elf"), new MemoryRegion(0x40000, 0x10000), RAM);

        assertEquals(0x2e4, usage.flash().orElseThrow().used());
        assertTrue(
                usage.notes()
                        .get(0)
                        .startsWith("its data lies at 0x14000..0x142e4 (0x2e4 bytes), outside" + " 0x40000..0x50000"),
                usage.notes().toString());
    }

    @Test
    void ramSectionsOutsideTheGivenRamAreCountedAndNoted() throws Exception {
        ImageUsage usage = ImageUsage.fromElf(
                ElfSections.parse(ElfSectionsTest.image().bytes(), "app.elf"),
                PARTITION,
                new MemoryRegion(0x20008000L, 0x8000));

        assertEquals(0x118, usage.ram().orElseThrow().used());
        assertTrue(
                usage.notes()
                        .contains("280 bytes of RAM sections lie outside 0x20008000..0x20010000 (0x8000"
                                + " bytes), the RAM the image was given"),
                usage.notes().toString());
    }

    @Test
    void aPrebuiltHexGivesFlashFromItsExtentAndNoRam() {
        MemoryImage hex = new MemoryImage();
        hex.write(0x14000, new byte[0x100]);
        hex.write(0x14200, new byte[0x10]);

        ImageUsage usage = ImageUsage.fromHex(hex, "net.hex", PARTITION, ImageMeasurement.PREBUILT);

        assertEquals(Optional.of(new Fill(0x210, 0x2c000)), usage.flash());
        assertEquals(0x110, usage.flashContents());
        assertEquals(0x100, usage.flashPadding());
        assertEquals(Optional.empty(), usage.ram());
        assertEquals(List.of("no ELF (prebuilt): flash used is the HEX's extent; RAM unknown"), usage.notes());
    }

    @Test
    void fillPercentHasOneDecimalRoundedHalfUp() {
        assertEquals(new BigDecimal("0.4"), new Fill(723, 180224).percent());
        assertEquals(new BigDecimal("12.5"), new Fill(1, 8).percent());
        assertEquals(new BigDecimal("100.0"), new Fill(8, 8).percent());
        assertEquals(new BigDecimal("0.0"), new Fill(0, 0).percent());
        assertEquals(-8, new Fill(16, 8).free());
    }
}
