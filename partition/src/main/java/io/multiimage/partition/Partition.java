package io.multiimage.partition;

import java.util.List;
import java.util.Map;

/**
 * One partition of a solved layout.
 *
 * @param name       partition name
 * @param address    first address
 * @param size       size in bytes
 * @param endAddress one past the last address
 * @param region     region name
 * @param span       for a container, the partitions it covers; empty otherwise
 * @param isStatic   true when the partition comes from the static configuration
 * @param properties every key written to {@code partitions.yml} for it (unmodifiable)
 */
public record Partition(
        String name,
        long address,
        long size,
        long endAddress,
        String region,
        List<String> span,
        boolean isStatic,
        Map<String, Object> properties) {

    /** Copies the lists. */
    public Partition {
        span = List.copyOf(span);
    }

    /** True for a container (a partition with a {@code span}). */
    public boolean isContainer() {
        return properties.containsKey("span");
    }

    /** True for an {@code EMPTY_<n>} gap partition inserted for alignment. */
    public boolean isGap() {
        return name.startsWith("EMPTY_") && !isStatic;
    }
}
