package io.multiimage.core.kconfig;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.TextFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The text of one configuration fragment with its two names: {@code mergeName} as the
 * {@code Merged configuration '…'} log line shows it (relative to the image's own directory
 * when the file lies inside it), and {@code location} as messages and provenance show it
 * (project-root-relative).
 *
 * @param mergeName name in the merge log line
 * @param location name in {@code FILE:LINE} locations
 * @param text the fragment text
 */
public record FragmentSource(String mergeName, String location, String text) {

    /** Name of the generated fragment that holds the single {@code CONFIG_X=v} values. */
    public static final String COMMAND_LINE = "command line";

    /** Checks the parts. */
    public FragmentSource {
        Objects.requireNonNull(mergeName, "mergeName");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads {@code file} as UTF-8.
     *
     * @throws InvalidConfigurationException naming {@code location:LINE:COLUMN} when it is not UTF-8
     */
    public static FragmentSource read(Path file, String mergeName, String location)
            throws IOException, InvalidConfigurationException {
        return new FragmentSource(mergeName, location, TextFiles.readUtf8(file, location));
    }
}
