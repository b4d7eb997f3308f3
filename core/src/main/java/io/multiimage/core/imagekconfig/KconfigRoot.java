package io.multiimage.core.imagekconfig;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The top Kconfig file of an image and the directory its {@code source} statements are
 * relative to ({@code srctree}).
 *
 * @param file the top Kconfig file (absolute)
 * @param sourceTree the source tree root ({@code srctree}): the project root, as Zephyr's is
 *     {@code ZEPHYR_BASE} and not the application; {@code rsource} reads files next to a Kconfig file
 * @param origin why this file, for the log, e.g. {@code app/Kconfig (the image directory's Kconfig)}
 */
public record KconfigRoot(Path file, Path sourceTree, String origin) {

    /** Checks the parts. */
    public KconfigRoot {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sourceTree, "sourceTree");
        Objects.requireNonNull(origin, "origin");
    }

    /** The top file as the engine is given it: relative to the source tree when inside it, else absolute. */
    public String topFileName() {
        Path tree = sourceTree.toAbsolutePath().normalize();
        Path top = file.toAbsolutePath().normalize();
        return top.startsWith(tree) ? tree.relativize(top).toString().replace('\\', '/') : top.toString();
    }
}
