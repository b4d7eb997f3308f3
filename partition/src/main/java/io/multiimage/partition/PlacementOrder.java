package io.multiimage.partition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the normalised requests of a complex region into the order of its partitions
 * (spec 4.4 containers and 4.5 the solution).
 */
final class PlacementOrder {

    /** The ordered partitions and the containers with their flattened spans. */
    record Result(List<String> solution, Map<String, Map<String, Object>> containers, Set<String> nested) {}

    private final SolveContext ctx;
    private final String dp;

    PlacementOrder(SolveContext ctx, String dp) {
        this.ctx = ctx;
        this.dp = dp;
    }

    Result resolve(Map<String, Map<String, Object>> table, String regionName) throws PartitionException {
        Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            if (e.getValue().containsKey("span")) {
                containers.put(e.getKey(), e.getValue());
            }
        }
        for (String c : containers.keySet()) {
            table.remove(c);
        }
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            List<Object> inside = Props.asList(e.getValue().get("inside"));
            if (inside != null && !inside.isEmpty()) {
                Map<String, Object> target = containers.get(String.valueOf(inside.get(0)));
                if (target == null) {
                    throw ctx.origins.error(
                            "partition '" + e.getKey() + "': 'inside' names '" + inside.get(0)
                                    + "', which is not a container (a partition with 'span')",
                            e.getKey());
                }
                spanOf(target, String.valueOf(inside.get(0))).add(e.getKey());
            }
        }
        Set<String> nested = flatten(table, containers);
        List<String> candidates = candidates(table, containers);
        disambiguate(table, candidates);
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            if (Props.START.equals(Props.firstAnchor(e.getValue(), "before"))
                    || Props.END.equals(Props.firstAnchor(e.getValue(), "after"))) {
                throw ctx.origins.error(
                        "partition '" + e.getKey() + "' is placed before 'start' or after 'end'", e.getKey());
            }
        }
        List<String> solution = new ArrayList<>(List.of(Props.START, dp, Props.END));
        while (!candidates.isEmpty()) {
            int before = candidates.size();
            pass(table, containers, candidates, solution, "before");
            pass(table, containers, candidates, solution, "after");
            if (candidates.size() == before) {
                StringBuilder detail = new StringBuilder();
                for (String c : candidates) {
                    detail.append("\n  ")
                            .append(c)
                            .append(": placement ")
                            .append(Props.repr(table.get(c).get("placement")));
                }
                throw ctx.origins.error(
                        "region '" + regionName + "': cannot place these partitions; their 'before'/"
                                + "'after' references form a cycle or point at partitions that are never placed:"
                                + detail,
                        candidates);
            }
        }
        solution.remove(Props.START);
        solution.remove(Props.END);
        for (Map.Entry<String, Map<String, Object>> c : containers.entrySet()) {
            List<Object> span = Props.asList(c.getValue().get("span"));
            int min = Integer.MAX_VALUE;
            int max = -1;
            for (Object member : span) {
                int idx = solution.indexOf(String.valueOf(member));
                if (idx < 0) {
                    throw ctx.origins.error(
                            "partition '" + member + "' (in container '" + c.getKey() + "') is never"
                                    + " placed: give it a 'placement' with 'before' or 'after'",
                            String.valueOf(member),
                            c.getKey());
                }
                min = Math.min(min, idx);
                max = Math.max(max, idx);
            }
            if (!span.isEmpty() && max - min + 1 != span.size()) {
                throw ctx.origins.error(
                        "container '" + c.getKey() + "' spans " + span + ", which are not placed next"
                                + " to each other; the order found is " + solution,
                        c.getKey());
            }
        }
        return new Result(solution, containers, nested);
    }

    private List<Object> spanOf(Map<String, Object> container, String name) throws PartitionException {
        List<Object> span = Props.asList(container.get("span"));
        if (span == null) {
            throw ctx.origins.error(
                    "container '" + name + "': 'span' must be a list of partition names, found "
                            + Props.repr(container.get("span")),
                    name);
        }
        return span;
    }

    /**
     * Drops empty containers and replaces every span by the non-container partitions it covers.
     * Order: as written for containers without nested containers; depth-first for the others
     * (the reference's order is random there; the final order is by address, see ComplexRegionSolver).
     *
     * @return the names of the containers that contained containers
     */
    private Set<String> flatten(Map<String, Map<String, Object>> table, Map<String, Map<String, Object>> containers)
            throws PartitionException {
        List<String> dropped = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Map<String, Object>> c : containers.entrySet()) {
                List<Object> span = spanOf(c.getValue(), c.getKey());
                boolean empty = span.isEmpty()
                        || dropped.containsAll(
                                span.stream().map(String::valueOf).toList());
                if (empty && !dropped.contains(c.getKey())) {
                    dropped.add(c.getKey());
                    changed = true;
                }
            }
        }
        for (String d : dropped) {
            ctx.warn("Dropping partition '" + d + "' since it is empty.");
            containers.remove(d);
        }
        Set<String> nested = new LinkedHashSet<>();
        Map<String, List<Object>> flat = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> c : containers.entrySet()) {
            LinkedHashSet<String> members = new LinkedHashSet<>();
            collect(c.getKey(), containers, table, members, new LinkedHashSet<>());
            for (Object m : spanOf(c.getValue(), c.getKey())) {
                if (containers.containsKey(String.valueOf(m))) {
                    nested.add(c.getKey());
                }
            }
            flat.put(c.getKey(), new ArrayList<>(members));
        }
        for (Map.Entry<String, List<Object>> f : flat.entrySet()) {
            Map<String, Object> c = containers.get(f.getKey());
            c.put("orig_span", f.getValue());
            c.put("span", f.getValue());
        }
        return nested;
    }

    private void collect(
            String container,
            Map<String, Map<String, Object>> containers,
            Map<String, Map<String, Object>> table,
            LinkedHashSet<String> into,
            LinkedHashSet<String> path)
            throws PartitionException {
        if (!path.add(container)) {
            throw ctx.origins.error(
                    "containers span each other in a loop: " + String.join(" -> ", path) + " -> " + container,
                    new ArrayList<>(path));
        }
        if (path.size() > YamlReader.MAX_DEPTH) {
            // a limit, like the YAML reader's: this walk recurses once per level
            String outermost = path.iterator().next();
            throw ctx.origins.error(
                    "nesting deeper than " + YamlReader.MAX_DEPTH + " levels: container '" + outermost
                            + "' spans a container that spans a container ... " + YamlReader.MAX_DEPTH + " times",
                    outermost);
        }
        for (Object m : spanOf(containers.get(container), container)) {
            String name = String.valueOf(m);
            if (containers.containsKey(name)) {
                collect(name, containers, table, into, path);
            } else if (table.containsKey(name)) {
                into.add(name);
            }
        }
        path.remove(container);
    }

    /** Candidates for the passes: outside containers first (definition order), then inner containers last. */
    private List<String> candidates(
            Map<String, Map<String, Object>> table, Map<String, Map<String, Object>> containers) {
        Set<String> unsorted = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            Map<String, Object> placement = Props.placement(e.getValue());
            if (placement != null && (placement.containsKey("before") || placement.containsKey("after"))) {
                unsorted.add(e.getKey());
            }
        }
        List<Map<String, Object>> subs = new ArrayList<>(containers.values());
        subs.sort((a, b) -> Integer.compare(
                Props.asList(a.get("span")).size(), Props.asList(b.get("span")).size()));
        List<String> result = new ArrayList<>();
        for (Map<String, Object> sub : subs) {
            List<String> front = new ArrayList<>();
            for (Object m : Props.asList(sub.get("span"))) {
                String name = String.valueOf(m);
                if (unsorted.contains(name) && !result.contains(name) && !front.contains(name)) {
                    front.add(name);
                }
            }
            front.addAll(result);
            result = front;
        }
        List<String> outside = new ArrayList<>();
        for (String u : unsorted) {
            if (!result.contains(u)) {
                outside.add(u);
            }
        }
        warnAmbiguous(table, outside);
        outside.addAll(result);
        return outside;
    }

    /**
     * The reference orders candidates outside containers by hash (spec 9.1): two of them anchored
     * on the same neighbour in the same direction with different placements land in a random
     * order there. We take definition order and say so.
     */
    private void warnAmbiguous(Map<String, Map<String, Object>> table, List<String> outside) {
        // group by (direction, first anchor); only partitions within one group can collide
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String name : outside) {
            for (String dir : List.of("before", "after")) {
                Object anchor = Props.firstAnchor(table.get(name), dir);
                if (anchor != null) {
                    groups.computeIfAbsent(dir + "\u0000" + anchor, k -> new ArrayList<>())
                            .add(name);
                }
            }
        }
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            List<String> names = g.getValue();
            if (names.size() < 2) {
                continue;
            }
            String dir = g.getKey().substring(0, g.getKey().indexOf('\u0000'));
            String anchor = g.getKey().substring(g.getKey().indexOf('\u0000') + 1);
            List<String> reprs = new ArrayList<>();
            for (String n : names) {
                reprs.add(Props.repr(table.get(n).get("placement")));
            }
            for (int i = 0; i < names.size(); i++) {
                for (int j = i + 1; j < names.size(); j++) {
                    if (!reprs.get(i).equals(reprs.get(j))) {
                        ctx.warn("Partitions '" + names.get(i) + "' and '" + names.get(j) + "' are both placed "
                                + dir + " '" + anchor + "' with different placements; the reference orders them"
                                + " randomly, we use definition order, which puts '" + names.get(j) + "' next to '"
                                + anchor + "'. Chain them (" + dir + ": [" + names.get(i) + "]) or use a static"
                                + " configuration for a layout the reference reproduces.");
                    }
                }
            }
        }
    }

    /** Partitions with identical placements are chained in name order (spec 4.5 step 2). */
    private void disambiguate(Map<String, Map<String, Object>> table, List<String> candidates) {
        Map<String, List<String>> buckets = new LinkedHashMap<>();
        for (String c : candidates) {
            buckets.computeIfAbsent(Props.repr(table.get(c).get("placement")), k -> new ArrayList<>())
                    .add(c);
        }
        for (List<String> group : buckets.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<String> sorted = new ArrayList<>(group);
            sorted.sort(PythonForms::compareCodePoints);
            for (int i = 0; i < sorted.size() - 1; i++) {
                Map<String, Object> placement = Props.placement(table.get(sorted.get(i)));
                placement.put("before", Props.listOf(sorted.get(i + 1)));
                placement.remove("after");
            }
        }
    }

    private void pass(
            Map<String, Map<String, Object>> table,
            Map<String, Map<String, Object>> containers,
            List<String> unsolved,
            List<String> solution,
            String direction)
            throws PartitionException {
        List<String> pool = new ArrayList<>(solution);
        pool.addAll(containers.keySet());
        Map<String, Object> anchorOf = new HashMap<>();
        for (String x : unsolved) {
            anchorOf.put(x, Props.firstAnchor(table.get(x), direction));
        }
        int index = 0;
        String current = pool.get(0);
        while (true) {
            String found = null;
            for (String x : unsolved) {
                if (current.equals(anchorOf.get(x))) {
                    found = x;
                    break;
                }
            }
            if (found != null) {
                String anchor = current;
                if (!solution.contains(current)) {
                    anchor = null;
                    List<Object> span = Props.asList(containers.get(current).get("span"));
                    if (direction.equals("before")) {
                        for (String s : solution) {
                            if (span.contains(s)) {
                                anchor = s;
                                break;
                            }
                        }
                    } else {
                        for (int i = solution.size() - 1; i >= 0; i--) {
                            if (span.contains(solution.get(i))) {
                                anchor = solution.get(i);
                                break;
                            }
                        }
                    }
                    if (anchor == null) {
                        throw ctx.origins.error(
                                "partition '" + found + "' is placed " + direction + " container '"
                                        + current + "', none of whose partitions is placed yet; anchor it on one of "
                                        + span + " instead",
                                found,
                                current);
                    }
                }
                int at = solution.indexOf(anchor);
                solution.add(direction.equals("before") ? at : at + 1, found);
                unsolved.remove(found);
                current = found;
            } else {
                index++;
                if (index >= pool.size()) {
                    break;
                }
                current = pool.get(index);
            }
        }
    }
}
