package io.multiimage.core.kconfig;

import java.util.Optional;

/**
 * Read access to an image's final configuration values, by symbol name without the
 * {@code CONFIG_} prefix. Implemented by {@link KconfigResult}; the Kconfig engine's result
 * will implement it the same way, so code that reads a parent's configuration (build
 * strategies, child-image conditions) does not care which resolver produced it.
 */
public interface SymbolTable {

    /** The final value of {@code symbol}, empty when the configuration does not set it. */
    Optional<KconfigValue> value(String symbol);

    /** Where the final value of {@code symbol} was assigned, if an assignment set it. */
    Optional<SourceLocation> origin(String symbol);

    /** True when {@code symbol} is a bool with value {@code y}. */
    default boolean isYes(String symbol) {
        return value(symbol).map(KconfigValue::isYes).orElse(false);
    }
}
