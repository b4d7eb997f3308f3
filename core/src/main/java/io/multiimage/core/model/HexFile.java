package io.multiimage.core.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A prebuilt HEX file on disk.
 *
 * @param path the file; relative paths are relative to the declaring (parent) image's directory
 */
public record HexFile(Path path) implements HexSource {

    /** Checks the path is present. */
    public HexFile {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
        return path.toString().replace('\\', '/');
    }
}
