package io.multiimage.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Packs a {@code start_to_end} or {@code end_to_start} region (spec section 3). */
final class SimpleRegionSolver {

    private final SolveContext ctx;

    SimpleRegionSolver(SolveContext ctx) {
        this.ctx = ctx;
    }

    void solve(Map<String, Map<String, Object>> table, Region region, Map<String, Map<String, Object>> statics)
            throws PartitionException {
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            Map<String, Object> p = e.getValue();
            if (p.containsKey("span")) {
                throw ctx.origins.error(
                        "partition '" + e.getKey() + "' is a container ('span'), which is only"
                                + " supported in complex regions, not in region '" + region.name() + "'",
                        e.getKey());
            }
            if (p.containsKey("share_size") && !(p.get("share_size") instanceof List)) {
                throw ctx.origins.error(
                        "partition '" + e.getKey() + "': in region '" + region.name() + "' ("
                                + region.strategy().yamlName() + ") 'share_size' must be a list of names, found "
                                + Props.repr(p.get("share_size")),
                        e.getKey());
            }
        }
        new SharedSizes(ctx).apply(table, region.size(), null);
        long reserved = 0;
        if (!statics.isEmpty()) {
            StaticArea area = new StaticArea(ctx);
            area.check(statics, region, null);
            area.checkPacked(statics, region);
            for (Map<String, Object> s : statics.values()) {
                reserved += Props.size(s);
            }
            table.putAll(statics);
        }
        boolean down = region.strategy() == PlacementStrategy.END_TO_START;
        long address = down ? region.endAddress() - reserved : region.baseAddress() + reserved;
        List<String> packed = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : table.entrySet()) {
            Map<String, Object> p = e.getValue();
            if (p.containsKey("address")) {
                continue;
            }
            if (!Props.hasSize(p)) {
                throw ctx.origins.error(
                        "partition '" + e.getKey() + "' in region '" + region.name() + "' has no integer 'size' (found "
                                + Props.repr(p.get("size")) + ")",
                        e.getKey());
            }
            if (down) {
                address -= Props.size(p);
            }
            p.put("address", address);
            if (!down) {
                address += Props.size(p);
            }
            if (!region.device().isEmpty()) {
                p.put("device", region.device());
            }
            packed.add(e.getKey());
        }
        if (!statics.containsKey(region.name())) {
            if (table.containsKey(region.name())) {
                throw ctx.origins.error(
                        "partition '" + region.name() + "' has the name of a region, which is"
                                + " reserved for the region's free space",
                        region.name());
            }
            Map<String, Object> free = Props.newMap();
            free.put("region", region.name());
            long freeSize = down ? address - region.baseAddress() : region.endAddress() - address;
            free.put("address", down ? region.baseAddress() : address);
            free.put("size", freeSize);
            if (freeSize < 0) {
                throw notEnoughSpace(table, packed, region, region.size() - reserved, -freeSize);
            }
            table.put(region.name(), free);
        }
        for (Map<String, Object> p : table.values()) {
            p.put("end_address", Props.address(p) + Props.size(p));
        }
    }

    private PartitionException notEnoughSpace(
            Map<String, Map<String, Object>> table, List<String> packed, Region region, long free, long missing) {
        List<String> overflow = new ArrayList<>();
        long used = 0;
        StringBuilder list = new StringBuilder();
        for (String name : packed) {
            long size = Props.size(table.get(name));
            used += size;
            if (used > free) {
                long beyond = Math.min(size, used - free);
                overflow.add(name);
                list.append(overflow.size() > 1 ? ", " : "")
                        .append(name)
                        .append(" (")
                        .append(Props.hex(size))
                        .append(" bytes, ")
                        .append(Props.hex(beyond))
                        .append(" of them beyond the region)");
            }
        }
        return ctx.origins.error(
                "NOT ENOUGH SPACE in region '" + region.name() + "': the partitions need "
                        + Props.hex(used) + " bytes but " + Props.hex(free) + " are free; " + Props.hex(missing)
                        + " bytes missing. Partitions that do not fit: " + list,
                overflow);
    }
}
