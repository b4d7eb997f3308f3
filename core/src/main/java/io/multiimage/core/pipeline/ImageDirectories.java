package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The per-image build directories. An image lives in {@code target/firmware/<image>/} of the
 * module that owns it: its own module, or for a child declared as a directory, the module of
 * the parent that builds it (the seed's "child build directories at the root of the parent's
 * build directory"). Image names are checked to be plain directory names, so no name can reach
 * outside its module's output directory.
 */
final class ImageDirectories {

    private final Path outputDirectory;
    private final Map<String, Path> owned;

    /** Directories under {@code outputDirectory}, except where {@code owned} names another. */
    ImageDirectories(Path outputDirectory, Map<String, Path> owned) {
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
        this.owned = owned;
    }

    /** The directories of {@code request}. */
    static ImageDirectories of(BuildRequest request) {
        return new ImageDirectories(request.outputDirectory(), request.imageDirectories());
    }

    /** The build directory of {@code image}; refuses a name that would resolve elsewhere. */
    Path of(String image) throws InvalidConfigurationException {
        Path elsewhere = owned.get(image);
        if (elsewhere != null) {
            return elsewhere.toAbsolutePath().normalize();
        }
        Path dir = outputDirectory.resolve(image).normalize();
        if (image.isEmpty() || !dir.getParent().equals(outputDirectory)) {
            throw new InvalidConfigurationException("Image name '" + image
                    + "' cannot be used as a directory name under " + outputDirectory.getFileName()
                    + "/: use letters, digits, '_' or '-'");
        }
        return dir;
    }

    /** The tree's output directory. */
    Path root() {
        return outputDirectory;
    }
}
