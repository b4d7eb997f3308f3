package io.multiimage.core.imagekconfig;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.kconfig.engine.KconfigException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What it takes to load one image's Kconfig tree: the image, its root, the environment, how
 * files are named in messages, and whether warnings are errors.
 *
 * @param image the image name
 * @param root the image's Kconfig root
 * @param environment what the Kconfig files see ({@link KconfigEnvironment})
 * @param layout names files in messages relative to the project root
 * @param strict warnings are errors ({@code -Dfirmware.kconfig.strict})
 */
public record ImageKconfigSetup(
        String image, KconfigRoot root, SortedMap<String, String> environment, ProjectLayout layout, boolean strict) {

    /** Checks the parts. */
    public ImageKconfigSetup {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(layout, "layout");
        environment = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    /**
     * Parses the tree (no user values yet).
     *
     * @throws InvalidConfigurationException the tree cannot be used: a syntax error, a missing
     *     {@code source} file, a dependency loop; the message names the image and the file and line
     */
    public Kconfig load() throws InvalidConfigurationException {
        try {
            return Kconfig.load(root.sourceTree(), root.topFileName(), environment);
        } catch (KconfigException e) {
            InvalidConfigurationException error = new InvalidConfigurationException(
                    "Image '" + image + "': Kconfig " + layout.relative(root.file()) + " cannot be used: "
                            + displayed(e.getMessage()),
                    e);
            error.blameImage(image);
            error.blameFile(layout.relative(root.file()));
            throw error;
        }
    }

    /**
     * A file name as the engine wrote it (relative to the source tree unless absolute), as
     * messages show it: relative to the project root.
     */
    public String display(String engineFileName) {
        Path path = Path.of(engineFileName);
        return layout.relative(path.isAbsolute() ? path : root.sourceTree().resolve(path));
    }

    /** The engine's message with its leading file name (relative to the source tree) shown project-relative. */
    private String displayed(String message) {
        java.util.regex.Matcher m = LEADING_LOCATION.matcher(message);
        return m.lookingAt() ? display(m.group(1)) + message.substring(m.end(1)) : message;
    }

    private static final java.util.regex.Pattern LEADING_LOCATION =
            java.util.regex.Pattern.compile("([^:\\n]+):\\d+: ");

    /** The environment as a plain map (for a command run with it). */
    public Map<String, String> environmentMap() {
        return environment;
    }
}
