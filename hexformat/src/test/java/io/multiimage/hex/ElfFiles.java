package io.multiimage.hex;

import java.util.List;

/** Public access to the synthetic ELF builder of {@link ElfTest} for tests in other packages. */
public final class ElfFiles {

    private ElfFiles() {}

    /** A little-endian ELF32 with one PT_LOAD of {@code data} at {@code address}. */
    public static byte[] minimal(long address, byte[] data, long entry) {
        return ElfTest.elf(false, false, entry, List.of(new ElfTest.Ph(1, address, data, data.length)));
    }
}
