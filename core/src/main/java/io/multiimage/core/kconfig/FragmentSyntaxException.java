package io.multiimage.core.kconfig;

import io.multiimage.core.InvalidConfigurationException;

/**
 * A fragment line that is not one of the accepted forms. The message is
 * {@code FILE:LINE: detail} ({@code command line: detail} for a {@code -D} value), the detail
 * saying what was expected and what was found.
 */
public class FragmentSyntaxException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /** A syntax error at {@code file:line}. */
    public FragmentSyntaxException(String file, int line, String detail) {
        super(file + ":" + line + ": " + detail);
        this.file = file;
        this.line = line;
        blameFile(file);
    }

    /**
     * An error in a source without meaningful lines, such as the {@code command line}
     * fragment generated from {@code -D} values: the message is {@code FILE: detail} and
     * {@link #line()} is 0.
     */
    public FragmentSyntaxException(String file, String detail) {
        super(file + ": " + detail);
        this.file = file;
        this.line = 0;
        // no file to blame: the value came from the command line, not from a module's files
    }

    /** The file as named in the message (project-root-relative). */
    public String file() {
        return file;
    }

    /** The 1-based line number; 0 when the source has no lines of its own (the command line). */
    public int line() {
        return line;
    }
}
