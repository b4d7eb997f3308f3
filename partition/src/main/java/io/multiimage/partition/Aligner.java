package io.multiimage.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives the ordered partitions of a complex region their addresses and satisfies
 * {@code align}/{@code align_next} by inserting {@code EMPTY_<n>} gap partitions (spec 4.7).
 */
final class Aligner {

    /** The reference recurses once per inserted gap and gives up at Python's recursion limit. */
    private static final int MAX_GAPS = 1000;

    private final SolveContext ctx;
    private final Map<String, Map<String, Object>> table;
    private final List<String> solution;
    private final List<String> dynamic;
    private final String dp;
    private final long start;
    private final long size;
    private final String regionName;

    Aligner(
            SolveContext ctx,
            Map<String, Map<String, Object>> table,
            List<String> solution,
            List<String> dynamic,
            String dp,
            long start,
            long size,
            String regionName) {
        this.ctx = ctx;
        this.table = table;
        this.solution = solution;
        this.dynamic = dynamic;
        this.dp = dp;
        this.start = start;
        this.size = size;
        this.regionName = regionName;
    }

    void run() throws PartitionException {
        checkMisplacedKeys();
        resolveAlignNext();
        table.get(solution.get(0)).put("address", start);
        int gaps = 0;
        while (layoutPass()) {
            if (++gaps > MAX_GAPS) {
                throw ctx.origins.error(
                        "region '" + regionName + "': unable to fulfil the alignment requirements"
                                + " (no stable layout after " + MAX_GAPS + " gap partitions); re-size the partitions,"
                                + " re-evaluate the alignments or use a static configuration",
                        new ArrayList<>(solution));
            }
        }
    }

    private List<String> nonGap() {
        List<String> l = new ArrayList<>();
        for (String s : solution) {
            if (!s.contains("EMPTY_")) {
                l.add(s);
            }
        }
        return l;
    }

    private void checkMisplacedKeys() throws PartitionException {
        for (String part : nonGap()) {
            for (String key : List.of("align", "align_next")) {
                if (table.get(part).containsKey(key)) {
                    throw ctx.origins.error(
                            "partition '" + part + "': '" + key + "' is misplaced; it belongs inside" + " 'placement'",
                            part);
                }
            }
        }
    }

    private void resolveAlignNext() throws PartitionException {
        List<String> parts = nonGap();
        for (int i = 0; i < parts.size() - 1; i++) {
            String part = parts.get(i);
            String next = parts.get(i + 1);
            Map<String, Object> pl = Props.placement(table.get(part));
            if (pl == null || !pl.containsKey("align_next")) {
                continue;
            }
            Object raw = pl.remove("align_next");
            long aNext = alignmentValue(part, "align_next", raw);
            Map<String, Object> nextP = table.get(next);
            Map<String, Object> nextPl = Props.placement(nextP);
            if (nextPl == null) {
                nextPl = Props.newMap();
                nextP.put("placement", nextPl);
            }
            Map<String, Object> align = Props.asMap(nextPl.get("align"));
            if (align == null) {
                align = Props.newMap();
                nextPl.put("align", align);
            }
            if (align.containsKey("end")) {
                throw ctx.origins.error(
                        "partition '" + part + "' requires the next partition to be aligned" + " (align_next: "
                                + Props.hex(aNext) + "), but '" + next + "' already aligns its end",
                        part,
                        next);
            }
            long alignment = aNext;
            if (align.containsKey("start")) {
                long aStart = alignmentValue(next, "align.start", align.get("start"));
                if (aStart % aNext == 0 || aNext % aStart == 0) {
                    alignment = Math.max(aNext, aStart);
                } else {
                    throw ctx.origins.error(
                            "partition '" + part + "' requires the next partition to start on a"
                                    + " multiple of " + Props.hex(aNext) + ", which conflicts with the alignment "
                                    + Props.hex(aStart) + " of '" + next + "'",
                            part,
                            next);
                }
            }
            align.put("start", alignment);
        }
    }

    private long alignmentValue(String part, String key, Object v) throws PartitionException {
        if (!(v instanceof Long l) || l <= 0) {
            throw ctx.origins.error(
                    "partition '" + part + "': alignment '" + key + "' must be a positive integer," + " found "
                            + Props.repr(v),
                    part);
        }
        return l;
    }

    /** One forward and one backward pass; true when a gap was inserted (the whole pass restarts). */
    private boolean layoutPass() throws PartitionException {
        int dpIndex = solution.indexOf(dp);
        for (int i = 0; i <= dpIndex; i++) {
            String current = solution.get(i);
            Map<String, Object> p = table.get(current);
            if (i != 0) {
                Map<String, Object> prev = table.get(solution.get(i - 1));
                p.put("address", Props.address(prev) + Props.size(prev));
            }
            if (i == 0 && firstAlreadyAligned(p)) {
                continue;
            }
            if (alignIfRequired(i, i != 0)) {
                return true;
            }
        }
        for (int i = solution.size() - 1; i > dpIndex; i--) {
            Map<String, Object> p = table.get(solution.get(i));
            if (i == solution.size() - 1) {
                p.put("address", start + size - Props.size(p));
            } else {
                Map<String, Object> higher = table.get(solution.get(i + 1));
                p.put("address", Props.address(higher) - Props.size(p));
            }
            if (alignIfRequired(i, false)) {
                return true;
            }
        }
        return false;
    }

