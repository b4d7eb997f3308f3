package io.multiimage.core.variables;

import java.util.Objects;

/**
 * A variable as one image receives it.
 *
 * @param name the name inside the receiving image (prefixes removed)
 * @param value the value as given
 * @param givenAs the top-level (command-line) variable it came from, e.g. {@code mcuboot_b0_CONF_FILE}
 * @param origin how it reached the image
 */
public record ReceivedVariable(String name, String value, String givenAs, Origin origin) {

    /** How a variable reached an image. */
    public enum Origin {
        /** Given to this image: unprefixed at the top level, or through its name prefix. */
        IMAGE_SPECIFIC,
        /** A global setting inherited from the parent. */
        GLOBAL
    }

    /** Checks the parts. */
    public ReceivedVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(givenAs, "givenAs");
        Objects.requireNonNull(origin, "origin");
    }
}
