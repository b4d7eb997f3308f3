package io.multiimage.core.toolchain;

import io.multiimage.core.InvalidConfigurationException;
import java.util.List;

/**
 * A tool of an image's build exited with an error: a compile error, a link error, a failing
 * CMake configure or build. The message names the image, the step, the command line and the
 * tool's last output lines, so the user can reproduce and fix it.
 */
public class ToolchainFailedException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String imageName;
    private final String commandLine;
    private final int exitCode;
    private final List<String> outputTail;

    /**
     * {@code step} ("compiling src/main.c") of image {@code imageName} failed: {@code commandLine}
     * exited {@code exitCode} after printing {@code outputTail}.
     */
    public ToolchainFailedException(
            String imageName, String step, String commandLine, int exitCode, List<String> outputTail) {
        super("Image '" + imageName + "': " + step + " failed (exit code " + exitCode + ")\n  command: " + commandLine
                + (outputTail.isEmpty() ? "" : "\n  " + String.join("\n  ", outputTail)));
        this.imageName = imageName;
        this.commandLine = commandLine;
        this.exitCode = exitCode;
        this.outputTail = List.copyOf(outputTail);
    }

    /** The image whose build failed. */
    public String imageName() {
        return imageName;
    }

    /** The failing command, quoted for a shell. */
    public String commandLine() {
        return commandLine;
    }

    /** The tool's exit code. */
    public int exitCode() {
        return exitCode;
    }

    /** The tool's last output lines (standard error, else standard output). */
    public List<String> outputTail() {
        return outputTail;
    }
}
