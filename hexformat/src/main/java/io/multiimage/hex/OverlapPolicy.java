package io.multiimage.hex;

import java.util.Locale;

/** What a merge does when two inputs hold data at the same address. */
public enum OverlapPolicy {
    /** Any shared address is an error naming both inputs and the range (the default). */
    ERROR,
    /** The later input's bytes win. */
    REPLACE,
    /** The earlier input's bytes are kept. */
    IGNORE,
    /** Shared addresses are fine when both inputs hold the same byte there; different bytes are an error. */
    IDENTICAL;

    /** The lower-case name used on command lines and in configuration. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|replace|ignore|identical} (any case). */
    public static OverlapPolicy parse(String text) {
        for (OverlapPolicy p : values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown overlap policy '" + text + "'; expected error, replace, ignore or identical");
    }
}
