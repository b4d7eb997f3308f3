package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.toolchain.CMakeSettings;
import io.multiimage.core.toolchain.CMakeToolchain;
import io.multiimage.core.toolchain.ExecToolchain;
import io.multiimage.core.toolchain.ExecutableLocator;
import io.multiimage.core.toolchain.GnuArmToolchain;
import io.multiimage.core.toolchain.ToolVersion;
import io.multiimage.core.toolchain.Toolchain;

/** Picks the driver an image names ({@code gnu-arm}, {@code cmake}, {@code exec}) and sets it up. */
final class ToolchainFactory {

    private final BuildOptions options;
    private final ProcessLauncher launcher;
    private final ToolVersion versions;

    /** Drivers that run tools through {@code launcher} and remember their versions in {@code versions}. */
    ToolchainFactory(BuildOptions options, ProcessLauncher launcher, ToolVersion versions) {
        this.options = options;
        this.launcher = launcher;
        this.versions = versions;
    }

    /** The driver {@code driver} for {@code image}, logging to {@code log}. */
    Toolchain forImage(String image, String driver, ImageSources sources, BuildLog log)
            throws InvalidConfigurationException {
        return switch (driver) {
            case GnuArmToolchain.ID -> GnuArmToolchain.create(options.toolchainPath(), launcher, log, versions);
            case CMakeToolchain.ID ->
                new CMakeToolchain(
                        ExecutableLocator.of(options.toolchainPath()),
                        sources.cmake().orElse(CMakeSettings.defaults()),
                        launcher,
                        log,
                        versions);
            case ExecToolchain.ID ->
                new ExecToolchain(
                        sources.exec()
                                .orElseThrow(
                                        () -> new InvalidConfigurationException(
                                                "Image '" + image
                                                        + "': toolchain 'exec' needs a command to run; give the exec driver its command")),
                        launcher,
                        log);
            default ->
                throw new InvalidConfigurationException(
                        "Image '" + image + "': unknown toolchain '" + driver + "'; expected gnu-arm, cmake or exec");
        };
    }
}
