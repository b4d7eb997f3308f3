package io.multiimage.core.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One budget checked against one image.
 *
 * @param budget the budget
 * @param fill the image's use of the memory the budget limits; empty when it cannot be measured
 *     (RAM of a prebuilt image without ELF, a skipped image)
 * @param limitBytes the limit in bytes; empty when {@code fill} is
 */
public record BudgetVerdict(Budget budget, Optional<Fill> fill, Optional<Long> limitBytes) {

    /** Checks the parts. */
    public BudgetVerdict {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(limitBytes, "limitBytes");
    }

    /** The verdict of {@code budget} for an image using {@code fill}. */
    static BudgetVerdict of(Budget budget, Optional<Fill> fill) {
        return new BudgetVerdict(budget, fill, fill.map(f -> budget.limit().bytesOf(f.size())));
    }

    /** True when the image was measured and uses more than the limit. */
    public boolean exceeded() {
        return fill.isPresent() && fill.get().used() > limitBytes.orElseThrow();
    }

    /** True when the image could not be measured, so the budget was not checked. */
    public boolean unchecked() {
        return fill.isEmpty();
    }

    /** {@code passed}, {@code exceeded} or {@code unchecked}, as in {@code memory-report.json}. */
    public String status() {
        return unchecked() ? "unchecked" : exceeded() ? "exceeded" : "passed";
    }

    /**
     * What a failed (or unchecked) budget says: {@code image 'app' uses 50212 bytes of flash (76.6% of
     * its 65536 bytes), over its limit of 70% (45875 bytes) declared in app/pom.xml}.
     */
    public String describe() {
        Budget b = budget;
        String limit = b.limit().text()
                + (b.limit().percent().isPresent() && limitBytes.isPresent()
                        ? " (" + limitBytes.get() + " bytes)"
                        : "");
        if (fill.isEmpty()) {
            return "image '" + b.image() + "': its " + b.memory().label() + " use is unknown, so its limit of " + limit
                    + " declared in " + b.declaredIn() + " was not checked";
        }
        Fill f = fill.get();
        return "image '" + b.image() + "' uses " + f.used() + " bytes of "
                + b.memory().label() + " (" + f.percent()
                + "% of its " + f.size() + " bytes), " + (exceeded() ? "over" : "within") + " its limit of " + limit
                + " declared in " + b.declaredIn();
    }
}
