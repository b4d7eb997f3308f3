package io.multiimage.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each partition was first defined ({@code file:line} or {@code file}), for messages. */
final class Origins {

    private final Map<String, String> where = new HashMap<>();

    void define(String partition, String location) {
        where.putIfAbsent(partition, location);
    }

    void redefine(String partition, String location) {
        where.put(partition, location);
    }

    /** The location of a partition, or {@code null} for generated ones ({@code app}, {@code EMPTY_n}). */
    String of(String partition) {
        return where.get(partition);
    }

    /** The distinct locations of some partitions, in the order given. */
    List<String> of(List<String> partitions) {
        List<String> result = new ArrayList<>();
        for (String p : partitions) {
            String w = where.get(p);
            if (w != null && !result.contains(w)) {
                result.add(w);
            }
        }
        return result;
    }

    /** Builds an error about some partitions, prefixed with where they came from. */
    PartitionException error(String detail, String... partitions) {
        List<String> names = List.of(partitions);
        return new PartitionException(detail, names, of(names));
    }

    /** Builds an error about a list of partitions. */
    PartitionException error(String detail, List<String> partitions) {
        return new PartitionException(detail, partitions, of(partitions));
    }
}
