package io.multiimage.core.config;

import io.multiimage.core.kconfig.KconfigResult;
import java.util.Objects;

/**
 * An image's resolved configuration: its context, the chosen files and the merged symbols
 * with provenance.
 *
 * @param context the image's resolved context
 * @param plan the chosen Kconfig fragments and overlays, each with its rule
 * @param kconfig the merged configuration
 */
public record ImageConfiguration(ImageContext context, ConfigurationPlan plan, KconfigResult kconfig) {

    /** Checks the parts. */
    public ImageConfiguration {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(kconfig, "kconfig");
    }
}
