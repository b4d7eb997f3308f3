package io.multiimage.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a region's map: a partition, a container, a gap, padding or free space, with the
 * images that live in it.
 *
 * @param name the partition's name; {@code (free)} for space no partition takes
 * @param kind what the row is
 * @param start first address
 * @param size bytes
 * @param span for a container, the partitions it spans
 * @param occupants the images living in the row: the image whose flash partition it is, or the
 *     images given it as RAM, each with its fill of the row
 * @param change how the row differs from the baseline; empty without a baseline or when unchanged
 */
public record RegionRow(
        String name,
        Kind kind,
        long start,
        long size,
        List<String> span,
        List<Occupant> occupants,
        Optional<PartitionChange> change) {

    /** What a row is. */
    public enum Kind {
        /** A partition (an image's, or reserved space such as settings storage). */
        PARTITION,
        /** A partition spanning others ({@code mcuboot_primary} spans {@code mcuboot_pad} and {@code app}). */
        CONTAINER,
        /** An alignment gap the partition manager left ({@code EMPTY_0}). */
        ALIGNMENT_GAP,
        /** Padding before an image ({@code mcuboot_pad}: room for MCUboot's header). */
        PADDING,
        /** Space no partition takes. */
        FREE;

        /** The value in {@code memory-report.json}: {@code partition}, {@code alignment-gap}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * An image living in a row.
     *
     * @param image the image
     * @param memory whether the row is the image's flash partition or its RAM
     * @param fill how full the image makes the row; empty when not measured
     * @param header true when the row is the pad holding the image's MCUboot header (the image
     *     is signed for the slot spanning the pad and its partition)
     */
    public record Occupant(String image, Budget.Memory memory, Optional<Fill> fill, boolean header) {

        /** The image whose flash partition or RAM the row is. */
        public Occupant(String image, Budget.Memory memory, Optional<Fill> fill) {
            this(image, memory, fill, false);
        }
    }

    /** Checks the parts. */
    public RegionRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        span = List.copyOf(span);
        occupants = List.copyOf(occupants);
        Objects.requireNonNull(change, "change");
    }

    /** The first address after the row. */
    public long end() {
        return start + size;
    }

    /** The largest fill among the occupants: what a drawing shows. */
    public Optional<Fill> largestFill() {
        return occupants.stream()
                .flatMap(o -> o.fill().stream())
                .max(java.util.Comparator.comparingDouble(Fill::fraction));
    }
}
