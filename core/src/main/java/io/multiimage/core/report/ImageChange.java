package io.multiimage.core.report;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one image's size differs from the baseline.
 *
 * @param image the image
 * @param status whether it is new, removed or in both builds
 * @param flashBefore flash used in the baseline; empty when unknown or new
 * @param flashAfter flash used now; empty when unknown or removed
 * @param ramBefore RAM used in the baseline; empty when unknown or new
 * @param ramAfter RAM used now; empty when unknown or removed
 */
public record ImageChange(
        String image,
        Status status,
        Optional<Long> flashBefore,
        Optional<Long> flashAfter,
        Optional<Long> ramBefore,
        Optional<Long> ramAfter) {

    /** Whether the image is in one build or both. */
    public enum Status {
        /** Only in this build. */
        NEW,
        /** Only in the baseline. */
        REMOVED,
        /** In both. */
        KEPT;

        /** The value in {@code memory-report.json}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the parts. */
    public ImageChange {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(flashBefore, "flashBefore");
        Objects.requireNonNull(flashAfter, "flashAfter");
        Objects.requireNonNull(ramBefore, "ramBefore");
        Objects.requireNonNull(ramAfter, "ramAfter");
    }

    /** Flash used now minus in the baseline, when both are known. */
    public Optional<Long> flashDelta() {
        return delta(flashBefore, flashAfter);
    }

    /** RAM used now minus in the baseline, when both are known. */
    public Optional<Long> ramDelta() {
        return delta(ramBefore, ramAfter);
    }

    private static Optional<Long> delta(Optional<Long> before, Optional<Long> after) {
        return before.isPresent() && after.isPresent() ? Optional.of(after.get() - before.get()) : Optional.empty();
    }

    /** {@code +120}, {@code -8}, {@code 0}: a delta as the report writes it. */
    public static String signed(long delta) {
        return delta > 0 ? "+" + delta : Long.toString(delta);
    }
}
