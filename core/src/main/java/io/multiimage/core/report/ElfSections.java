package io.multiimage.core.report;

import io.multiimage.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The section table of a 32-bit ELF file (little or big endian), what {@code readelf -S}
 * shows: every section's name, type, flags, run address and size, plus its load address,
 * which {@code readelf} does not show: an initialised {@code .data} runs in RAM but its
 * initial values are stored in flash. The load address comes from the {@code PT_LOAD} segment
 * holding the section ({@code p_paddr + (sh_addr - p_vaddr)}), as {@code objdump -h} computes
 * its LMA column; a section in no segment loads where it runs.
 *
 * <pre>{@code
 * for (ElfSections.Section s : ElfSections.read(Path.of("app.elf")).sections()) { ... }
 * }</pre>
 */
public final class ElfSections {

    /** {@code SHT_NOBITS}: the section occupies memory but no bytes of the file ({@code .bss}). */
    public static final int SHT_NOBITS = 8;
    /** {@code SHF_WRITE}: writable at run time. */
    public static final long SHF_WRITE = 0x1;
    /** {@code SHF_ALLOC}: occupies memory while the program runs. */
    public static final long SHF_ALLOC = 0x2;

    private static final int PT_LOAD = 1;
    private static final int SHN_XINDEX = 0xffff;
    private static final int ELF32_HEADER = 52;
    private static final int ELF32_SECTION_HEADER = 40;
    private static final int ELF32_PROGRAM_HEADER = 32;
    /** Largest file read: firmware ELF files with debug information are far smaller. */
    private static final long MAX_FILE_SIZE = 1L << 30;

    /**
     * One section.
     *
     * @param name its name from the section-name string table, e.g. {@code .text}
     * @param type {@code sh_type}
     * @param flags {@code sh_flags}
     * @param address where it runs ({@code sh_addr}, VMA)
     * @param loadAddress where its bytes are stored (LMA); the run address when no segment holds it
     * @param size bytes it occupies in memory ({@code sh_size})
     */
    public record Section(String name, int type, long flags, long address, long loadAddress, long size) {

        /** True when the section occupies memory while the program runs ({@code SHF_ALLOC}). */
        public boolean allocated() {
            return (flags & SHF_ALLOC) != 0;
        }

        /** True when the file holds the section's bytes: everything allocated except {@code NOBITS}. */
        public boolean hasContents() {
            return type != SHT_NOBITS;
        }

        /** True when the program may write it ({@code SHF_WRITE}): it lives in RAM. */
        public boolean writable() {
            return (flags & SHF_WRITE) != 0;
        }
    }

    private final String source;
    private final List<Section> sections;

    private ElfSections(String source, List<Section> sections) {
        this.source = source;
        this.sections = List.copyOf(sections);
    }

    /**
     * Reads {@code file}; problems are reported under {@code label} (the path as messages show it).
     *
     * @throws InvalidConfigurationException when the file is not a 32-bit ELF file or is truncated
     * @throws IOException when it cannot be read
     */
    public static ElfSections read(Path file, String label) throws IOException, InvalidConfigurationException {
        if (Files.size(file) > MAX_FILE_SIZE) {
            throw new InvalidConfigurationException(label + ": larger than " + (MAX_FILE_SIZE >> 20)
                    + " MiB; a firmware ELF file is far smaller (is this the right file?)");
        }
        return parse(Files.readAllBytes(file), label);
    }

    /**
     * Parses an ELF file held in memory.
     *
     * @throws InvalidConfigurationException when the bytes are not a 32-bit ELF file or are truncated
     */
    public static ElfSections parse(byte[] bytes, String label) throws InvalidConfigurationException {
        return new Reader(bytes, label).read();
    }

    /** The file as messages name it. */
    public String source() {
        return source;
    }

    /** Every section in file order, the null section at index 0 left out. */
    public List<Section> sections() {
        return sections;
    }

    /** One parse of one file. */
    private static final class Reader {
        private final byte[] b;
        private final String label;
        private boolean bigEndian;

        Reader(byte[] bytes, String label) {
            this.b = bytes;
            this.label = label;
        }

