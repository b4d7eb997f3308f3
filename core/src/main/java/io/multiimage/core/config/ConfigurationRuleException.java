package io.multiimage.core.config;

import io.multiimage.core.InvalidConfigurationException;

/**
 * An image's configuration files break a rule of child-image-rules §3/§7: an unmet
 * requirement ((E) without (G), (F) without (H)), no base file, or a named file that does
 * not exist. The message is exactly the text of the rules' table.
 */
public class ConfigurationRuleException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final String file;

    /**
     * @param image the image being configured
     * @param file the offending file, project-root-relative
     * @param message the exact message
     */
    public ConfigurationRuleException(String image, String file, String message) {
        super(message);
        this.image = image;
        this.file = file;
        blameFile(file);
        blameImage(image);
    }

    /** The image being configured. */
    public String image() {
        return image;
    }

    /** The offending file (project-root-relative). */
    public String file() {
        return file;
    }
}
