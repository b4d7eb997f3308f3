package io.multiimage.core.report;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one partition differs from the baseline.
 *
 * @param domain its domain
 * @param name the partition
 * @param status what changed
 * @param before where it lay in the baseline; empty for a new partition
 * @param after where it lies now; empty for a removed partition
 */
public record PartitionChange(
        String domain, String name, Status status, Optional<PartitionFacts> before, Optional<PartitionFacts> after) {

    /** What changed. */
    public enum Status {
        /** Not in the baseline. */
        NEW,
        /** In the baseline only. */
        REMOVED,
        /** Another address, the same size. */
        MOVED,
        /** The same address, another size. */
        RESIZED,
        /** Another address and another size. */
        MOVED_AND_RESIZED;

        /** The value in {@code memory-report.json}: {@code new}, {@code moved-and-resized}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Checks the parts. */
    public PartitionChange {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** The change between {@code before} and {@code after}; empty when the partition is the same. */
    static Optional<PartitionChange> between(
            String domain, String name, Optional<PartitionFacts> before, Optional<PartitionFacts> after) {
        if (before.isEmpty() && after.isEmpty() || before.equals(after)) {
            return Optional.empty();
        }
        Status status;
        if (before.isEmpty()) {
            status = Status.NEW;
        } else if (after.isEmpty()) {
            status = Status.REMOVED;
        } else {
            boolean moved = before.get().address() != after.get().address();
            boolean resized = before.get().size() != after.get().size();
            status = moved && resized ? Status.MOVED_AND_RESIZED : moved ? Status.MOVED : Status.RESIZED;
        }
        return Optional.of(new PartitionChange(domain, name, status, before, after));
    }

    /** Size after minus size before; empty for a new or removed partition. */
    public Optional<Long> sizeDelta() {
        return before.isPresent() && after.isPresent()
                ? Optional.of(after.get().size() - before.get().size())
                : Optional.empty();
    }

    /** {@code app: moved 0x14000 (0x2c000 bytes) -> 0x18000 (0x28000 bytes)}. */
    public String describe() {
        String text = switch (status) {
            case NEW -> "new at " + after.orElseThrow();
            case REMOVED -> "removed (was at " + before.orElseThrow() + ")";
            default -> status.key().replace('-', ' ') + " " + before.orElseThrow() + " -> " + after.orElseThrow();
        };
        return name + ": " + text;
    }
}
