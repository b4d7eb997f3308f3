package io.multiimage.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks the static partitions of one region and finds the free intervals they leave
 * (spec 4.2 and 3 step 2).
 */
final class StaticArea {

    /** A free interval [start, end). */
    record Gap(long start, long end) {
        long size() {
            return end - start;
        }

        @Override
        public String toString() {
            return Props.hex(start) + "-" + Props.hex(end);
        }
    }

    private final SolveContext ctx;

    StaticArea(SolveContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Rejects static partitions without address or size, lying outside the region or
     * overlapping each other (the reference computes a garbage layout for some of these).
     */
    void check(Map<String, Map<String, Object>> statics, Region region, String dp) throws PartitionException {
        List<Map.Entry<String, Map<String, Object>>> proper = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : statics.entrySet()) {
            Map<String, Object> p = e.getValue();
            for (String key : List.of("address", "size")) {
                if (!(p.get(key) instanceof Long)) {
                    throw ctx.origins.error(
                            "static partition '" + e.getKey() + "' has no integer '" + key + "' (found "
                                    + Props.repr(p.get(key)) + ")",
                            e.getKey());
                }
            }
            if (p.containsKey("span") || e.getKey().equals(dp)) {
                continue;
            }
            long a = Props.address(p);
            long end = a + Props.size(p);
            if (Props.size(p) < 0 || a < region.baseAddress() || end > region.endAddress()) {
                throw ctx.origins.error(
                        "static partition '" + e.getKey() + "' [" + Props.hex(a) + ", "
                                + Props.hex(end) + ") lies outside region '" + region.name() + "' ["
                                + Props.hex(region.baseAddress()) + ", " + Props.hex(region.endAddress()) + ")",
                        e.getKey());
            }
            proper.add(e);
        }
        proper.sort(Comparator.comparingLong(e -> Props.address(e.getValue())));
        for (int i = 1; i < proper.size(); i++) {
            Map.Entry<String, Map<String, Object>> prev = proper.get(i - 1);
            Map.Entry<String, Map<String, Object>> cur = proper.get(i);
            long prevEnd = Props.address(prev.getValue()) + Props.size(prev.getValue());
            long curStart = Props.address(cur.getValue());
            if (curStart < prevEnd) {
                String generated = generatedRecord(prev.getKey(), region)
                        ? prev.getKey()
                        : generatedRecord(cur.getKey(), region) ? cur.getKey() : null;
                if (generated != null) {
                    // stale copies of a free-space or gap partition are common in pm_static.yml files
                    // (NCS samples ship some); the reference accepts them, so we warn and go on
                    ctx.warn("Static partitions '" + prev.getKey() + "' and '" + cur.getKey() + "' overlap; '"
                            + generated + "' is a generated free-space or gap record copied from an earlier"
                            + " partitions.yml. Accepted like the reference does; remove it from the static"
                            + " configuration.");
                    continue;
                }
                throw ctx.origins.error(
                        "static partitions '" + prev.getKey() + "' [" + Props.hex(Props.address(prev.getValue())) + ", "
                                + Props.hex(prevEnd) + ") and '" + cur.getKey() + "' ["
                                + Props.hex(curStart) + ", " + Props.hex(curStart + Props.size(cur.getValue()))
                                + ") overlap by " + Props.hex(prevEnd - curStart) + " bytes",
                        prev.getKey(),
                        cur.getKey());
            }
        }
    }

    /** A partition the reference generates (region free space, alignment gap), not one an image requested. */
    private static boolean generatedRecord(String name, Region region) {
        return name.equals(region.name()) || name.startsWith("EMPTY_");
    }

    /**
     * Free intervals as the reference computes them: ends not in starts paired with starts not
     * in ends, both sorted.
     */
    static List<Gap> gaps(
            Map<String, Map<String, Object>> statics, long base, long size, String dp, boolean skipContainers) {
        TreeSet<Long> starts = new TreeSet<>();
        TreeSet<Long> ends = new TreeSet<>();
        starts.add(base + size);
        ends.add(base);
        for (Map.Entry<String, Map<String, Object>> e : statics.entrySet()) {
            Map<String, Object> p = e.getValue();
            if (skipContainers && (p.containsKey("span") || e.getKey().equals(dp))) {
                continue;
            }
            starts.add(Props.address(p));
            ends.add(Props.address(p) + Props.size(p));
        }
        List<Long> freeStarts = new ArrayList<>();
        for (Long e : ends) {
            if (!starts.contains(e)) {
                freeStarts.add(e);
            }
        }
        List<Long> freeEnds = new ArrayList<>();
        for (Long s : starts) {
            if (!ends.contains(s)) {
                freeEnds.add(s);
            }
        }
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < Math.min(freeStarts.size(), freeEnds.size()); i++) {
            gaps.add(new Gap(freeStarts.get(i), freeEnds.get(i)));
        }
        return gaps;
    }

    /** The one free interval of a complex region; anything else is an error. */
    Gap freeArea(Map<String, Map<String, Object>> statics, Region region, String dp) throws PartitionException {
        List<Gap> gaps = gaps(statics, region.baseAddress(), region.size(), dp, true);
        if (gaps.size() != 1) {
            List<String> names = new ArrayList<>(statics.keySet());
            throw ctx.origins.error(
                    "region '" + region.name() + "': the static configuration must leave exactly one"
                            + " free interval for the dynamic partitions, found " + gaps.size()
                            + (gaps.isEmpty() ? "" : ": " + gaps)
                            + "; fill the smaller gaps with static partitions or re-order the static partitions",
                    names);
        }
        return gaps.get(0);
    }

    /** Static partitions of a simple region must sit packed at its start (or end). */
    void checkPacked(Map<String, Map<String, Object>> statics, Region region) throws PartitionException {
        List<Gap> gaps = gaps(statics, region.baseAddress(), region.size(), null, false);
        if (gaps.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>(statics.keySet());
        if (gaps.size() != 1) {
            throw ctx.origins.error(
                    "region '" + region.name() + "': the static partitions must leave exactly one free"
                            + " interval, found " + gaps.size() + ": " + gaps,
                    names);
        }
        boolean startToEnd = region.strategy() == PlacementStrategy.START_TO_END;
        boolean ok = startToEnd
                ? gaps.get(0).end() == region.endAddress()
                : gaps.get(0).start() == region.baseAddress();
        if (!ok) {
            throw ctx.origins.error(
                    "region '" + region.name() + "' (" + region.strategy().yamlName()
                            + "): the static partitions must be packed at the " + (startToEnd ? "start" : "end")
                            + " of the region; the free interval is " + gaps.get(0),
                    names);
        }
    }
}
