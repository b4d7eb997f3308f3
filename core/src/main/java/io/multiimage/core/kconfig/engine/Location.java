package io.multiimage.core.kconfig.engine;

/**
 * A place in a Kconfig or fragment file: the file name as the engine built it (relative to the
 * source tree root unless given absolute) and a 1-based line number.
 */
public record Location(String file, int line) {

    /** {@code FILE:LINE}. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
