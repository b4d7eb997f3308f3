package io.multiimage.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of a memory range is used.
 *
 * @param used bytes used
 * @param size bytes in the range
 */
public record Fill(long used, long size) {

    /** Checks the values. */
    public Fill {
        if (used < 0 || size < 0) {
            throw new IllegalArgumentException("used " + used + " and size " + size + " must not be negative");
        }
    }

    /** Bytes left: {@code size - used}, negative when the range is overfull. */
    public long free() {
        return size - used;
    }

    /** Used share of the range in percent, one decimal, rounded half up; 0 for an empty range. */
    public BigDecimal percent() {
        if (size == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(used)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(size), 1, RoundingMode.HALF_UP);
    }

    /** Used share of the range between 0 and 1 (capped), for drawing. */
    public double fraction() {
        return size == 0 ? 0 : Math.min(1.0, (double) used / size);
    }
}
