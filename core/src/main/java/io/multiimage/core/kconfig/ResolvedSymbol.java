package io.multiimage.core.kconfig;

import java.util.Objects;

/**
 * A symbol as written to {@code .config} and {@code autoconf.h}.
 *
 * @param name the symbol name without the {@code CONFIG_} prefix
 * @param value its final value
 */
public record ResolvedSymbol(String name, KconfigValue value) {

    /** Checks the parts. */
    public ResolvedSymbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
