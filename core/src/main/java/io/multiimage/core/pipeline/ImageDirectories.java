package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import java.nio.file.Path;

/**
 * The per-image build directories under the tree's output directory:
 * {@code <output>/<image>/}, the seed's "child build directories at the root of the parent's
 * build directory". Image names are checked to be plain directory names, so no name can
 * reach outside the output directory.
 */
final class ImageDirectories {

    private final Path outputDirectory;

    ImageDirectories(Path outputDirectory) {
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
    }

    /** {@code <output>/<image>}; refuses a name that would resolve elsewhere. */
    Path of(String image) throws InvalidConfigurationException {
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
