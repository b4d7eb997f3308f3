package io.multiimage.core.kconfig;

import java.util.List;
import java.util.Objects;

/**
 * Every assignment a symbol received while the fragments were merged, oldest first. The
 * last one is the one that counts; each earlier one was overridden by its successor.
 *
 * @param symbol the symbol name without the {@code CONFIG_} prefix
 * @param assignments the assignments in merge order, never empty
 */
public record SymbolProvenance(String symbol, List<Assignment> assignments) {

    /** Checks the parts and freezes the list. */
    public SymbolProvenance {
        Objects.requireNonNull(symbol, "symbol");
        assignments = List.copyOf(assignments);
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("a provenance chain has at least one assignment");
        }
    }

    /** The assignment that set the final value. */
    public Assignment last() {
        return assignments.get(assignments.size() - 1);
    }

    /** The assignments the final one overrode, newest first (the chain read backwards). */
    public List<Assignment> overridden() {
        List<Assignment> earlier = new java.util.ArrayList<>(assignments.subList(0, assignments.size() - 1));
        java.util.Collections.reverse(earlier);
        return List.copyOf(earlier);
    }
}
