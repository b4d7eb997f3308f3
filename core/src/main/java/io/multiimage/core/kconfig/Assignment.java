package io.multiimage.core.kconfig;

import java.util.Objects;

/**
 * One {@code CONFIG_NAME=value} (or {@code # CONFIG_NAME is not set}) line of a fragment.
 *
 * @param symbol the symbol name without the {@code CONFIG_} prefix
 * @param value the assigned value
 * @param location where the line is
 */
public record Assignment(String symbol, KconfigValue value, SourceLocation location) {

    /** Checks the parts. */
    public Assignment {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }

    /** {@code CONFIG_NAME=value} in {@code .config} syntax. */
    public String configLine() {
        return "CONFIG_" + symbol + "=" + value.configText();
    }
}
