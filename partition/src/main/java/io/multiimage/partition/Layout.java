package io.multiimage.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The memory layout of one domain: every partition with its address and size, and the regions.
 * Produces the text of {@code partitions.yml} and {@code regions.yml} and the domain view the
 * header and {@code pm.config} generators use.
 */
public final class Layout {

    private final String domain;
    private final List<Region> regions;
    private final Map<String, Map<String, Object>> raw;
    private final Map<String, Partition> partitions;
    private final Set<String> staticNames;

    Layout(String domain, List<Region> regions, Map<String, Map<String, Object>> raw, Set<String> staticNames) {
        this.domain = domain;
        this.regions = List.copyOf(regions);
        this.raw = raw;
        this.staticNames = Set.copyOf(staticNames);
        Map<String, Partition> byName = new TreeMap<>(PythonForms::compareCodePoints);
        for (Map.Entry<String, Map<String, Object>> e : raw.entrySet()) {
            byName.put(e.getKey(), toPartition(e.getKey(), e.getValue()));
        }
        this.partitions = Collections.unmodifiableMap(byName);
    }

    @SuppressWarnings("unchecked")
    private Partition toPartition(String name, Map<String, Object> p) {
        List<String> span = new ArrayList<>();
        List<Object> s = Props.asList(p.get("span"));
        if (s != null) {
            for (Object o : s) {
                span.add(String.valueOf(o));
            }
        }
        Map<String, Object> copy = (Map<String, Object>) Props.deepCopy(p, new IdentityHashMap<>());
        return new Partition(
                name,
                Props.address(p),
                Props.size(p),
                Props.address(p) + Props.size(p),
                String.valueOf(p.get("region")),
                span,
                staticNames.contains(name),
                Collections.unmodifiableMap(copy));
    }

    /** Domain name ({@code ""} for the root domain). */
    public String domain() {
        return domain;
    }

    /** The partitions as {@code partitions.yml} holds them (for {@link PlacedDomain}). */
    Map<String, Map<String, Object>> raw() {
        return raw;
    }

    /** The names of the partitions that come from the static configuration. */
    Set<String> staticNames() {
        return staticNames;
    }

    /** The names of this domain's layout files. */
    public LayoutFileNames fileNames() {
        return new LayoutFileNames(domain);
    }

    /** The regions in the order given. */
    public List<Region> regions() {
        return regions;
    }

    /** Every partition, by name in code-point order (the order of {@code partitions.yml}). */
    public Map<String, Partition> partitions() {
        return partitions;
    }

    /** The partition of that name, if any. */
    public Optional<Partition> find(String name) {
        return Optional.ofNullable(partitions.get(name));
    }

    /**
     * The partition of that name.
     *
     * @throws PartitionException naming the partition when it does not exist
     */
    public Partition get(String name) throws PartitionException {
        Partition p = partitions.get(name);
        if (p == null) {
            throw new PartitionException(
                    "unknown partition '" + name + "' in domain '" + domain + "'; known: " + partitions.keySet(),
                    List.of(name),
                    List.of());
        }
        return p;
    }

    /** True when the partition exists and comes from the static configuration. */
    public boolean isStatic(String name) {
        Partition p = partitions.get(name);
        return p != null && p.isStatic();
    }

    /** Address of a partition; throws for an unknown name. */
    public long addressOf(String name) throws PartitionException {
        return get(name).address();
    }

    /** Size of a partition; throws for an unknown name. */
    public long sizeOf(String name) throws PartitionException {
        return get(name).size();
    }

    /** The partitions of one region by address (containers before their first member). */
    public List<Partition> inRegion(String region) {
        List<Partition> list = new ArrayList<>();
        for (Partition p : partitions.values()) {
            if (p.region().equals(region)) {
                list.add(p);
            }
        }
        list.sort(Comparator.comparingLong(Partition::address)
                .thenComparing(p -> p.isContainer() ? 0 : 1)
                .thenComparing(Comparator.comparingLong(Partition::size).reversed()));
        return list;
    }

    /** The text of {@code partitions.yml}. */
    public String partitionsYaml() {
        return YamlWriter.write(raw);
    }

    /** The text of {@code regions.yml}. */
    public String regionsYaml() {
        return YamlWriter.write(regionsMap(regions));
    }

    static Map<String, Object> regionsMap(List<Region> regions) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Region r : regions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("base_address", r.baseAddress());
            m.put("default_driver_kconfig", r.defaultDriverKconfig());
            m.put("device", r.device());
            m.put("dynamic_partition", r.dynamicPartition());
            m.put("name", r.name());
            m.put("placement_strategy", r.strategy().yamlName());
            m.put("size", r.size());
            out.put(r.name(), m);
        }
        return out;
    }

    /** This layout as the header and {@code pm.config} generators see it (read back from its YAML). */
    public OutputDomain toOutputDomain() throws PartitionException {
        return OutputDomain.parse(domain, "partitions", partitionsYaml(), "regions", regionsYaml());
    }
}
