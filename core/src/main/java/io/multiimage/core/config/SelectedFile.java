package io.multiimage.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A configuration file chosen for an image, with the rule that chose it.
 *
 * @param path the file, absolute
 * @param mergeName how the merge log names it: relative to the image dir if inside it, else
 *     relative to the project root
 * @param location how messages and provenance name it: project-root-relative
 * @param rule the rule that chose it, e.g. {@code (G) base file of row G}
 */
public record SelectedFile(Path path, String mergeName, String location, String rule) {

    /** Checks the parts. */
    public SelectedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mergeName, "mergeName");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(rule, "rule");
    }
}
