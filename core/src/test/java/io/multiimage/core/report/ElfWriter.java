package io.multiimage.core.report;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small 32-bit ELF files for tests: the sections and {@code PT_LOAD} segments given, a
 * section-name table, section contents of zeros. Laid out as the ELF specification describes:
 * header, program headers, section contents, name table, section headers.
 */
final class ElfWriter {

    static final int PROGBITS = 1;
    static final int NOBITS = 8;
    static final long A = ElfSections.SHF_ALLOC;
    static final long WA = ElfSections.SHF_ALLOC | ElfSections.SHF_WRITE;
    static final long AX = ElfSections.SHF_ALLOC | 0x4;

    private record Sec(String name, int type, long flags, long address, long size) {}

    private record Seg(long vaddr, long paddr, long filesz, long memsz) {}

    private final List<Sec> sections = new ArrayList<>();
    private final List<Seg> segments = new ArrayList<>();
    private boolean bigEndian;

    ElfWriter bigEndian() {
        bigEndian = true;
        return this;
    }

    ElfWriter section(String name, int type, long flags, long address, long size) {
        sections.add(new Sec(name, type, flags, address, size));
        return this;
    }

    ElfWriter segment(long vaddr, long paddr, long filesz, long memsz) {
        segments.add(new Seg(vaddr, paddr, filesz, memsz));
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        List<Integer> nameOffsets = new ArrayList<>();
        for (Sec s : sections) {
            nameOffsets.add(names.size());
            names.writeBytes(s.name().getBytes(StandardCharsets.UTF_8));
            names.write(0);
        }
        int shstrtabName = names.size();
        names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.UTF_8));
        int phoff = 52;
        int contentsAt = phoff + 32 * segments.size();
        int offset = contentsAt;
        List<Integer> offsets = new ArrayList<>();
        for (Sec s : sections) {
            offsets.add(offset);
            if (s.type() != NOBITS) {
                offset += (int) s.size();
            }
        }
        int namesAt = offset;
        int shoff = namesAt + names.size();
        int shnum = sections.size() + 2;
        ByteBuffer b = ByteBuffer.allocate(shoff + 40 * shnum)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 1, (byte) (bigEndian ? 2 : 1), 1, 0});
        b.position(16);
        b.putShort((short) 2)
                .putShort((short) 40)
                .putInt(1)
                .putInt(0x101)
                .putInt(segments.isEmpty() ? 0 : phoff)
                .putInt(shoff)
                .putInt(0x05000200)
                .putShort((short) 52)
                .putShort((short) 32)
                .putShort((short) segments.size())
                .putShort((short) 40)
                .putShort((short) shnum)
                .putShort((short) (shnum - 1));
        b.position(phoff);
        for (Seg g : segments) {
            b.putInt(1)
                    .putInt(contentsAt)
                    .putInt((int) g.vaddr())
                    .putInt((int) g.paddr())
                    .putInt((int) g.filesz())
                    .putInt((int) g.memsz())
                    .putInt(5)
                    .putInt(4);
        }
        b.position(namesAt);
        b.put(names.toByteArray());
        b.position(shoff + 40);
        for (int i = 0; i < sections.size(); i++) {
            Sec s = sections.get(i);
            b.putInt(nameOffsets.get(i))
                    .putInt(s.type())
                    .putInt((int) s.flags())
                    .putInt((int) s.address())
                    .putInt(offsets.get(i))
                    .putInt((int) s.size())
                    .putInt(0)
                    .putInt(0)
                    .putInt(4)
                    .putInt(0);
        }
        b.putInt(shstrtabName)
                .putInt(3)
                .putInt(0)
                .putInt(0)
                .putInt(namesAt)
                .putInt(names.size())
                .putInt(0)
                .putInt(0)
                .putInt(1)
                .putInt(0);
        return b.array();
    }
}
