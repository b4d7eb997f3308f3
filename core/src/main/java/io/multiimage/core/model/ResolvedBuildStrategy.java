package io.multiimage.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The build strategy a child ends up with, and why.
 *
 * @param image the child image
 * @param strategy the winning strategy
 * @param source which precedence level decided
 * @param origin the exact setting that decided, e.g. {@code -Dmcuboot.buildStrategy},
 *     {@code <childImage> 'mcuboot' in app/pom.xml}, {@code CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE
 *     at app/prj.conf:3}, or {@code default}
 * @param pinOrigin for a pinned prebuilt HEX: where the sha256 pin was set, e.g.
 *     {@code -Dmcuboot.sha256} or {@code the sha256 of <childImage> 'mcuboot' in app/pom.xml}
 */
public record ResolvedBuildStrategy(
        String image, BuildStrategy strategy, StrategySource source, String origin, Optional<String> pinOrigin) {

    /** Checks the parts; a pin origin goes with a pinned prebuilt HEX only. */
    public ResolvedBuildStrategy {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(pinOrigin, "pinOrigin");
        boolean pinned = strategy instanceof BuildStrategy.UseHex useHex
                && useHex.sha256().isPresent();
        if (pinned != pinOrigin.isPresent()) {
            throw new IllegalArgumentException("a pinned HEX says where its pin comes from, and only a pinned HEX");
        }
    }

    /** A strategy without a pin. */
    public ResolvedBuildStrategy(String image, BuildStrategy strategy, StrategySource source, String origin) {
        this(image, strategy, source, origin, Optional.empty());
    }

    /**
     * The log line: {@code mcuboot: build strategy use-hex (from -Dmcuboot.hexFile), sha256 pinned
     * by the sha256 of <childImage> 'mcuboot' in app/pom.xml}.
     */
    public String describe() {
        String from = source == StrategySource.DEFAULT ? "default" : "from " + origin;
        return image + ": build strategy " + strategy.id() + " (" + from + ")"
                + pinOrigin.map(pin -> ", sha256 pinned by " + pin).orElse("");
    }
}
