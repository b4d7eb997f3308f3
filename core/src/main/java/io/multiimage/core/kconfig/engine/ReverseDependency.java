package io.multiimage.core.kconfig.engine;

/**
 * A {@code select} or {@code imply} seen from its target: "selected by".
 *
 * @param by the selecting or implying symbol
 * @param condition the condition as written after {@code if} ({@code y} without one)
 * @param location the definition of {@code by} that holds the select or imply
 */
public record ReverseDependency(Symbol by, Expr condition, Location location) {}
