package io.multiimage.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Runs the whole algorithm for one domain (spec section 2). */
final class DomainSolver {

    private final DomainConfig config;
    private final Consumer<String> warnings;
    private final Origins origins = new Origins();

    DomainSolver(DomainConfig config, Consumer<String> warnings) {
        this.config = config;
        this.warnings = warnings;
    }

    /** The result: every partition of the domain (insertion order) and the static names. */
    record Solved(Map<String, Map<String, Object>> partitions, Set<String> staticNames, Origins origins) {}

    Solved solve() throws PartitionException {
        Map<String, Map<String, Object>> system = loadRequests();
        Map<String, Map<String, Object>> statics = loadStatic();
        for (String name : statics.keySet()) {
            if (system.remove(name) != null) {
                warnings.accept("Partition '" + name + "' is not included in the dynamic resolving since it is"
                        + " statically defined.");
            }
        }
        defaultRegions(system);
        warnUnconfiguredRegions(system, statics);
        SolveContext ctx = new SolveContext(system, origins, statics.keySet(), warnings);
        List<Region> ordered = orderRegions(system);
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Region region : ordered) {
            Map<String, Map<String, Object>> table = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Object>> e : system.entrySet()) {
                if (region.name().equals(e.getValue().get("region"))) {
                    table.put(e.getKey(), e.getValue());
                }
            }
            Map<String, Map<String, Object>> regionStatics = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Object>> e : statics.entrySet()) {
                if (region.name().equals(e.getValue().get("region"))) {
                    regionStatics.put(e.getKey(), e.getValue());
                }
            }
            if (region.strategy() == PlacementStrategy.COMPLEX) {
                new ComplexRegionSolver(ctx).solve(table, region, regionStatics);
            } else {
                new SimpleRegionSolver(ctx).solve(table, region, regionStatics);
            }
            for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
                Map<String, Object> previous = result.put(e.getKey(), e.getValue());
                if (previous != null && e.getKey().startsWith("EMPTY_") && previous != e.getValue()) {
                    warnings.accept("Gap partition '" + e.getKey() + "' of region '" + previous.get("region")
                            + "' is overwritten by the one of region '" + region.name() + "' (the reference numbers"
                            + " gaps per region).");
                }
            }
        }
        return new Solved(result, new LinkedHashSet<>(statics.keySet()), origins);
    }

    /** The reference silently leaves out partitions of regions the domain does not have. */
    private void warnUnconfiguredRegions(
            Map<String, Map<String, Object>> system, Map<String, Map<String, Object>> statics) {
        Set<String> configured = new LinkedHashSet<>();
        for (Region r : config.regions()) {
            configured.add(r.name());
        }
        for (Map<String, Map<String, Object>> group : List.of(system, statics)) {
            for (Map.Entry<String, Map<String, Object>> e : group.entrySet()) {
                String region = String.valueOf(e.getValue().get("region"));
                if (!configured.contains(region)) {
                    String where = origins.of(e.getKey());
                    warnings.accept((where == null ? "" : where + ": ") + "partition '" + e.getKey()
                            + "' is in region '" + region
                            + "', which is not configured for this domain; it is left out of the layout.");
                }
            }
        }
    }

    private Map<String, Map<String, Object>> loadRequests() throws PartitionException {
        Map<String, Map<String, Object>> reqs = new LinkedHashMap<>();
        Map<String, String> firstFile = new LinkedHashMap<>();
        for (RequestSource source : config.requests()) {
            Loaded loaded = load(source, false);
            for (Map.Entry<String, Map<String, Object>> e : loaded.entries.entrySet()) {
                String key = e.getKey();
                String where = loaded.where(key);
                Map<String, Object> existing = reqs.get(key);
                if (existing != null && !existing.equals(e.getValue())) {
                    throw new PartitionException(
                            "conflicting definitions of partition '" + key + "': "
                                    + firstFile.get(key) + " defines " + Props.repr(existing) + ", " + where
                                    + " defines "
                                    + Props.repr(e.getValue()) + "; both images must request the same properties",
                            List.of(key),
                            List.of(firstFile.get(key), where));
                }
                reqs.put(key, e.getValue());
                firstFile.putIfAbsent(key, where);
                origins.define(key, where);
            }
        }
        return reqs;
    }

    private Map<String, Map<String, Object>> loadStatic() throws PartitionException {
        if (config.staticConfig() == null) {
            return new LinkedHashMap<>();
        }
        Loaded loaded = load(config.staticConfig(), true);
        for (String key : loaded.entries.keySet()) {
            origins.redefine(key, loaded.where(key));
        }
        defaultRegions(loaded.entries);
        return loaded.entries;
    }

    private static final class Loaded {
        final Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
        final Map<String, Integer> lines;
        final String label;

        Loaded(String label, Map<String, Integer> lines) {
            this.label = label;
            this.lines = lines;
        }

        String where(String key) {
            Integer line = lines.get(key);
            return line == null ? label : label + ":" + line;
        }
    }

    private Loaded load(RequestSource source, boolean isStatic) throws PartitionException {
        Object root;
        Map<String, Integer> lines = Map.of();
        EntryChecker.KeyLines keyLines = (mapping, key) -> 0;
        if (source.text() != null) {
            YamlTextParser.Parsed parsed = YamlReader.parseWithKeyLines(source.label(), source.text());
            root = parsed.document().root();
            lines = parsed.document().topLevelLines();
            Map<Map<String, Object>, Map<String, Integer>> all = parsed.keyLines();
            keyLines = (mapping, key) -> {
                Map<String, Integer> of = all.get(mapping);
                Integer line = of == null ? null : of.get(key);
                return line == null ? 0 : line;
            };
        } else {
            root = Props.deepCopy(source.parsed(), new IdentityHashMap<>());
        }
        EntryChecker checker = new EntryChecker(source.label(), keyLines, generatedNames());
        Loaded loaded = new Loaded(source.label(), lines);
        if (root == null) {
            return loaded;
        }
        Map<String, Object> map = Props.asMap(root);
        if (map == null) {
            throw new PartitionException(
                    "expected a mapping from partition names to their properties, found " + Props.repr(root),
                    List.of(),
                    List.of(source.label()));
        }
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Map<String, Object> props = Props.asMap(e.getValue());
            if (props == null) {
                throw new PartitionException(
                        "partition '" + e.getKey() + "' must be a mapping of properties, found "
                                + Props.repr(e.getValue()),
                        List.of(e.getKey()),
                        List.of(loaded.where(e.getKey())));
            }
            Integer line = lines.get(e.getKey());
            checker.check(e.getKey(), props, line == null ? 0 : line, isStatic);
            loaded.entries.put(e.getKey(), props);
        }
        return loaded;
    }

    /** Records the partition manager writes itself: free-space partitions and dynamic partitions. */
    private Set<String> generatedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Region r : config.regions()) {
            names.add(r.name());
            names.add(r.effectiveDynamicPartition());
        }
        names.add("app");
        return names;
    }

    private static void defaultRegions(Map<String, Map<String, Object>> partitions) {
        for (Map.Entry<String, Map<String, Object>> e : partitions.entrySet()) {
            if (!e.getValue().containsKey("region")) {
                e.getValue().put("region", ImageRam.isOwnPartition(e.getKey()) ? ImageRam.DOMAIN_RAM : "flash_primary");
            }
        }
    }

    /** Stable sort by dependency depth (spec 2.2). */
    private List<Region> orderRegions(Map<String, Map<String, Object>> system) throws PartitionException {
        Map<Region, Integer> depth = new IdentityHashMap<>();
        for (Region r : config.regions()) {
            depth.put(r, depth(system, r.name(), new ArrayList<>()));
        }
        List<Region> ordered = new ArrayList<>(config.regions());
        ordered.sort(Comparator.comparingInt(depth::get));
        return ordered;
    }

    private int depth(Map<String, Map<String, Object>> system, String region, List<String> path)
            throws PartitionException {
        if (path.contains(region)) {
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> e : system.entrySet()) {
                if (path.contains(String.valueOf(e.getValue().get("region")))
                        && e.getValue().containsKey("share_size")) {
                    names.add(e.getKey());
                }
            }
            throw origins.error(
                    "share_size loop between regions " + path + " -> " + region
                            + "; partitions copy sizes from each other's regions",
                    names);
        }
        path.add(region);
        int d = 1;
        for (Map.Entry<String, Map<String, Object>> e : system.entrySet()) {
            Map<String, Object> p = e.getValue();
            if (!region.equals(p.get("region")) || !p.containsKey("share_size")) {
                continue;
            }
            for (Object cand : Props.shareSizeNames(p.get("share_size"))) {
                Map<String, Object> target = cand instanceof String s ? system.get(s) : null;
                if (target != null && !region.equals(target.get("region"))) {
                    d = Math.max(d, 1 + depth(system, String.valueOf(target.get("region")), new ArrayList<>(path)));
                }
            }
        }
        return d;
    }
}
