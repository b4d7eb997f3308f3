package io.multiimage.core.model;

/**
 * Where a child's build strategy came from, highest precedence first. The first source that
 * says anything decides; the others are not consulted.
 */
public enum StrategySource {
    /**
     * A build property {@code <image>.buildStrategy} (with {@code .hexFile}, {@code .hexArtifact},
     * {@code .sha256}): the command line's {@code -D}, else the top module's POM {@code <properties>}.
     */
    USER_PROPERTY,
    /** The {@code <childImage>} configuration in the POM. */
    POM_CONFIGURATION,
    /** {@code CONFIG_<IMAGE>_BUILD_STRATEGY_*} in the parent's merged configuration. */
    PARENT_KCONFIG,
    /** Nothing said anything: {@code from-source}. */
    DEFAULT
}
