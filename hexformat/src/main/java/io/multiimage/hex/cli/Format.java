package io.multiimage.hex.cli;

import java.nio.file.Path;
import java.util.Locale;

/** File formats the CLI knows, chosen by file name extension. */
enum Format {
    HEX("Intel HEX", true, true, ".hex", ".ihex", ".ihx"),
    SREC("Motorola S-record", true, true, ".srec", ".s19", ".s28", ".s37", ".mot"),
    BIN("raw binary", true, true, ".bin"),
    ELF("ELF", true, false, ".elf", ".axf"),
    UF2("UF2", false, true, ".uf2");

    final String description;
    final boolean readable;
    final boolean writable;
    private final String[] extensions;

    Format(String description, boolean readable, boolean writable, String... extensions) {
        this.description = description;
        this.readable = readable;
        this.writable = writable;
        this.extensions = extensions;
    }

    static Format forInput(Path file) throws UsageException {
        Format f = of(file);
        if (f == null || !f.readable) {
            throw new UsageException("cannot tell the format of input " + file
                    + ": expected an extension .hex, .srec (.s19 .s28 .s37 .mot), .bin or .elf");
        }
        return f;
    }

    static Format forOutput(Path file) throws UsageException {
        Format f = of(file);
        if (f == null || !f.writable) {
            throw new UsageException("cannot tell the format of output " + file
                    + ": expected an extension .hex, .srec (.s19 .s28 .s37 .mot), .bin or .uf2");
        }
        return f;
    }

    private static Format of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            for (String ext : f.extensions) {
                if (lower.endsWith(ext)) {
                    return f;
                }
            }
        }
        return null;
    }
}