    private boolean firstAlreadyAligned(Map<String, Object> first) {
        Map<String, Object> pl = Props.placement(first);
        Map<String, Object> align = pl == null ? null : Props.asMap(pl.get("align"));
        return align != null
                && align.containsKey("end")
                && solution.size() > 1
                && solution.get(1).equals("EMPTY_0");
    }

    private boolean alignIfRequired(int i, boolean moveUp) throws PartitionException {
        String current = solution.get(i);
        Map<String, Object> pl = Props.placement(table.get(current));
        if (pl == null || !pl.containsKey("align")) {
            return false;
        }
        String gap = alignPartition(current, moveUp);
        if (gap == null) {
            return false;
        }
        solution.add(moveUp ? i : i + 1, gap);
        return true;
    }

    private String alignPartition(String current, boolean moveUp) throws PartitionException {
        Map<String, Object> p = table.get(current);
        Map<String, Object> align = Props.asMap(Props.placement(p).get("align"));
        if (align == null || align.size() != 1 || !(align.containsKey("start") || align.containsKey("end"))) {
            throw ctx.origins.error(
                    "partition '" + current + "': invalid alignment "
                            + Props.repr(Props.placement(p).get("align"))
                            + "; write align: {start: N} or align: {end: N}",
                    current);
        }
        boolean alignStart = align.containsKey("start");
        long n = alignmentValue(
                current, alignStart ? "align.start" : "align.end", align.get(alignStart ? "start" : "end"));
        long address = Props.address(p);
        long psize = Props.size(p);
        long offset = requiredOffset(alignStart, n, address, psize, moveUp);
        if (offset == 0) {
            return null;
        }
        long gapSize = offset;
        long gapAddress;
        if (!dynamic.contains(current)) {
            if (moveUp) {
                gapAddress = address;
                p.put("address", address + offset);
            } else {
                gapAddress = address + psize;
                if (address != 0) {
                    p.put("address", address - offset);
                }
            }
        } else if (!moveUp) {
            long[] g = dynamicGap(current, offset, !alignStart);
            gapAddress = g[0];
            gapSize = g[1];
        } else {
            throw ctx.origins.error(
                    "partition '" + current + "' shares its size with the dynamic partition '" + dp
                            + "' and is placed in front of it with an alignment; such partitions can only be aligned behind"
                            + " '" + dp + "'",
                    current);
        }
        int count = 0;
        for (String k : table.keySet()) {
            if (k.contains("EMPTY")) {
                count++;
            }
        }
        String name = "EMPTY_" + count;
        Map<String, Object> gap = Props.newMap();
        gap.put("address", gapAddress);
        gap.put("size", gapSize);
        gap.put("region", table.get(dynamic.get(0)).get("region"));
        Map<String, Object> gpl = Props.newMap();
        gpl.put(moveUp ? "before" : "after", Props.listOf(current));
        gap.put("placement", gpl);
        table.put(name, gap);
        for (String d : dynamic) {
            Map<String, Object> dpP = table.get(d);
            dpP.put("size", Props.size(dpP) - Math.floorDiv(gapSize, (long) dynamic.size()));
        }
        return name;
    }

    static long requiredOffset(boolean alignStart, long n, long start, long size, boolean moveUp) {
        long end = start + size;
        if (alignStart ? Math.floorMod(start, n) == 0 : Math.floorMod(end, n) == 0) {
            return 0;
        }
        if (moveUp) {
            return alignStart ? n - Math.floorMod(start, n) : n - Math.floorMod(end, n);
        }
        if (alignStart) {
            return Math.floorMod(start, n);
        }
        return start != 0 ? Math.floorMod(end, n) : n - Math.floorMod(end, n);
    }

    /** Gap behind a dynamic sharer aligned behind dp: every dynamic partition gives up the same amount. */
    private long[] dynamicGap(String current, long offset, boolean alignEnd) throws PartitionException {
        List<String> dyn = new ArrayList<>();
        for (String s : solution) {
            if (dynamic.contains(s)) {
                dyn.add(s);
            }
        }
        String first = dyn.get(0);
        long inFront = solution.indexOf(current) - solution.indexOf(first);
        if (alignEnd) {
            inFront++;
        }
        long reduction = Math.floorDiv(offset, inFront);
        if (Math.floorMod(reduction, 4L) != 0) {
            throw ctx.origins.error(
                    "aligning '" + current + "' would give '" + first + "' a size that is not a"
                            + " multiple of 4 (each dynamic partition would shrink by " + Props.hex(reduction)
                            + " bytes);"
                            + " re-size the partitions or use a static configuration",
                    current,
                    first);
        }
        if (reduction >= Props.size(table.get(first))) {
            throw ctx.origins.error(
                    "aligning '" + current + "' would make '" + first + "' smaller than 0 bytes;"
                            + " re-size the partitions or use a static configuration",
                    current,
                    first);
        }
        Map<String, Object> last = table.get(dyn.get(dyn.size() - 1));
        long gapSize = reduction * dynamic.size();
        return new long[] {Props.address(last) + Props.size(last) - gapSize, gapSize};
    }
}
