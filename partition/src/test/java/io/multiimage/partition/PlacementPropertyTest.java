package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of every layout of randomly generated valid request sets. */
class PlacementPropertyTest {

    static LongStream seeds() {
        return LongStream.range(1, 201);
    }

    private static Layout place(RandomRequests r) throws PartitionException {
        return new PartitionManager().place(r.config());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void regionsAreExactlyCoveredWithoutOverlap(long seed) throws PartitionException {
        RandomRequests r = new RandomRequests(seed);
        Layout layout = place(r);
        for (Region region : r.regions) {
            List<Partition> leaves = new ArrayList<>();
            for (Partition p : layout.inRegion(region.name())) {
                if (!p.isContainer()) {
                    leaves.add(p);
                }
            }
            leaves.sort(Comparator.comparingLong(Partition::address));
            long cursor = region.baseAddress();
            for (Partition p : leaves) {
                assertEquals(
                        cursor, p.address(), "seed " + seed + ": " + p.name() + " in " + region.name() + "\n" + r.yaml);
                assertTrue(p.size() >= 0, p.name());
                cursor = p.endAddress();
            }
            assertEquals(region.endAddress(), cursor, "seed " + seed + ": " + region.name() + " not fully covered");
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void alignmentsAndPlacementsHold(long seed) throws PartitionException {
        RandomRequests r = new RandomRequests(seed);
        Layout layout = place(r);
        for (Partition p : layout.partitions().values()) {
            Map<String, Object> placement = Props.asMap(p.properties().get("placement"));
            if (placement == null || p.isGap()) {
                continue;
            }
            Map<String, Object> align = Props.asMap(placement.get("align"));
            if (align != null && align.get("start") instanceof Long n) {
                assertEquals(0, p.address() % n, "seed " + seed + ": " + p.name() + " start alignment");
            }
            if (align != null && align.get("end") instanceof Long n) {
                long end = p.endAddress();
                if (p.address() == 0) {
                    // the first partition of a region at 0 cannot move: the gap behind it pads to the alignment
                    Partition next = nextLeaf(layout, p);
                    end = next != null && next.isGap() ? next.endAddress() : end;
                }
                assertEquals(0, end % n, "seed " + seed + ": " + p.name() + " end alignment");
            }
            for (String dir : List.of("before", "after")) {
                List<Object> names = Props.asList(placement.get(dir));
                if (names == null
                        || names.isEmpty()
                        || !layout.find((String) names.get(0)).isPresent()) {
                    continue;
                }
                Partition anchor = layout.find((String) names.get(0)).orElseThrow();
                long lo = dir.equals("after") ? anchor.endAddress() : p.endAddress();
                long hi = dir.equals("after") ? p.address() : anchor.address();
                assertTrue(lo <= hi, "seed " + seed + ": " + p.name() + " is not " + dir + " " + anchor.name());
                if (!p.name().startsWith("twin") && !anchor.isContainer()) {
                    // only alignment gaps separate a chain member from the partition it is anchored on
                    for (Partition between : layout.inRegion(p.region())) {
                        boolean extra = between.name().startsWith("twin")
                                || between.name().startsWith("slot");
                        if (!between.isContainer()
                                && !extra
                                && between.address() >= lo
                                && between.endAddress() <= hi
                                && between.size() > 0) {
                            assertTrue(
                                    between.isGap(),
                                    "seed " + seed + ": " + between.name() + " lies between " + p.name()
                                            + " and its anchor " + anchor.name() + "\n" + r.yaml);
                        }
                    }
                }
            }
        }
    }

    private static Partition nextLeaf(Layout layout, Partition p) {
        for (Partition q : layout.inRegion(p.region())) {
            if (!q.isContainer() && q.address() == p.endAddress() && q.size() > 0) {
                return q;
            }
        }
        return null;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void containersCoverExactlyTheirMembersAndSharersCopySizes(long seed) throws PartitionException {
        RandomRequests r = new RandomRequests(seed);
        Layout layout = place(r);
        for (List<String> c : r.containers) {
            Partition box = layout.get(c.get(0));
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (String m : c.subList(1, c.size())) {
                lo = Math.min(lo, layout.addressOf(m));
                hi = Math.max(hi, layout.get(m).endAddress());
            }
            assertEquals(lo, box.address(), "seed " + seed);
            assertEquals(hi, box.endAddress(), "seed " + seed);
        }
        for (String s : r.fixedSharers) {
            String[] pair = s.split("=");
            assertEquals(layout.sizeOf(pair[1]), layout.sizeOf(pair[0]), "seed " + seed + ": " + s);
        }
        if (layout.find("slot_copy").isPresent()) {
            long diff = Math.abs(layout.sizeOf("slot") - layout.sizeOf("slot_copy"));
            assertTrue(diff <= 4 * 0x4000, "seed " + seed + ": dynamic sharer differs by " + diff);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameInputGivesSameBytes(long seed) throws PartitionException {
        Layout a = place(new RandomRequests(seed));
        Layout b = place(new RandomRequests(seed));
        assertEquals(a.partitionsYaml(), b.partitionsYaml());
        assertEquals(a.regionsYaml(), b.regionsYaml());
        assertEquals(
                ConfigGenerator.pmConfig(List.of(a.toOutputDomain())),
                ConfigGenerator.pmConfig(List.of(b.toOutputDomain())));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void feedingTheLayoutBackAsStaticConfigurationReproducesIt(long seed) throws PartitionException {
        RandomRequests r = new RandomRequests(seed);
        Layout first = place(r);
        DomainConfig again = DomainConfig.root(
                r.config().requests(), RequestSource.ofText("pm_static.yml", first.partitionsYaml()), r.regions);
        Layout second = new PartitionManager().place(again);
        assertEquals(first.partitionsYaml(), second.partitionsYaml(), "seed " + seed + "\n" + r.yaml);
    }
}
