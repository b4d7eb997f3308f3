package io.multiimage.hex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the bytes an ELF executable puts into memory, the way {@code objcopy -O ihex} does:
 * ELF32 and ELF64, little and big endian.
 *
 * <p>Every {@code PT_LOAD} program header contributes file bytes only ({@code p_filesz}, so
 * {@code .bss} adds nothing) at its physical address {@code p_paddr} (the load address, LMA,
 * which differs from the run address for initialised {@code .data} copied from flash). When
 * the file has section headers, only the parts of a segment that belong to allocated
 * sections with contents are taken, which drops ELF headers and padding that the linker
 * happened to map into the first segment. The entry point becomes a linear start address
 * (none when it is 0, which ELF defines as "no entry point").
 *
 * <pre>{@code
 * MemoryImage app = Elf.load(Path.of("build/zephyr.elf"));
 * }</pre>
 */
public final class Elf {

    private static final int PT_LOAD = 1;
    private static final int SHT_NOBITS = 8;
    private static final long SHF_ALLOC = 2;

    private Elf() {}

    /** The largest ELF file read (firmware ELF files with debug information are far smaller). */
    static final int MAX_FILE_SIZE = 1 << 30;

    /**
     * Loads {@code file}; problems are reported under {@code file.toString()}. The identification
     * bytes are checked before the rest is read, and at most {@link #MAX_FILE_SIZE} bytes are
     * read, so a device or pipe that never ends (a link to {@code /dev/zero}) is refused quickly.
     */
    public static MemoryImage load(Path file) throws IOException, ImageFormatException {
        String source = file.toString();
        if (Files.isRegularFile(file) && Files.size(file) <= MAX_FILE_SIZE) {
            return load(Files.readAllBytes(file), source);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] ident = in.readNBytes(16);
            if (ident.length < 16 || ident[0] != 0x7F || ident[1] != 'E' || ident[2] != 'L' || ident[3] != 'F') {
                return load(ident, source); // reports what was found instead of the magic
            }
            byte[] rest = in.readNBytes(MAX_FILE_SIZE - 16);
            if (rest.length == MAX_FILE_SIZE - 16 && in.read() >= 0) {
                throw new ImageFormatException(
                        source,
                        0,
                        "ELF file larger than " + (MAX_FILE_SIZE >> 20)
                                + " MiB; a firmware ELF file is far smaller (is this the right file?)");
            }
            byte[] bytes = new byte[16 + rest.length];
            System.arraycopy(ident, 0, bytes, 0, 16);
            System.arraycopy(rest, 0, bytes, 16, rest.length);
            return load(bytes, source);
        }
    }

    /** Loads an ELF file held in memory. */
    public static MemoryImage load(byte[] bytes, String sourceName) throws ImageFormatException {
        return new Reader(bytes, sourceName).load();
    }

    /** One parse of one file. */
    private static final class Reader {
        private final byte[] b;
        private final String source;
        private boolean is64;
        private boolean bigEndian;

        Reader(byte[] bytes, String source) {
            this.b = bytes;
            this.source = source;
        }

        MemoryImage load() throws ImageFormatException {
            if (b.length < 16 || b[0] != 0x7F || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
                throw fail(String.format(
                        "not an ELF file: expected magic 7F 45 4C 46, found %s",
                        b.length < 4
                                ? b.length + " byte(s)"
                                : String.format(
                                        "%02X %02X %02X %02X", b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF)));
            }
            int cls = b[4];
            if (cls != 1 && cls != 2) {
                throw fail("unknown ELF class " + cls + "; expected 1 (ELF32) or 2 (ELF64)");
            }
            int data = b[5];
            if (data != 1 && data != 2) {
                throw fail("unknown ELF data encoding " + data + "; expected 1 (little endian) or 2 (big endian)");
            }
            is64 = cls == 2;
            bigEndian = data == 2;
            int headerSize = is64 ? 64 : 52;
            if (b.length < headerSize) {
                throw fail(String.format(
                        "truncated ELF header: expected %d bytes, the file has %d", headerSize, b.length));
            }
            long entry = is64 ? u64(24) : u32(24);
            long phoff = is64 ? u64(32) : u32(28);
            long shoff = is64 ? u64(40) : u32(32);
            int phentsize = u16(is64 ? 54 : 42);
            int phnum = u16(is64 ? 56 : 44);
            int shentsize = u16(is64 ? 58 : 46);
            int shnum = u16(is64 ? 60 : 48);
            int minPh = is64 ? 56 : 32;
            int minSh = is64 ? 64 : 40;
            if (phnum > 0 && phentsize < minPh) {
                throw fail(String.format(
                        "program header entry size %d is too small; expected at least %d", phentsize, minPh));
            }
            requireInFile("program header table", phoff, (long) phnum * phentsize);
            List<long[]> sections = new ArrayList<>();
            if (shoff != 0 && shnum > 0) {
                if (shentsize < minSh) {
                    throw fail(String.format(
                            "section header entry size %d is too small; expected at least %d", shentsize, minSh));
                }
                requireInFile("section header table", shoff, (long) shnum * shentsize);
                for (int i = 0; i < shnum; i++) {
                    int at = (int) (shoff + (long) i * shentsize);
                    long type = u32(at + 4);
                    long flags = is64 ? u64(at + 8) : u32(at + 8);
                    long offset = is64 ? u64(at + 24) : u32(at + 16);
                    long size = is64 ? u64(at + 32) : u32(at + 20);
                    if ((flags & SHF_ALLOC) != 0 && type != SHT_NOBITS && size > 0) {
                        sections.add(new long[] {offset, offset + size});
                    }
                }
            }
            MemoryImage image = new MemoryImage();
            boolean haveSections = shoff != 0 && shnum > 0;
            for (int i = 0; i < phnum; i++) {
                int at = (int) (phoff + (long) i * phentsize);
                if (u32(at) != PT_LOAD) {
                    continue;
                }
                long offset = is64 ? u64(at + 8) : u32(at + 4);
                long paddr = is64 ? u64(at + 24) : u32(at + 12);
                long filesz = is64 ? u64(at + 32) : u32(at + 16);
                if (filesz == 0) {
                    continue;
                }
                requireInFile("program header " + i + " (PT_LOAD)", offset, filesz);
                if (paddr < 0 || paddr + filesz > MemoryImage.ADDRESS_LIMIT || paddr + filesz < paddr) {
                    throw fail(String.format(
                            "address past 4 GiB: program header %d loads 0x%X bytes at physical address"
                                    + " 0x%X, past 0xFFFFFFFF",
                            i, filesz, paddr));
                }
                if (!haveSections) {
                    place(image, i, paddr, (int) offset, (int) filesz);
                    continue;
                }
                for (long[] s : sections) {
                    long from = Math.max(s[0], offset);
                    long to = Math.min(s[1], offset + filesz);
                    if (from < to) {
                        place(image, i, paddr + (from - offset), (int) from, (int) (to - from));
                    }
                }
            }
            if (entry != 0) {
                if (entry >= MemoryImage.ADDRESS_LIMIT || entry < 0) {
                    throw fail(String.format("address past 4 GiB: entry point 0x%X does not fit 32 bits", entry));
                }
                image.setStartAddress(StartAddress.linear(entry));
            }
            return image;
        }

        private void place(MemoryImage image, int header, long address, int offset, int length)
                throws ImageFormatException {
            long conflict = image.writeIfConsistent(address, b, offset, length);
            if (conflict >= 0) {
                throw fail(String.format(
                        "program header %d loads 0x%02X at 0x%08X, where an earlier segment" + " loaded 0x%02X",
                        header, b[offset + (int) (conflict - address)] & 0xFF, conflict, image.get(conflict)));
            }
        }

        private void requireInFile(String what, long offset, long length) throws ImageFormatException {
            if (offset < 0 || length < 0 || offset + length > b.length || offset + length < offset) {
                throw fail(String.format(
                        "truncated ELF file: %s needs bytes 0x%X-0x%X, the file has 0x%X bytes",
                        what, offset, offset + length - 1, b.length));
            }
        }

        private ImageFormatException fail(String message) {
            return new ImageFormatException(source, 0, message);
        }

        private int u16(int at) {
            int x = b[at] & 0xFF;
            int y = b[at + 1] & 0xFF;
            return bigEndian ? (x << 8) | y : (y << 8) | x;
        }

        private long u32(int at) {
            long v = 0;
            for (int i = 0; i < 4; i++) {
                int shift = bigEndian ? 8 * (3 - i) : 8 * i;
                v |= (long) (b[at + i] & 0xFF) << shift;
            }
            return v;
        }

        private long u64(int at) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                int shift = bigEndian ? 8 * (7 - i) : 8 * i;
                v |= (long) (b[at + i] & 0xFF) << shift;
            }
            return v;
        }
    }
}
