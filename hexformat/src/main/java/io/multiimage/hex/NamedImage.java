package io.multiimage.hex;

import java.util.Objects;

/**
 * A merge input: an image and the name messages use for it (a file path, an image name).
 *
 * @param name  how messages refer to this input
 * @param image its data and start address
 */
public record NamedImage(String name, MemoryImage image) {

    /** Validates the components. */
    public NamedImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
    }
}
