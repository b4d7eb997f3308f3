package io.multiimage.core.report;

import io.multiimage.core.InvalidConfigurationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An image passed a memory budget: the firmware must shrink or the budget grow. The message
 * names every image over its limit, its size, the limit and where it was declared. The memory
 * report and the merged files are written before it is thrown, so CI can publish them.
 */
public class BudgetExceededException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final transient List<BudgetVerdict> exceeded;

    /** The failure for the budgets {@code exceeded}, at least one. */
    public BudgetExceededException(List<BudgetVerdict> exceeded) {
        super(message(exceeded));
        this.exceeded = List.copyOf(exceeded);
    }

    /** The budgets passed. */
    public List<BudgetVerdict> exceeded() {
        return exceeded;
    }

    private static String message(List<BudgetVerdict> exceeded) {
        if (exceeded.isEmpty()) {
            throw new IllegalArgumentException("no budget was exceeded");
        }
        return "Memory budget exceeded: "
                + exceeded.stream().map(BudgetVerdict::describe).collect(Collectors.joining("; "))
                + ". Make the image smaller, or raise its limit where it is declared (see memory-report.html)";
    }
}
