package io.multiimage.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Solves a {@code complex} region (spec section 4). */
final class ComplexRegionSolver {

    private final SolveContext ctx;

    ComplexRegionSolver(SolveContext ctx) {
        this.ctx = ctx;
    }

    void solve(Map<String, Map<String, Object>> table, Region region, Map<String, Map<String, Object>> statics)
            throws PartitionException {
        String dp = region.effectiveDynamicPartition();
        if (!dp.equals("app")) {
            for (Map<String, Object> p : table.values()) {
                RequestNormaliser.replaceApp(p, dp);
            }
            Map<String, Object> app = Props.newMap();
            app.put("span", Props.listOf(dp));
            app.put("region", region.name());
            table.put("app", app);
        }
        Map<String, Object> dynamic = Props.newMap();
        dynamic.put("region", region.name());
        table.put(dp, dynamic);

        long start = region.baseAddress();
        long free = region.size();
        if (!statics.isEmpty()) {
            StaticArea area = new StaticArea(ctx);
            area.check(statics, region, dp);
            StaticArea.Gap gap = area.freeArea(statics, region, dp);
            start = gap.start();
            free = gap.size();
            if (table.size() == 1) {
                table.putAll(statics);
                table.get(dp).put("address", start);
                table.get(dp).put("size", free);
                endAddresses(table);
                return;
            }
        }
        RequestNormaliser normaliser = new RequestNormaliser(ctx, dp);
        normaliser.normalise(table);
        PlacementOrder.Result order = new PlacementOrder(ctx, dp).resolve(table, region.name());
        List<String> solution = order.solution();
        checkEveryPartitionPlaced(table, solution, normaliser, region);

        Map<String, Map<String, Object>> all = new LinkedHashMap<>(table);
        all.putAll(order.containers());
        SharedSizes shared = new SharedSizes(ctx);
        shared.apply(all, free, dp);
        List<String> dynamicSet = new ArrayList<>();
        dynamicSet.add(dp);
        dynamicSet.addAll(shared.dependents(all, dp));
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            if (!e.getKey().equals(dp) && !Props.hasSize(e.getValue())) {
                throw ctx.origins.error(
                        "partition '" + e.getKey() + "' has no integer 'size' and no 'share_size'"
                                + " naming an existing partition (found size "
                                + Props.repr(e.getValue().get("size")) + ")",
                        e.getKey());
            }
        }
        table.get(dp).put("size", SharedSizes.dynamicSize(table, free, dp));
        checkSpace(table, solution, dynamicSet, region, start, free);
        if (table.size() > 1) {
            new Aligner(ctx, table, solution, dynamicSet, dp, start, free, region.name()).run();
            checkSpace(table, solution, dynamicSet, region, start, free);
            verify(table, solution, start, free, region);
        } else {
            table.get(dp).put("address", start);
        }
        placeContainers(table, order);
        if (!statics.isEmpty()) {
            for (Map.Entry<String, Map<String, Object>> s : statics.entrySet()) {
                if (!s.getKey().equals(dp)) {
                    if (table.containsKey(s.getKey()) && s.getKey().startsWith("EMPTY_")) {
                        ctx.warn("Gap partition '" + s.getKey() + "' of region '" + region.name()
                                + "' is replaced by the static partition of the same name.");
                    }
                    table.put(s.getKey(), s.getValue());
                }
            }
        }
        endAddresses(table);
    }

    static void endAddresses(Map<String, Map<String, Object>> table) {
        for (Map<String, Object> p : table.values()) {
            p.put("end_address", Props.address(p) + Props.size(p));
        }
    }

    /** Requests that no pass placed would only surface as a broken layout: name them instead. */
    private void checkEveryPartitionPlaced(
            Map<String, Map<String, Object>> table, List<String> solution, RequestNormaliser normaliser, Region region)
            throws PartitionException {
        for (String name : table.keySet()) {
            if (solution.contains(name)) {
                continue;
            }
            String written = normaliser.writtenPlacements.get(name);
            if (written == null || written.isEmpty()) {
                throw ctx.origins.error(
                        "partition '" + name + "' in complex region '" + region.name() + "' has no"
                                + " 'placement' with 'before' or 'after', so it cannot be placed",
                        name);
            }
            throw ctx.origins.error(
                    "partition '" + name + "' cannot be placed: its placement (" + written
                            + ") refers only to partitions that do not exist in region '" + region.name() + "' (unknown"
                            + " partition referenced); add 'start' or 'end' as a fallback",
                    name);
        }
    }

    /** The reference silently produces negative sizes; we say what does not fit and by how much. */
    private void checkSpace(
            Map<String, Map<String, Object>> table,
            List<String> solution,
            List<String> dynamicSet,
            Region region,
            long start,
            long free)
            throws PartitionException {
        boolean negative = false;
        for (String d : dynamicSet) {
            negative |= Props.size(table.get(d)) < 0;
        }
        for (String s : solution) {
            negative |= Props.size(table.get(s)) < 0;
        }
        if (!negative) {
            return;
        }
        long used = 0;
        List<String> overflow = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        long requested = 0;
        for (String s : solution) {
            if (!dynamicSet.contains(s)) {
                requested += Props.size(table.get(s));
            }
        }
        for (String s : solution) {
            if (dynamicSet.contains(s)) {
                continue;
            }
            long size = Props.size(table.get(s));
            used += size;
            if (used > free) {
                overflow.add(s);
                list.append(overflow.size() > 1 ? ", " : "")
                        .append(s)
                        .append(" (")
                        .append(Props.hex(size))
                        .append(" bytes, ")
                        .append(Props.hex(Math.min(size, used - free)))
                        .append(" of them beyond")
                        .append(" the free area)");
            }
        }
        long missing = requested - free;
        String dp = dynamicSet.get(0);
        if (overflow.isEmpty()) {
            missing = -Props.size(table.get(dp));
            for (String d : dynamicSet) {
                if (!d.equals(dp)) {
                    missing = Math.max(missing, -Props.size(table.get(d)));
                }
            }
            overflow.addAll(dynamicSet);
            list.append(String.join(", ", dynamicSet))
                    .append(" (the dynamic partition would get ")
                    .append(Props.hex(Props.size(table.get(dp))))
                    .append(" bytes)");
        }
        throw ctx.origins.error(
                "NOT ENOUGH SPACE in region '" + region.name() + "': the partitions need "
                        + Props.hex(requested) + " bytes but the free area [" + Props.hex(start) + ", "
                        + Props.hex(start + free) + ") has " + Props.hex(free) + "; " + Props.hex(Math.max(missing, 0))
                        + " bytes missing. Partitions that do not fit: " + list,
                overflow);
    }

    private void verify(
            Map<String, Map<String, Object>> table, List<String> solution, long start, long free, Region region)
            throws PartitionException {
        long expected = start;
        for (String p : solution) {
            long actual = Props.address(table.get(p));
            if (actual != expected) {
                throw ctx.origins.error(
                        "region '" + region.name() + "': partition '" + p + "' would start at "
                                + Props.hex(actual) + " instead of " + Props.hex(expected)
                                + ": the alignments cannot be met"
                                + " (an alignment gap that cannot be split evenly among the partitions sharing the dynamic"
                                + " partition's size, or an end alignment of the first partition of a free area that does"
                                + " not start at address 0); change the sizes or alignments, or use a static"
                                + " configuration",
                        p);
            }
            expected += Props.size(table.get(p));
        }
        if (expected != start + free) {
            String last = solution.get(solution.size() - 1);
            throw ctx.origins.error(
                    "region '" + region.name() + "': the last partition '" + last + "' ends at " + Props.hex(expected)
                            + " instead of " + Props.hex(start + free),
                    last);
        }
    }

    private void placeContainers(Map<String, Map<String, Object>> table, PlacementOrder.Result order)
            throws PartitionException {
        for (Map.Entry<String, Map<String, Object>> c : order.containers().entrySet()) {
            List<Object> span = Props.asList(c.getValue().get("span"));
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (Object m : span) {
                Map<String, Object> p = table.get(String.valueOf(m));
                lo = Math.min(lo, Props.address(p));
                hi = Math.max(hi, Props.address(p) + Props.size(p));
            }
            long size = hi - lo;
            if (span.isEmpty() || size == 0) {
                throw ctx.origins.error(
                        "container '" + c.getKey() + "' covers no space (its partitions have size 0)", c.getKey());
            }
            if (order.nested().contains(c.getKey())) {
                // the reference's order is random here; address order is reproducible
                span.sort(Comparator.comparingLong(m -> Props.address(table.get(String.valueOf(m)))));
            }
            table.put(c.getKey(), c.getValue());
            c.getValue().put("size", size);
            c.getValue().put("address", lo);
        }
    }
}
