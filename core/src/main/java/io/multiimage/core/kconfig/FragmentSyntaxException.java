package io.multiimage.core.kconfig;

import io.multiimage.core.InvalidConfigurationException;

/**
 * A fragment line that is not one of the accepted forms. The message is
 * {@code FILE:LINE: detail}, the detail saying what was expected and what was found.
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

    /** The file as named in the message (project-root-relative). */
    public String file() {
        return file;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }
}
