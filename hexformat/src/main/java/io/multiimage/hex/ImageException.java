package io.multiimage.hex;

import java.util.List;

/**
 * Base of the checked exceptions for user mistakes in firmware images: malformed files,
 * overlapping inputs, conflicting start addresses. Each carries the problems as data, so a
 * CLI can print one {@code FILE:LINE: message} per problem and a build tool can map them to
 * its own diagnostics.
 */
public abstract class ImageException extends Exception {

    /** Creates the exception; the message is normally the problems, one per line. */
    protected ImageException(String message) {
        super(message);
    }

    /** The problems, in the order they were found; never empty. */
    public abstract List<Problem> problems();
}
