package io.multiimage.core.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a build, as opposed to what to build.
 *
 * @param verbose print every command line
 * @param parallelism how many jobs may run at once (images, and compile units within one)
 * @param explain log, per image and step, why it ran or why it was up to date
 * @param toolchainPath directory holding {@code arm-none-eabi-gcc}; empty searches PATH
 * @param kconfigStrict Kconfig warnings are errors ({@code -Dfirmware.kconfig.strict})
 */
public record BuildOptions(
        boolean verbose, int parallelism, boolean explain, Optional<Path> toolchainPath, boolean kconfigStrict) {

    /** Options with Kconfig warnings as warnings. */
    public BuildOptions(boolean verbose, int parallelism, boolean explain, Optional<Path> toolchainPath) {
        this(verbose, parallelism, explain, toolchainPath, false);
    }

    /** Checks the values. */
    public BuildOptions {
        Objects.requireNonNull(toolchainPath, "toolchainPath");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
    }

    /** Quiet, one job per core, no explanations, toolchain from PATH. */
    public static BuildOptions defaults() {
        return new BuildOptions(false, Runtime.getRuntime().availableProcessors(), false, Optional.empty());
    }
}
