package io.multiimage.core.bridge;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One partition of a layout as the bridge sees it, in either direction: its name, absolute
 * address and size, region, and for a container the partitions it covers.
 *
 * @param name partition name
 * @param address first address (as the partition manager counts it in its region)
 * @param size size in bytes
 * @param region region name ({@code flash_primary}, {@code sram_primary}, ...)
 * @param span for a container, the non-container partitions it covers in address order; empty
 *     for any other partition
 */
public record LayoutPartition(String name, long address, long size, String region, List<String> span) {

    private static final Pattern GAP = Pattern.compile("EMPTY_[0-9]+");

    /** Copies the span. */
    public LayoutPartition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        span = List.copyOf(span);
    }

    /** True for a container (a partition that spans others). */
    public boolean isContainer() {
        return !span.isEmpty();
    }

    /** One past the last address. */
    public long end() {
        return address + size;
    }

    /**
     * True for a gap the partition manager inserts for alignment ({@code EMPTY_<n>}): a gap is never
     * a member of a container, even where it lies inside one.
     */
    public boolean isGap() {
        return isGapName(name);
    }

    static boolean isGapName(String name) {
        return GAP.matcher(name).matches();
    }

    /**
     * True when this partition lies inside {@code outer}. A partition of size 0 lies inside when it
     * starts before the end of {@code outer}.
     */
    boolean liesWithin(LayoutPartition outer) {
        return liesWithin(address, size, outer.address, outer.size);
    }

    static boolean liesWithin(long address, long size, long outerAddress, long outerSize) {
        long end = address + size;
        long outerEnd = outerAddress + outerSize;
        if (address < outerAddress || end > outerEnd) {
            return false;
        }
        return size > 0 || address < outerEnd || outerSize == 0;
    }

    /** True when the two share at least one byte. */
    boolean overlaps(LayoutPartition other) {
        return address < other.end() && other.address < end();
    }
}
