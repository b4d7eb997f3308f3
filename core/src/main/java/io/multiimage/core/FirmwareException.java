package io.multiimage.core;

import java.util.Optional;

/**
 * Base of every checked exception the core throws, named for who must act:
 * {@link InvalidConfigurationException} (the user's configuration or firmware is wrong) and
 * {@link EnvironmentException} (the machine or a tool failed); a defect of multiimage itself is
 * an unchecked exception. The message is written for the user: which image, which file and line,
 * what was expected, what to do.
 */
public abstract class FirmwareException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The image whose input is at fault, when known; see {@link #blameImage}. */
    private String culpritImage;
    /** The file at fault, as messages name it (relative to the project root, or absolute). */
    private String culpritFile;

    protected FirmwareException(String message) {
        super(message);
    }

    protected FirmwareException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The image whose input is at fault. A build tool uses it to report the failure on the
     * project that owns that image, not on whichever project happened to find it.
     */
    public Optional<String> culpritImage() {
        return Optional.ofNullable(culpritImage);
    }

    /** The file at fault, relative to the project root (as messages name it) or absolute. */
    public Optional<String> culpritFile() {
        return Optional.ofNullable(culpritFile);
    }

    /** Names the image at fault unless one is already named (the innermost knows best); returns this. */
    public FirmwareException blameImage(String image) {
        if (culpritImage == null) {
            culpritImage = image;
        }
        return this;
    }

    /**
     * Names the file at fault unless one is already named; a trailing {@code :LINE} is dropped.
     * Returns this.
     */
    public FirmwareException blameFile(String file) {
        if (culpritFile == null && file != null && !file.isEmpty()) {
            culpritFile = file.replaceFirst(":\\d+(:\\d+)?$", "");
        }
        return this;
    }
}
