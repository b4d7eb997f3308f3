package io.multiimage.core.kconfig;

import java.util.Objects;

/**
 * The output texts of a configuration as the Kconfig engine wrote them (Kconfiglib's bytes).
 *
 * @param dotConfig the {@code .config} text
 * @param autoconf the {@code autoconf.h} text
 */
public record RenderedConfig(String dotConfig, String autoconf) {

    /** Checks the parts. */
    public RenderedConfig {
        Objects.requireNonNull(dotConfig, "dotConfig");
        Objects.requireNonNull(autoconf, "autoconf");
    }
}
