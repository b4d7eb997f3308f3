package io.multiimage.core.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a file's metadata says about its content without reading it: size, modification time
 * (nanoseconds), the inode's change time and the file system's key for it (the inode on Linux).
 * The modification time can be set back ({@code touch -r}, {@code cp -p}, {@code rsync -a},
 * {@code tar}); the change time cannot, which is why git's check of its index entries looks at
 * it too. Equal stamps mean an unchanged file, unless it changed twice within the timestamp
 * resolution: callers check a file modified shortly before they stamped it by content.
 *
 * @param size bytes
 * @param modifiedNanos last modification, nanoseconds since the epoch
 * @param changedNanos last change of the inode (content or metadata), nanoseconds since the epoch;
 *     0 where the file system does not tell
 * @param fileKey the file system's identity of the file, or null
 */
public record FileStamp(long size, long modifiedNanos, long changedNanos, Object fileKey) {

    /** The stamp of {@code file}, or empty when it cannot be read (for example, it does not exist). */
    public static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(
                    attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    changeTime(file),
                    attributes.fileKey()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The inode change time (POSIX {@code st_ctime}), or 0 where there is none. */
    private static long changeTime(Path file) {
        try {
            Object ctime = Files.getAttribute(file, "unix:ctime");
            return ctime instanceof FileTime time ? time.to(TimeUnit.NANOSECONDS) : 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    /** The stamp as a record line's fields: size, modification, change time and file key, tab-separated. */
    public String text() {
        return size + "\t" + modifiedNanos + "\t" + changedNanos + "\t" + (fileKey == null ? "-" : fileKey);
    }

    /**
     * Same size, time and key. Written out rather than the record's generated {@code equals},
     * whose first use costs a short build more than it saves.
     */
    public boolean sameAs(FileStamp other) {
        return other != null
                && size == other.size
                && modifiedNanos == other.modifiedNanos
                && changedNanos == other.changedNanos
                && Objects.equals(fileKey, other.fileKey);
    }
}
