package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * An image is built from its project's files: a link in its source directory that leads out of
 * the project ({@code passwd.c -> /etc/passwd}) is refused, naming the link, before any tool
 * reads it or its digest reaches {@code build-info.json}. Headers kept elsewhere on purpose are
 * named with {@code -I} in the toolchain arguments instead.
 */
final class SourceTreeCheck {

    private SourceTreeCheck() {}

    /**
     * Fails when a file or directory under {@code sourceDir} resolves outside {@code projectRoot}.
     *
     * @throws InvalidConfigurationException naming the image, the link and where it leads
     */
    static void requireInsideProject(String image, Path sourceDir, Path projectRoot, ProjectPaths paths)
            throws InvalidConfigurationException, IOException {
        if (!Files.isDirectory(sourceDir)) {
            return; // the driver reports a missing source directory
        }
        Path root = projectRoot.toRealPath();
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(sourceDir, FileVisitOption.FOLLOW_LINKS)) {
            entries = walk.filter(Files::isSymbolicLink).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path link : entries) {
            Path target = link.toRealPath();
            if (!target.startsWith(root)) {
                throw (InvalidConfigurationException) new InvalidConfigurationException("Image '" + image + "': "
                                + paths.shown(link) + " is a link to " + target
                                + ", outside the project: an image is built"
                                + " from its project's files. Copy the file into the project, or name a header directory"
                                + " outside it with -I in the toolchain arguments")
                        .blameFile(paths.shown(link));
            }
        }
    }

    /** How messages show a path: relative to the project root. */
    @FunctionalInterface
    interface ProjectPaths {
        String shown(Path path);
    }
}
