package io.multiimage.core.toolchain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of the {@code cmake} driver.
 *
 * @param generator the CMake generator ({@code Ninja}, {@code Unix Makefiles}); empty to use
 *     Ninja when {@code ninja} is installed, else Unix Makefiles
 * @param hexFile the HEX file the project produces, relative to the build directory
 *     (default {@code zephyr/zephyr.hex}, where a Zephyr application puts it)
 * @param elfFile the ELF file, relative to the build directory, collected when it exists
 *     (default {@code zephyr/zephyr.elf})
 * @param cmakeBuildType the value for {@code CMAKE_BUILD_TYPE}; empty to pass the request's
 *     build type (and nothing when that is empty too)
 * @param timeout the longest the configure step, and separately the build step, may take
 */
public record CMakeSettings(
        Optional<String> generator, String hexFile, String elfFile, Optional<String> cmakeBuildType, Duration timeout) {

    /** Checks the values. */
    public CMakeSettings {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(hexFile, "hexFile");
        Objects.requireNonNull(elfFile, "elfFile");
        Objects.requireNonNull(cmakeBuildType, "cmakeBuildType");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The defaults: automatic generator, Zephyr's output paths, 30 minutes per step. */
    public static CMakeSettings defaults() {
        return new CMakeSettings(
                Optional.empty(), "zephyr/zephyr.hex", "zephyr/zephyr.elf", Optional.empty(), Duration.ofMinutes(30));
    }

    /** A copy collecting the HEX file at {@code path} (relative to the build directory). */
    public CMakeSettings withHexFile(String path) {
        return new CMakeSettings(generator, path, elfFile, cmakeBuildType, timeout);
    }

    /** A copy collecting the ELF file at {@code path} (relative to the build directory). */
    public CMakeSettings withElfFile(String path) {
        return new CMakeSettings(generator, hexFile, path, cmakeBuildType, timeout);
    }

    /** A copy using {@code name} as the generator. */
    public CMakeSettings withGenerator(String name) {
        return new CMakeSettings(Optional.of(name), hexFile, elfFile, cmakeBuildType, timeout);
    }
}
