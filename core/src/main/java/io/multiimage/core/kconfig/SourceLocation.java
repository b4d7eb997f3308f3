package io.multiimage.core.kconfig;

import java.util.Objects;

/**
 * A line of a configuration file, named the way messages name it: project-root-relative, or
 * {@code command line} for the generated fragment of single values.
 *
 * @param file the file name as shown to the user
 * @param line 1-based line number
 */
public record SourceLocation(String file, int line) {

    /** Checks the parts. */
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
    }

    /** {@code FILE:LINE}. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
