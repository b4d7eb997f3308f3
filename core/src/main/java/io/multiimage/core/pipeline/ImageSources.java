package io.multiimage.core.pipeline;

import io.multiimage.core.imagekconfig.KconfigRoots;
import io.multiimage.core.toolchain.CMakeSettings;
import io.multiimage.core.toolchain.ExecSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an image built from source keeps its sources, and the settings of the toolchain
 * driver it uses when that driver needs any.
 *
 * @param sourceDirectory C and assembly sources for {@code gnu-arm}; the CMake project for
 *     {@code cmake}; the working directory for {@code exec}
 * @param cmake settings of the {@code cmake} driver
 * @param exec settings of the {@code exec} driver
 * @param extraArgs extra arguments for the driver (compiler options, CMake options, command
 *     arguments); the seed's {@code EXTRA_MULTI_IMAGE_CMAKE_ARGS} are added to these
 * @param kconfigRoot the image's configured Kconfig root ({@code <kconfigRoot>}) with where it
 *     was configured; empty: the {@code KCONFIG_ROOT} variable or the application directory's
 *     {@code Kconfig} decide ({@link io.multiimage.core.imagekconfig.KconfigRoots})
 */
public record ImageSources(
        Path sourceDirectory,
        Optional<CMakeSettings> cmake,
        Optional<ExecSettings> exec,
        List<String> extraArgs,
        Optional<KconfigRoots.Configured> kconfigRoot) {

    /** Sources without a configured Kconfig root. */
    public ImageSources(
            Path sourceDirectory, Optional<CMakeSettings> cmake, Optional<ExecSettings> exec, List<String> extraArgs) {
        this(sourceDirectory, cmake, exec, extraArgs, Optional.empty());
    }

    /** Checks the parts. */
    public ImageSources {
        Objects.requireNonNull(sourceDirectory, "sourceDirectory");
        Objects.requireNonNull(cmake, "cmake");
        Objects.requireNonNull(exec, "exec");
        extraArgs = List.copyOf(extraArgs);
        Objects.requireNonNull(kconfigRoot, "kconfigRoot");
    }

    /** Sources in {@code <applicationDir>/src/main/c}, no driver settings. */
    public static ImageSources conventional(Path applicationDir) {
        return new ImageSources(applicationDir.resolve("src/main/c"), Optional.empty(), Optional.empty(), List.of());
    }
}
