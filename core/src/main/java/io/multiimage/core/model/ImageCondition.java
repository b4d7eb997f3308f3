package io.multiimage.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a child image is part of the build (the seed's {@code if (CONFIG_X) add_child_image}):
 * a bool Kconfig symbol of the parent being {@code y}, or a property being set.
 *
 * @param kind what {@code name} names
 * @param name the symbol (with or without {@code CONFIG_}) or the property name
 */
public record ImageCondition(Kind kind, String name) {

    /** What the condition looks at. */
    public enum Kind {
        /** A bool symbol in the parent image's configuration. */
        KCONFIG_SYMBOL,
        /** A build property (a Maven user or project property). */
        PROPERTY
    }

    /** Checks the parts and drops a {@code CONFIG_} prefix from a symbol. */
    public ImageCondition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind == Kind.KCONFIG_SYMBOL && name.startsWith("CONFIG_")) {
            name = name.substring("CONFIG_".length());
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a condition names a symbol or a property");
        }
    }

    /** Condition on a parent Kconfig symbol. */
    public static ImageCondition kconfig(String symbol) {
        return new ImageCondition(Kind.KCONFIG_SYMBOL, symbol);
    }

    /** Condition on a property. */
    public static ImageCondition property(String property) {
        return new ImageCondition(Kind.PROPERTY, property);
    }

    /**
     * True when the symbol (without {@code CONFIG_}) is {@code y} in the parent's configuration, or the property is set
     * to anything but {@code false} (any case) in {@code properties} (the command line's, else
     * the project's).
     */
    public boolean holds(Predicate<String> parentSymbolIsYes, BuildProperties properties) {
        if (kind == Kind.KCONFIG_SYMBOL) {
            return parentSymbolIsYes.test(name);
        }
        return properties
                .get(name)
                .map(v -> !v.value().trim().toLowerCase(Locale.ROOT).equals("false"))
                .orElse(false);
    }

    /** {@code CONFIG_X} or {@code property x}, for log lines. */
    public String describe() {
        return kind == Kind.KCONFIG_SYMBOL ? "CONFIG_" + name : "property " + name;
    }
}
