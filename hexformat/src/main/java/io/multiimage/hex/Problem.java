package io.multiimage.hex;

import java.util.Objects;

/**
 * One thing wrong with an input, located as precisely as the format allows.
 *
 * @param source  the input's name as the user gave it (a path, an input name)
 * @param line    1-based line number, or 0 when the format has no lines (ELF, binary) or the
 *                problem concerns the input as a whole
 * @param message what was expected and what was found
 */
public record Problem(String source, long line, String message) {

    /** Validates the components. */
    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** {@code FILE:LINE: message}, or {@code FILE: message} when there is no line. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
