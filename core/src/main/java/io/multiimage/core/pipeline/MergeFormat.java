package io.multiimage.core.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A file format the merged files are written in. Intel HEX is always written (the verify step
 * and {@code firmware:run} read it); the others are written beside it, under the same name with
 * their own extension ({@code merged.bin}, {@code merged.srec}, {@code merged.uf2}).
 */
public enum MergeFormat {
    /** Intel HEX, {@code .hex}: always written. */
    HEX("hex"),
    /** Raw binary, {@code .bin}: lowest to highest data address, gaps filled; its start address goes to build-info.json. */
    BIN("bin"),
    /** Motorola S-record, {@code .srec}. */
    SREC("srec"),
    /** UF2, {@code .uf2}: 256-byte payloads, with the family id when one is configured. */
    UF2("uf2");

    private final String extension;

    MergeFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension without the dot, which is also the name used in configuration and the artifact type. */
    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive), if there is one. */
    public static Optional<MergeFormat> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst();
    }

    /** Every format's name, for messages: {@code hex, bin, srec, uf2}. */
    public static String names() {
        return Arrays.stream(values()).map(MergeFormat::extension).collect(Collectors.joining(", "));
    }
}
