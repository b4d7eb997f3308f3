package io.multiimage.core.incremental;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a file's metadata says about its content without reading it: size, modification time
 * (nanoseconds) and the file system's key for it (the inode on Linux, when known). Equal
 * stamps mean an unchanged file, unless it changed twice within the timestamp resolution:
 * callers check a file modified shortly before they stamped it by content.
 *
 * @param size bytes
 * @param modifiedNanos last modification, nanoseconds since the epoch
 * @param fileKey the file system's identity of the file, or null
 */
public record FileStamp(long size, long modifiedNanos, Object fileKey) {

    /** The stamp of {@code file}, or empty when it cannot be read (for example, it does not exist). */
    public static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    attributes.fileKey()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Same size, time and key. Written out rather than the record's generated {@code equals},
     * whose first use costs a short build more than it saves.
     */
    public boolean sameAs(FileStamp other) {
        return other != null && size == other.size && modifiedNanos == other.modifiedNanos
                && Objects.equals(fileKey, other.fileKey);
    }
}
