package io.multiimage.partition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code share_size}: finds each sharer's source, counts {@code sharers}, and gives fixed
 * sharers their size and dynamic sharers (those sharing with the dynamic partition or a
 * container spanning it) their part of the free space (spec 4.6 steps 1-4, 3 step 1).
 */
final class SharedSizes {

    private final SolveContext ctx;

    SharedSizes(SolveContext ctx) {
        this.ctx = ctx;
    }

    /** The first name of a partition's {@code share_size} list. */
    private Object firstShare(String name, Map<String, Object> p) throws PartitionException {
        Object ss = p.get("share_size");
        List<Object> list = Props.asList(ss);
        if (list == null || list.isEmpty()) {
            throw ctx.origins.error(
                    "partition '" + name + "': 'share_size' must be a list of partition names here" + " (found "
                            + Props.repr(ss) + "); write share_size: [" + ss + "]",
                    name);
        }
        return list.get(0);
    }

    private Map<String, Object> systemEntry(String sharer, Object name) throws PartitionException {
        Map<String, Object> p = name instanceof String s ? ctx.system.get(s) : null;
        if (p == null) {
            if (ctx.staticNames.contains(String.valueOf(name))) {
                throw ctx.origins.error(
                        "partition '" + sharer + "' copies the size of '" + name + "', which is static; put '" + sharer
                                + "' in the static configuration as well",
                        sharer);
            }
            throw ctx.origins.error(
                    "partition '" + sharer + "': 'share_size' refers to '" + name
                            + "', which is not a partition request of this domain (share_size with the dynamic partition"
                            + " itself is not supported: share with a container spanning it)",
                    sharer);
        }
        return p;
    }

    /** Follows share_size links through the domain's requests to the partition without one. */
    String source(String sharer) throws PartitionException {
        String current = sharer;
        Set<String> seen = new HashSet<>();
        Map<String, Object> p = ctx.system.get(current);
        if (p == null) {
            return current;
        }
        while (p.containsKey("share_size")) {
            if (!seen.add(current)) {
                throw ctx.origins.error("share_size loop: " + String.join(" -> ", seen) + " -> " + current, sharer);
            }
            Object next = firstShare(current, p);
            p = systemEntry(sharer, next);
            current = (String) next;
        }
        return current;
    }

    /**
     * Sets sizes of all sharers in {@code all} (the region's non-container partitions then its
     * containers). {@code dp} is null for simple regions.
     *
     * @return the dynamic sharers
     */
    List<String> apply(Map<String, Map<String, Object>> all, long total, String dp) throws PartitionException {
        for (Map.Entry<String, Map<String, Object>> e : all.entrySet()) {
            Map<String, Object> p = e.getValue();
            if (p.containsKey("share_size")) {
                String src = source(e.getKey());
                Map<String, Object> srcEntry = all.get(src);
                if (srcEntry != null) {
                    long n = srcEntry.get("sharers") instanceof Long l ? l : 0L;
                    srcEntry.put("sharers", n + 1);
                    p.put("share_size", Props.listOf(src));
                }
            }
        }
        List<String> dynamic = dependents(all, dp);
        for (Map.Entry<String, Map<String, Object>> e : all.entrySet()) {
            String name = e.getKey();
            Map<String, Object> p = e.getValue();
            if (!p.containsKey("share_size") || dynamic.contains(name)) {
                continue;
            }
            Map<String, Object> self = ctx.system.getOrDefault(name, p);
            Object targetName = firstShare(name, self);
            Map<String, Object> target = systemEntry(name, targetName);
            if (String.valueOf(target.get("region")).equals(String.valueOf(p.get("region")))) {
                p.put("size", sharedSize(ctx.system, (String) targetName, total, dp, name));
            } else {
                if (!Props.hasSize(target)) {
                    throw ctx.origins.error(
                            "partition '" + name + "' copies the size of '" + targetName
                                    + "' in region '" + target.get("region") + "', which has no size (is that region"
                                    + " configured for this domain?)",
                            name,
                            (String) targetName);
                }
                p.put("size", target.get("size"));
            }
        }
        Map<String, Long> newSizes = new LinkedHashMap<>();
        for (String name : dynamic) {
            newSizes.put(name, sharedSize(all, (String) firstShare(name, all.get(name)), total, dp, name));
        }
        for (Map.Entry<String, Long> e : newSizes.entrySet()) {
            all.get(e.getKey()).put("size", e.getValue());
        }
        return dynamic;
    }

    /** Partitions sharing their size with dp or with a container whose span contains dp. */
    List<String> dependents(Map<String, Map<String, Object>> all, String dp) throws PartitionException {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : all.entrySet()) {
            Map<String, Object> p = e.getValue();
            if (!p.containsKey("share_size")) {
                continue;
            }
            Object first = firstShare(e.getKey(), p);
            if (dp != null && dp.equals(first)) {
                result.add(e.getKey());
                continue;
            }
            Map<String, Object> target = systemEntry(e.getKey(), first);
            List<Object> span = Props.asList(target.get("span"));
            if (dp != null && span != null && span.contains(dp)) {
                result.add(e.getKey());
            }
        }
        return result;
    }

    private long sharedSize(
            Map<String, Map<String, Object>> reqs, String shareWith, long total, String dp, String sharer)
            throws PartitionException {
        long size = sizeOf(reqs, shareWith, total, dp, sharer);
        Map<String, Object> target = reqs.get(shareWith);
        List<Object> span = target == null ? null : Props.asList(target.get("span"));
        if (shareWith.equals(dp) || (span != null && span.contains(dp))) {
            long sharers = target != null && target.get("sharers") instanceof Long l ? l : 0L;
            // the reference divides as floats and truncates
            size = (long) ((double) size / (double) (sharers + 1));
        }
        return size;
    }

    private long sizeOf(Map<String, Map<String, Object>> reqs, String name, long total, String dp, String sharer)
            throws PartitionException {
        if (name.equals(dp)) {
            return dynamicSize(reqs, total, dp);
        }
        Map<String, Object> p = reqs.get(name);
        if (p == null) {
            throw ctx.origins.error(
                    "partition '" + sharer + "' copies the size of '" + name
                            + "', which is not a partition of this region",
                    sharer);
        }
        List<Object> span = Props.asList(p.get("span"));
        if (span == null) {
            return Props.size(p);
        }
        long sum = 0;
        for (Object member : span) {
            sum += sizeOf(reqs, String.valueOf(member), total, dp, sharer);
        }
        return sum;
    }

    /** Free space minus the sizes of every other partition that has one. */
    static long dynamicSize(Map<String, Map<String, Object>> reqs, long total, String dp) {
        long sum = 0;
        for (Map.Entry<String, Map<String, Object>> e : reqs.entrySet()) {
            if (!e.getKey().equals(dp) && Props.hasSize(e.getValue())) {
                sum += Props.size(e.getValue());
            }
        }
        return total - sum;
    }
}
