package io.multiimage.core.model;

import io.multiimage.core.InvalidConfigurationException;

/**
 * The declared images do not form a valid tree or an image's declaration is wrong: unsafe or
 * duplicate names, a cycle, an unknown child, bad HEX coordinates, a build strategy that
 * needs a static partition. Carries the image the problem belongs to.
 */
public class ImageModelException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String image;

    /** A problem of {@code image} (may be null when no single image is at fault). */
    public ImageModelException(String image, String message) {
        super(message);
        this.image = image;
        if (image != null) {
            blameImage(image);
        }
    }

    /** The image the problem belongs to, or null. */
    public String image() {
        return image;
    }
}
