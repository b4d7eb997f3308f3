package io.multiimage.core.devicetree;

import java.nio.file.Path;

/**
 * Where a piece of devicetree source text came from: the real file (after following
 * {@code #include} and {@code /include/}) and its 1-based line and column.
 *
 * @param file the file the text was read from
 * @param line 1-based line number in that file
 * @param column 1-based column (approximate after macro expansion)
 */
public record SourceLocation(Path file, int line, int column) {

    /** {@code FILE:LINE}, the form every diagnostic starts with. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
