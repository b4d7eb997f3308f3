package io.multiimage.core.devicetree;

import io.multiimage.core.InvalidConfigurationException;
import java.util.Optional;

/**
 * A devicetree source or overlay is wrong: a syntax error, an unknown label, a duplicate
 * label, a deleted node that is still referenced. The message starts with {@code FILE:LINE: }
 * when the problem has a place in the input.
 */
public class DevicetreeException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String detail;

    /** A problem at a place in the input; the message becomes {@code FILE:LINE: detail}. */
    public DevicetreeException(SourceLocation location, String detail) {
        super(location == null ? detail : location + ": " + detail);
        this.location = location;
        this.detail = detail;
        if (location != null && location.file() != null) {
            blameFile(location.file().toString());
        }
    }

    /** A problem without a place (for example a board file that does not exist). */
    public DevicetreeException(String detail) {
        this(null, detail);
    }

    /** The file and line the problem was found at, if it has one. */
    public Optional<SourceLocation> location() {
        return Optional.ofNullable(location);
    }

    /** The message without the {@code FILE:LINE: } prefix. */
    public String detail() {
        return detail;
    }
}
