package io.multiimage.core.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a module publishes beside its main artifact, as a Maven artifact with a classifier.
 *
 * @param classifier e.g. {@code app-signed}, {@code dfu-application}
 * @param type the artifact type (its extension): {@code hex}, {@code bin}, {@code zip}, {@code json}
 * @param file the file
 */
public record PublishedFile(String classifier, String type, Path file) {

    /** Checks the parts. */
    public PublishedFile {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
    }

    /** The file named {@code name} published under the classifier its name gives ({@code app_update.bin} → {@code app-update}). */
    static PublishedFile named(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return new PublishedFile(name.substring(0, dot).replace('_', '-'), name.substring(dot + 1), file);
    }
}