        ElfSections read() throws InvalidConfigurationException {
            if (b.length < 16 || b[0] != 0x7F || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
                throw error(0, "not an ELF file (expected the bytes 7f 45 4c 46, \"\\x7fELF\", at offset 0)");
            }
            if (b[4] != 1) {
                throw error(
                        4,
                        b[4] == 2
                                ? "a 64-bit ELF file; a Cortex-M firmware image is a 32-bit ELF file"
                                : "unknown ELF class " + b[4] + " (expected 1, 32-bit)");
            }
            if (b[5] != 1 && b[5] != 2) {
                throw error(5, "unknown ELF data encoding " + b[5] + " (expected 1, little endian, or 2, big endian)");
            }
            bigEndian = b[5] == 2;
            need(0, ELF32_HEADER, "the ELF header");
            long phoff = u32(28);
            long shoff = u32(32);
            int phentsize = u16(42);
            int phnum = u16(44);
            int shentsize = u16(46);
            int shnum = u16(48);
            int shstrndx = u16(50);
            if (shoff == 0) {
                throw error(
                        32, "no section headers (stripped?); the memory report needs the ELF file the linker wrote");
            }
            if (shentsize < ELF32_SECTION_HEADER) {
                throw error(
                        46, "section header size " + shentsize + " (expected at least " + ELF32_SECTION_HEADER + ")");
            }
            need(shoff, ELF32_SECTION_HEADER, "section header 0");
            // More than 0xff00 sections: the count and the name table's index live in section 0.
            if (shnum == 0) {
                shnum = (int) Math.min(u32(shoff + 20), Integer.MAX_VALUE);
            }
            if (shstrndx == SHN_XINDEX) {
                shstrndx = (int) u32(shoff + 24);
            }
            need(shoff, (long) shnum * shentsize, shnum + " section headers");
            if (shstrndx <= 0 || shstrndx >= shnum) {
                throw error(50, "section-name table index " + shstrndx + " is not one of the " + shnum + " sections");
            }
            List<long[]> segments = loadSegments(phoff, phentsize, phnum);
            long namesAt = shoff + (long) shstrndx * shentsize;
            long namesOffset = u32(namesAt + 16);
            long namesSize = u32(namesAt + 20);
            need(namesOffset, namesSize, "the section-name table");
            List<Section> sections = new ArrayList<>();
            for (int i = 1; i < shnum; i++) {
                long at = shoff + (long) i * shentsize;
                String name = name(namesOffset, namesSize, u32(at), i);
                int type = (int) u32(at + 4);
                long flags = u32(at + 8);
                long address = u32(at + 12);
                long size = u32(at + 20);
                sections.add(new Section(name, type, flags, address, loadAddress(segments, address, size), size));
            }
            return new ElfSections(label, sections);
        }

        /** The {@code PT_LOAD} segments as {vaddr, paddr, memsz}. */
        private List<long[]> loadSegments(long phoff, int phentsize, int phnum) throws InvalidConfigurationException {
            List<long[]> segments = new ArrayList<>();
            if (phoff == 0 || phnum == 0) {
                return segments;
            }
            if (phentsize < ELF32_PROGRAM_HEADER) {
                throw error(
                        42, "program header size " + phentsize + " (expected at least " + ELF32_PROGRAM_HEADER + ")");
            }
            need(phoff, (long) phnum * phentsize, phnum + " program headers");
            for (int i = 0; i < phnum; i++) {
                long at = phoff + (long) i * phentsize;
                if (u32(at) == PT_LOAD) {
                    segments.add(new long[] {u32(at + 8), u32(at + 12), u32(at + 20)});
                }
            }
            return segments;
        }

        private static long loadAddress(List<long[]> segments, long address, long size) {
            for (long[] segment : segments) {
                long vaddr = segment[0];
                if (address >= vaddr
                        && address + size <= vaddr + segment[2]
                        && (size > 0 || address < vaddr + segment[2])) {
                    return segment[1] + (address - vaddr);
                }
            }
            return address;
        }

        private String name(long tableOffset, long tableSize, long index, int section)
                throws InvalidConfigurationException {
            if (index >= tableSize) {
                throw error(
                        tableOffset,
                        "section " + section + " names offset " + index + " past the end of the section-name table ("
                                + tableSize + " bytes)");
            }
            int start = (int) (tableOffset + index);
            int end = start;
            int limit = (int) (tableOffset + tableSize);
            while (end < limit && b[end] != 0) {
                end++;
            }
            return new String(b, start, end - start, StandardCharsets.UTF_8);
        }

        private void need(long offset, long length, String what) throws InvalidConfigurationException {
            if (offset < 0 || length < 0 || offset + length > b.length) {
                throw error(
                        offset,
                        "truncated: " + what + " would end at offset " + (offset + length) + " but the file has "
                                + b.length + " bytes");
            }
        }

        private int u16(long at) {
            int i = (int) at;
            return bigEndian ? ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff) : (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8);
        }

        private long u32(long at) throws InvalidConfigurationException {
            need(at, 4, "a 4-byte field");
            int i = (int) at;
            long v = bigEndian
                    ? ((b[i] & 0xffL) << 24)
                            | ((b[i + 1] & 0xffL) << 16)
                            | ((b[i + 2] & 0xffL) << 8)
                            | (b[i + 3] & 0xffL)
                    : (b[i] & 0xffL)
                            | ((b[i + 1] & 0xffL) << 8)
                            | ((b[i + 2] & 0xffL) << 16)
                            | ((b[i + 3] & 0xffL) << 24);
            return v;
        }

        private InvalidConfigurationException error(long offset, String what) {
            return new InvalidConfigurationException(label + " (offset " + offset + "): " + what);
        }
    }
}
