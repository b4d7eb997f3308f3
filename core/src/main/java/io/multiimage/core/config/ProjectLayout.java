package io.multiimage.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The project root (the directory that holds all image directories) and how paths are
 * shown to users: never absolute.
 *
 * @param root the project root, stored absolute and normalised
 */
public record ProjectLayout(Path root) {

    /** Normalises the root. */
    public ProjectLayout {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    /** {@code file} relative to the project root, with {@code /} separators ({@code ..} if outside). */
    public String relative(Path file) {
        return slashes(root.relativize(file.toAbsolutePath().normalize()));
    }

    /**
     * {@code file} relative to {@code imageDir} when it lies inside it, else relative to the
     * project root: the form of the {@code Merged configuration '…'} line.
     */
    public String display(Path file, Path imageDir) {
        Path absolute = file.toAbsolutePath().normalize();
        Path dir = imageDir.toAbsolutePath().normalize();
        return absolute.startsWith(dir) ? slashes(dir.relativize(absolute)) : relative(absolute);
    }

    private static String slashes(Path path) {
        String text = path.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
