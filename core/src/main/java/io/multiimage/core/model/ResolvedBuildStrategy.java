package io.multiimage.core.model;

import java.util.Objects;

/**
 * The build strategy a child ends up with, and why.
 *
 * @param image the child image
 * @param strategy the winning strategy
 * @param source which precedence level decided
 * @param origin the exact setting that decided, e.g. {@code -Dmcuboot.buildStrategy},
 *     {@code POM <childImage> configuration}, {@code CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE
 *     at app/prj.conf:3}, or {@code default}
 */
public record ResolvedBuildStrategy(String image, BuildStrategy strategy, StrategySource source, String origin) {

    /** Checks the parts. */
    public ResolvedBuildStrategy {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
    }

    /** The log line: {@code mcuboot: build strategy use-hex (from -Dmcuboot.buildStrategy)}. */
    public String describe() {
        String from = source == StrategySource.DEFAULT ? "default" : "from " + origin;
        return image + ": build strategy " + strategy.id() + " (" + from + ")";
    }
}
