package io.multiimage.core.kconfig.engine;

/**
 * A {@code default VALUE [if COND]} (or {@code def_bool} ...) property. For bool symbols the value
 * is an expression; for int/hex/string it is a single symbol whose string value is copied
 * (a literal like {@code 10} or {@code "x"} is a constant or undefined symbol).
 *
 * @param value the default value
 * @param condition the condition, including the dependencies of the definition it is on
 */
public record Default(Expr value, Expr condition) {}
