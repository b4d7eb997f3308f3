package io.multiimage.core.bridge;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.partition.OutputDomain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the partitions of one domain's layout ({@code partitions.yml} as {@link OutputDomain})
 * into {@link LayoutPartition}s: spans flattened to the non-container partitions they cover (as
 * the partition manager writes them), ordered by address.
 */
final class LayoutPartitions {

    private LayoutPartitions() {}

    /**
     * Every partition of {@code layout}.
     *
     * @param source names the layout in messages ({@code partitions.yml})
     * @throws InvalidConfigurationException when a partition lacks an address, size or region
     */
    static List<LayoutPartition> of(OutputDomain layout, String source) throws InvalidConfigurationException {
        Map<String, Map<String, Object>> raw = layout.partitions();
        List<LayoutPartition> all = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : raw.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> properties = entry.getValue();
            Set<String> leaves = new LinkedHashSet<>();
            if (properties.containsKey("span")) {
                collectLeaves(name, raw, new LinkedHashSet<>(), leaves);
                if (leaves.isEmpty()) {
                    throw new InvalidConfigurationException(source + ": container '" + name
                            + "' spans no partition of the layout; a devicetree cannot describe it");
                }
            }
            all.add(new LayoutPartition(
                    name,
                    number(source, name, properties, "address"),
                    number(source, name, properties, "size"),
                    text(source, name, properties, "region"),
                    List.copyOf(leaves)));
        }
        Map<String, LayoutPartition> byName = new java.util.HashMap<>();
        all.forEach(p -> byName.put(p.name(), p));
        List<LayoutPartition> ordered = new ArrayList<>();
        for (LayoutPartition p : all) {
            List<String> span = p.span().stream()
                    .sorted(Comparator.comparingLong((String n) -> byName.get(n).address())
                            .thenComparing(n -> n))
                    .toList();
            ordered.add(new LayoutPartition(p.name(), p.address(), p.size(), p.region(), span));
        }
        ordered.sort(Comparator.comparingLong(LayoutPartition::address).thenComparing(LayoutPartition::name));
        return List.copyOf(ordered);
    }

    /** The non-container partitions a container covers, following containers inside it. */
    private static void collectLeaves(
            String container, Map<String, Map<String, Object>> raw, Set<String> visiting, Set<String> leaves) {
        if (!visiting.add(container)) {
            return;
        }
        Object span = raw.get(container).get("span");
        List<?> names = span instanceof List<?> list ? list : span == null ? List.of() : List.of(span);
        for (Object member : names) {
            String name = String.valueOf(member);
            Map<String, Object> properties = raw.get(name);
            if (properties == null) {
                continue;
            }
            if (properties.containsKey("span")) {
                collectLeaves(name, raw, visiting, leaves);
            } else {
                leaves.add(name);
            }
        }
    }

    private static long number(String source, String partition, Map<String, Object> properties, String key)
            throws InvalidConfigurationException {
        Object value = properties.get(key);
        if (!(value instanceof Number number)) {
            throw new InvalidConfigurationException(
                    source + ": partition '" + partition + "' has no integer '" + key + "' (found " + value + ")");
        }
        if (number.longValue() < 0) {
            throw new InvalidConfigurationException(
                    source + ": partition '" + partition + "' has a negative '" + key + "'");
        }
        return number.longValue();
    }

    private static String text(String source, String partition, Map<String, Object> properties, String key)
            throws InvalidConfigurationException {
        Object value = properties.get(key);
        if (value == null) {
            throw new InvalidConfigurationException(source + ": partition '" + partition + "' has no '" + key + "'");
        }
        return String.valueOf(value);
    }
}
