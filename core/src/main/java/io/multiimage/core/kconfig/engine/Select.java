package io.multiimage.core.kconfig.engine;

/**
 * A {@code select TARGET [if COND]} or {@code imply TARGET [if COND]} property.
 *
 * @param target the selected or implied symbol
 * @param condition the condition, including the dependencies of the definition it is on
 */
public record Select(Symbol target, Expr condition) {}
