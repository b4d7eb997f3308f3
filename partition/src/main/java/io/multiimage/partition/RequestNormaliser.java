package io.multiimage.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Normalises the requests of a complex region (spec 4.1 step 1 and 4.3): {@code app} renamed
 * to the dynamic partition, strings to lists, zero sizes dropped, {@code one_of} resolved and
 * references to absent partitions pruned. Remembers the placements as written so that a
 * partition whose references all vanished can be reported by name.
 */
final class RequestNormaliser {

    private static final Set<String> STRING_KEYS = Set.of("size", "region");

    private final SolveContext ctx;
    private final String dp;
    /** placement before/after lists as they were before pruning, per partition. */
    final Map<String, String> writtenPlacements = new HashMap<>();

    RequestNormaliser(SolveContext ctx, String dp) {
        this.ctx = ctx;
        this.dp = dp;
    }

    /** Replaces list elements equal to {@code app} by {@code dp}, at every mapping depth. */
    static void replaceApp(Map<String, Object> d, String dp) {
        for (Map.Entry<String, Object> e : d.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map) {
                replaceApp(Props.asMap(v), dp);
            } else if (v instanceof List && Props.asList(v).contains("app")) {
                List<Object> replaced = new ArrayList<>();
                for (Object o : Props.asList(v)) {
                    replaced.add("app".equals(o) ? dp : o);
                }
                e.setValue(replaced);
            }
        }
    }

    static void stringsToLists(Map<String, Object> m) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().equals("extra_params")) {
                continue;
            }
            Object v = e.getValue();
            if (v instanceof Map) {
                stringsToLists(Props.asMap(v));
            } else if (v instanceof String && !STRING_KEYS.contains(e.getKey())) {
                e.setValue(Props.listOf(v));
            }
        }
    }

    void normalise(Map<String, Map<String, Object>> table) throws PartitionException {
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            stringsToLists(e.getValue());
        }
        dropZeroSized(table);
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            Map<String, Object> p = e.getValue();
            if (p.containsKey("placement")) {
                Object placement = p.get("placement");
                if (!(placement instanceof Map) || Props.asMap(placement).isEmpty()) {
                    throw ctx.origins.error(
                            "partition '" + e.getKey() + "' has an empty 'placement'; give it"
                                    + " 'before' or 'after' (or remove the key)",
                            e.getKey());
                }
                Map<String, Object> pl = Props.asMap(placement);
                StringBuilder w = new StringBuilder();
                for (String dir : List.of("before", "after")) {
                    if (pl.containsKey(dir)) {
                        w.append(w.length() > 0 ? ", " : "")
                                .append(dir)
                                .append(": ")
                                .append(pl.get(dir));
                    }
                }
                writtenPlacements.put(e.getKey(), w.toString());
            }
        }
        List<Object> names = new ArrayList<>(table.keySet());
        names.add(Props.END);
        names.add(Props.START);
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            resolveOneOf(e.getKey(), e.getValue(), names, false);
        }
        Set<Object> existing = new LinkedHashSet<>(table.keySet());
        Set<Object> withEnds = new LinkedHashSet<>(existing);
        withEnds.add(Props.START);
        withEnds.add(Props.END);
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            Map<String, Object> p = e.getValue();
            Map<String, Object> pl = Props.placement(p);
            if (pl != null) {
                for (String dir : List.of("before", "after")) {
                    if (pl.containsKey(dir)) {
                        List<Object> l = listValue(e.getKey(), "placement." + dir, pl.get(dir));
                        l.removeIf(x -> !withEnds.contains(x) && !dp.equals(x));
                        if (l.isEmpty()) {
                            pl.remove(dir);
                        }
                    }
                }
            }
            if (p.containsKey("span")) {
                listValue(e.getKey(), "span", p.get("span")).removeIf(x -> !existing.contains(x) && !dp.equals(x));
            }
            if (p.containsKey("inside")) {
                List<Object> l = listValue(e.getKey(), "inside", p.get("inside"));
                l.removeIf(x -> !existing.contains(x) && !dp.equals(x));
                if (l.isEmpty()) {
                    p.remove("inside");
                }
            }
        }
    }

    private List<Object> listValue(String name, String key, Object v) throws PartitionException {
        List<Object> l = Props.asList(v);
        if (l == null) {
            throw ctx.origins.error(
                    "partition '" + name + "': '" + key + "' must be a partition name or a list of" + " names, found "
                            + Props.repr(v),
                    name);
        }
        return l;
    }

    /** Drops size-0 requests and prunes share_size lists until nothing changes (spec 4.3 step 2). */
    private void dropZeroSized(Map<String, Map<String, Object>> table) throws PartitionException {
        Set<String> dropped = new LinkedHashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
                String k = e.getKey();
                if (dropped.contains(k)) {
                    continue;
                }
                Map<String, Object> v = e.getValue();
                if (Long.valueOf(0).equals(v.get("size"))) {
                    dropped.add(k);
                    changed = true;
                }
                if (v.containsKey("share_size")) {
                    Object ss = v.get("share_size");
                    List<Object> names =
                            ss instanceof Map ? Props.asList(Props.asMap(ss).get("one_of")) : Props.asList(ss);
                    if (names == null) {
                        throw ctx.origins.error(
                                "partition '" + k + "': 'share_size' must be a name, a list of names"
                                        + " or {one_of: [...]}, found " + Props.repr(ss),
                                k);
                    }
                    List<Object> removed = new ArrayList<>();
                    names.removeIf(x -> {
                        boolean gone = !dp.equals(x) && !nonZeroRequest(x, dropped);
                        if (gone) {
                            removed.add(x);
                        }
                        return gone;
                    });
                    for (Object r : removed) {
                        if (ctx.staticNames.contains(String.valueOf(r))) {
                            ctx.warn("Partition '" + k + "' shares its size with static partition '" + r
                                    + "', which is ignored (only requests can be shared with).");
                        }
                    }
                    if (names.isEmpty()) {
                        v.remove("share_size");
                        if (!v.containsKey("size")) {
                            dropped.add(k);
                            changed = true;
                        }
                    }
                }
            }
        }
        for (String k : dropped.stream().sorted().toList()) {
            ctx.warn("Dropping partition '" + k + "' since its size is 0.");
            table.remove(k);
        }
    }

    private boolean nonZeroRequest(Object name, Set<String> dropped) {
        if (!(name instanceof String s) || dropped.contains(s)) {
            return false;
        }
        Map<String, Object> p = ctx.system.get(s);
        return p != null && !Long.valueOf(0).equals(p.get("size"));
    }

    private void resolveOneOf(String partition, Map<String, Object> m, List<Object> names, boolean invalid)
            throws PartitionException {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map) {
                Map<String, Object> inner = Props.asMap(v);
                if (inner.containsKey("one_of")) {
                    if (invalid) {
                        throw oneOfBelowPlacement(partition);
                    }
                    if (inner.size() != 1) {
                        throw ctx.origins.error(
                                "partition '" + partition + "': 'one_of' must be the only key of its"
                                        + " mapping, found " + Props.repr(inner),
                                partition);
                    }
                    Object first = firstExisting(partition, inner.get("one_of"), names);
                    e.setValue(Props.listOf(first));
                } else {
                    resolveOneOf(partition, inner, names, invalid || e.getKey().equals("placement"));
                }
            } else if (v instanceof List) {
                List<Object> list = Props.asList(v);
                boolean any = false;
                List<Object> replaced = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof Map) {
                        if (invalid) {
                            throw oneOfBelowPlacement(partition);
                        }
                        Map<String, Object> im = Props.asMap(item);
                        if (!im.containsKey("one_of")) {
                            throw ctx.origins.error(
                                    "partition '" + partition + "': a mapping inside a list must be"
                                            + " {one_of: [...]}, found " + Props.repr(im),
                                    partition);
                        }
                        replaced.add(firstExisting(partition, im.get("one_of"), names));
                        any = true;
                    } else {
                        replaced.add(item);
                    }
                }
                if (any) {
                    e.setValue(replaced);
                }
            }
        }
    }

    private PartitionException oneOfBelowPlacement(String partition) {
        return ctx.origins.error(
                "partition '" + partition + "': 'one_of' cannot be used inside 'placement'; the"
                        + " 'before'/'after' lists already mean \"the first that exists\"",
                partition);
    }

    private Object firstExisting(String partition, Object oneOf, List<Object> names) throws PartitionException {
        List<Object> list = Props.asList(oneOf);
        if (list != null) {
            for (Object o : list) {
                if (names.contains(o)) {
                    return o;
                }
            }
        }
        throw ctx.origins.error(
                "partition '" + partition + "': none of the partitions in one_of " + Props.repr(oneOf)
                        + " exists in this region",
                partition);
    }
}
