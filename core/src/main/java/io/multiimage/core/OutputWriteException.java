package io.multiimage.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A build output could not be written: the message names the file, the reason in words, and
 * what to do (free disk space, fix a permission, remove a file standing where a directory must
 * be), instead of the bare path or "Input length = 1" an I/O exception carries.
 */
public class OutputWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A failure to write {@code file}. */
    public OutputWriteException(Path file, IOException cause) {
        super(describe(file, cause), cause);
    }

    /** The words for a failure to write {@code file}. */
    static String describe(Path file, IOException cause) {
        String reason;
        String hint;
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof FileAlreadyExistsException || cause instanceof NotDirectoryException) {
            Path blocking = cause instanceof FileSystemException fs && fs.getFile() != null
                    ? Path.of(fs.getFile())
                    : file.getParent();
            reason = blocking + " is a file where a directory must be";
            hint = "delete it"
                    + (blocking.getFileName() != null
                                    && blocking.getFileName().toString().equals(".state")
                            ? " (.state holds the build's own bookkeeping, which is rebuilt)"
                            : "")
                    + " and build again";
        } else if (cause instanceof AccessDeniedException) {
            reason = "permission denied";
            hint = "make " + file.getParent() + " writable for the build (a read-only target/ directory?)";
        } else if (cause instanceof NoSuchFileException) {
            reason = "a directory on its path does not exist or was removed during the build";
            hint = "build again";
        } else if (message.contains("No space left on device")) {
            reason = "the disk is full";
            hint = "free disk space and build again (the previous outputs are unchanged)";
        } else if (message.contains("File name too long")) {
            reason = "the file name is too long for the file system";
            hint = "use shorter image names or a shorter build directory path";
        } else {
            reason = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : message;
            hint = "check the disk and the directory's permissions";
        }
        return "Cannot write " + file + ": " + reason + "; " + hint;
    }
}
