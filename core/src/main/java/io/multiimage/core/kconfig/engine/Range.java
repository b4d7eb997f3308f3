package io.multiimage.core.kconfig.engine;

/**
 * A {@code range LOW HIGH [if COND]} property of an int or hex symbol.
 *
 * @param low the lower bound (a literal is an undefined or constant symbol)
 * @param high the upper bound
 * @param condition the condition, including the dependencies of the definition it is on
 */
public record Range(Symbol low, Symbol high, Expr condition) {}
