package io.multiimage.hex;

import static io.multiimage.hex.Texts.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElfTest {

    /** A program header of the synthetic files below. */
    record Ph(int type, long paddr, byte[] data, long memsz) {}

    /** Builds a minimal ELF file without section headers: header, program headers, then the data. */
    static byte[] elf(boolean is64, boolean bigEndian, long entry, List<Ph> headers) {
        int ehsize = is64 ? 64 : 52;
        int phentsize = is64 ? 56 : 32;
        int dataStart = ehsize + phentsize * headers.size();
        int total = dataStart + headers.stream().mapToInt(h -> h.data().length).sum();
        ByteBuffer b = ByteBuffer.allocate(total).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (bigEndian ? 2 : 1), 1, 0});
        b.position(16);
        b.putShort((short) 2).putShort((short) 40).putInt(1);
        if (is64) {
            b.putLong(entry).putLong(ehsize).putLong(0);
        } else {
            b.putInt((int) entry).putInt(ehsize).putInt(0);
        }
        b.putInt(0)
                .putShort((short) ehsize)
                .putShort((short) phentsize)
                .putShort((short) headers.size())
                .putShort((short) 40)
                .putShort((short) 0)
                .putShort((short) 0);
        int offset = dataStart;
        for (Ph h : headers) {
            if (is64) {
                b.putInt(h.type())
                        .putInt(5)
                        .putLong(offset)
                        .putLong(h.paddr() + 0x1000)
                        .putLong(h.paddr())
                        .putLong(h.data().length)
                        .putLong(h.memsz())
                        .putLong(4);
            } else {
                b.putInt(h.type())
                        .putInt(offset)
                        .putInt((int) (h.paddr() + 0x1000))
                        .putInt((int) h.paddr())
                        .putInt(h.data().length)
                        .putInt((int) h.memsz())
                        .putInt(5)
                        .putInt(4);
            }
            offset += h.data().length;
        }
        for (Ph h : headers) {
            b.put(h.data());
        }
        return b.array();
    }

    @ParameterizedTest
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void loadsPtLoadAtPhysicalAddressForEveryClassAndByteOrder(boolean is64, boolean bigEndian) throws Exception {
        byte[] file = elf(
                is64,
                bigEndian,
                0x8001,
                List.of(
                        new Ph(1, 0x8000, bytes(1, 2, 3, 4), 4),
                        new Ph(4, 0x0, bytes(9, 9), 2), // PT_NOTE: not loaded
                        new Ph(1, 0x9000, bytes(5, 6), 0x100))); // .data + .bss: only file bytes
        MemoryImage image = Elf.load(file, "a.elf");
        assertEquals(List.of(new Segment(0x8000, 4), new Segment(0x9000, 2)), image.segments());
        assertArrayEquals(bytes(5, 6), image.read(0x9000, 2, (byte) 0));
        assertEquals(Optional.of(StartAddress.linear(0x8001)), image.startAddress());
    }

    @Test
    void entryZeroMeansNoStartAddress() throws Exception {
        assertEquals(
                Optional.empty(),
                Elf.load(elf(false, false, 0, List.of()), "a.elf").startAddress());
    }

    @Test
    void nonElfInputIsRejected() {
        ImageFormatException e =
                assertThrows(ImageFormatException.class, () -> Elf.load(":00000001FF\nmore text".getBytes(), "a.elf"));
        assertEquals("a.elf: not an ELF file: expected magic 7F 45 4C 46, found 3A 30 30 30", e.getMessage());
        assertEquals(0, e.getLine());
    }

    @Test
    void tinyInputIsRejected() {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Elf.load(new byte[2], "a.elf"));
        assertEquals("a.elf: not an ELF file: expected magic 7F 45 4C 46, found 2 byte(s)", e.getMessage());
    }

    @Test
    void truncatedHeaderIsRejected() {
        byte[] file = Arrays.copyOf(elf(true, false, 0, List.of()), 40);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Elf.load(file, "a.elf"));
        assertEquals("a.elf: truncated ELF header: expected 64 bytes, the file has 40", e.getMessage());
    }

    @Test
    void truncatedSegmentIsRejected() {
        byte[] full = elf(false, false, 0, List.of(new Ph(1, 0x100, new byte[16], 16)));
        byte[] file = Arrays.copyOf(full, full.length - 4);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Elf.load(file, "a.elf"));
        assertEquals(
                "a.elf: truncated ELF file: program header 0 (PT_LOAD) needs bytes 0x54-0x63, the file has 0x60 bytes",
                e.getMessage());
    }

    @Test
    void truncatedProgramHeaderTableIsRejected() {
        byte[] full = elf(false, false, 0, List.of(new Ph(1, 0x100, new byte[0], 0)));
        byte[] file = Arrays.copyOf(full, 60);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Elf.load(file, "a.elf"));
        assertEquals(
                "a.elf: truncated ELF file: program header table needs bytes 0x34-0x53, the file has 0x3C bytes",
                e.getMessage());
    }

    @Test
    void unknownClassIsRejected() {
        byte[] file = elf(false, false, 0, List.of());
        file[4] = 3;
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Elf.load(file, "a.elf"));
        assertEquals("a.elf: unknown ELF class 3; expected 1 (ELF32) or 2 (ELF64)", e.getMessage());
    }

    @Test
    void segmentPastFourGibIsRejected() {
        byte[] file = elf(true, false, 0, List.of(new Ph(1, 0xFFFF_FFFEL, new byte[4], 4)));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Elf.load(file, "a.elf"));
        assertEquals(
                "a.elf: address past 4 GiB: program header 0 loads 0x4 bytes at physical address 0xFFFFFFFE,"
                        + " past 0xFFFFFFFF",
                e.getMessage());
    }

    @Test
    void overlappingSegmentsWithDifferentBytesAreRejected() {
        byte[] file = elf(false, false, 0, List.of(new Ph(1, 0x100, bytes(1, 2), 2), new Ph(1, 0x101, bytes(3), 1)));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> Elf.load(file, "a.elf"));
        assertEquals(
                "a.elf: program header 1 loads 0x03 at 0x00000101, where an earlier segment loaded 0x02",
                e.getMessage());
    }
}
