package io.multiimage.core.toolchain;

import io.multiimage.core.EnvironmentException;
import java.nio.file.Path;
import java.util.List;

/**
 * A program the build needs (the cross-compiler, CMake, QEMU) is not installed where we looked.
 * The message lists the places searched and says how to install it.
 */
public class ToolNotFoundException extends EnvironmentException {

    private static final long serialVersionUID = 1L;

    private final String program;
    private final List<Path> searched;

    /**
     * {@code program} was not found in {@code searched}; {@code howToFix} tells the user what to
     * install or which setting to change.
     */
    public ToolNotFoundException(String program, List<Path> searched, String howToFix) {
        super(program + " not found (searched " + (searched.isEmpty() ? "nothing: PATH is empty" : join(searched))
                + "). " + howToFix);
        this.program = program;
        this.searched = List.copyOf(searched);
    }

    private static String join(List<Path> dirs) {
        StringBuilder text = new StringBuilder();
        for (Path dir : dirs) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(dir);
        }
        return text.toString();
    }

    /** The program's file name. */
    public String program() {
        return program;
    }

    /** The directories searched, in order. */
    public List<Path> searched() {
        return searched;
    }
}
