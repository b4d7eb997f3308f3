package io.multiimage.core.toolchain;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.spi.ProcessTimeoutException;

/** A tool of an image's build ran longer than its timeout and was killed. */
public class ToolchainTimeoutException extends EnvironmentException {

    private static final long serialVersionUID = 1L;

    private final String imageName;

    /** {@code step} of image {@code imageName} timed out; {@code cause} has the command and output. */
    public ToolchainTimeoutException(String imageName, String step, ProcessTimeoutException cause) {
        super("Image '" + imageName + "': " + step + ": " + cause.getMessage(), cause);
        this.imageName = imageName;
    }

    /** The image whose build timed out. */
    public String imageName() {
        return imageName;
    }
}
