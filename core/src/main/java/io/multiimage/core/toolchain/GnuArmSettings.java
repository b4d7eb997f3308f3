package io.multiimage.core.toolchain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the {@code gnu-arm} driver that do not change from image to image.
 *
 * @param compilerFlags flags for every compile, before the request's extra arguments
 *     (default: {@code -Os -g -ffunction-sections -fdata-sections -Wall})
 * @param linkerFlags flags for the link, before the objects (default: no start files,
 *     newlib-nano with the no-OS stubs, unused sections removed)
 * @param commandTimeout the longest one compile or link may take
 */
public record GnuArmSettings(List<String> compilerFlags, List<String> linkerFlags, Duration commandTimeout) {

    /** Takes immutable copies. */
    public GnuArmSettings {
        compilerFlags = List.copyOf(compilerFlags);
        linkerFlags = List.copyOf(linkerFlags);
        Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    /** The defaults: size-optimised with debug information, 10 minutes per command. */
    public static GnuArmSettings defaults() {
        return new GnuArmSettings(
                List.of("-Os", "-g", "-ffunction-sections", "-fdata-sections", "-Wall"),
                List.of("-nostartfiles", "--specs=nano.specs", "--specs=nosys.specs", "-Wl,--gc-sections"),
                Duration.ofMinutes(10));
    }
}
