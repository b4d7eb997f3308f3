package io.multiimage.core.report;

import java.util.List;
import java.util.Objects;

/**
 * One memory region of one domain ({@code flash_primary}, {@code sram_primary},
 * {@code external_flash}) with every row of its map, in address order.
 *
 * @param domain the domain
 * @param name the region
 * @param start first address
 * @param size bytes
 * @param rows the partitions, containers, gaps, padding and free space, by address
 */
public record RegionReport(String domain, String name, long start, long size, List<RegionRow> rows) {

    /** Checks the parts. */
    public RegionReport {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        rows = List.copyOf(rows);
    }

    /** The first address after the region. */
    public long end() {
        return start + size;
    }

    /** Bytes no partition takes: the region's headroom. */
    public long free() {
        return sum(RegionRow.Kind.FREE);
    }

    /** Bytes of alignment gaps. */
    public long alignmentGaps() {
        return sum(RegionRow.Kind.ALIGNMENT_GAP);
    }

    /** Bytes of padding partitions. */
    public long padding() {
        return sum(RegionRow.Kind.PADDING);
    }

    /** Bytes taken by partitions (not containers, gaps, padding or free space). */
    public long partitioned() {
        return sum(RegionRow.Kind.PARTITION);
    }

    /** True for a RAM region ({@code sram_primary}); the others hold flash partitions. */
    public boolean isRam() {
        return name.startsWith("sram");
    }

    private long sum(RegionRow.Kind kind) {
        return rows.stream()
                .filter(row -> row.kind() == kind)
                .mapToLong(RegionRow::size)
                .sum();
    }
}
