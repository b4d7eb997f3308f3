package io.multiimage.core.cli;

/** The command line itself is wrong (unknown option, missing value): exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
