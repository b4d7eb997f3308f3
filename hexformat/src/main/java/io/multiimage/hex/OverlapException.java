package io.multiimage.hex;

import java.util.List;

/**
 * Two merge inputs hold data at the same addresses and the overlap policy forbids it. Names
 * both inputs and the range: {@link #start()} to {@link #end()} (exclusive).
 */
public final class OverlapException extends ImageException {

    private final String firstInput;
    private final String secondInput;
    private final long start;
    private final long end;
    private final Problem problem;

    /**
     * @param firstInput  the earlier input
     * @param secondInput the later input, whose addition failed
     * @param start       first address of the conflicting range
     * @param end         one past its last address
     * @param detail      what exactly conflicts (the message after the range)
     */
    public OverlapException(String firstInput, String secondInput, long start, long end, String detail) {
        this(
                firstInput,
                secondInput,
                start,
                end,
                new Problem(
                        secondInput,
                        0,
                        "overlaps " + firstInput + " at " + Hex.range(start, end) + " (" + (end - start) + " bytes)"
                                + detail));
    }

    private OverlapException(String firstInput, String secondInput, long start, long end, Problem problem) {
        super(problem.toString());
        this.firstInput = firstInput;
        this.secondInput = secondInput;
        this.start = start;
        this.end = end;
        this.problem = problem;
    }

    /** The earlier input. */
    public String firstInput() {
        return firstInput;
    }

    /** The later input. */
    public String secondInput() {
        return secondInput;
    }

    /** First address of the conflicting range. */
    public long start() {
        return start;
    }

    /** One past the last address of the conflicting range. */
    public long end() {
        return end;
    }

    @Override
    public List<Problem> problems() {
        return List.of(problem);
    }
}
