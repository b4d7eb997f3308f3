package io.multiimage.partition;

import java.util.Locale;

/** How a region is filled: packed from one end, or solved with placement constraints. */
public enum PlacementStrategy {
    /** Partitions packed upwards from the region base, in definition order. */
    START_TO_END,
    /** Partitions packed downwards from the region end, in definition order. */
    END_TO_START,
    /** Placement constraints, alignment, containers and a dynamic partition. */
    COMPLEX;

    /** The name used on the command line and in {@code regions.yml} ({@code start_to_end}, ...). */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a strategy name as written in {@code regions.yml} or on the command line.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static PlacementStrategy fromYamlName(String name) {
        for (PlacementStrategy s : values()) {
            if (s.yamlName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown placement strategy '" + name + "' (expected start_to_end, end_to_start or complex)");
    }
}
