package io.multiimage.hex;

import java.util.Locale;

/**
 * Which start address a merge keeps. Each firmware image carries its own entry point, so the
 * merged file's one start address must be chosen on purpose. Inputs without a start address
 * never take part.
 */
public enum StartPolicy {
    /**
     * Two inputs whose start addresses lead to different physical addresses are an error (the
     * default); agreeing ones are fine and the first is kept (its record kind too).
     */
    ERROR,
    /** The start address of the first input that has one. */
    FIRST,
    /** The start address of the last input that has one. */
    LAST,
    /** No start address in the result. */
    NONE;

    /** The lower-case name used on command lines and in configuration. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|first|last|none} (any case). */
    public static StartPolicy parse(String text) {
        for (StartPolicy p : values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown start address policy '" + text + "'; expected error, first, last or none");
    }
}
