package io.multiimage.hex;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one input, up to a limit, and turns them into an exception. */
final class ProblemCollector {

    /** Readers stop after this many problems: more would only repeat the first ones. */
    static final int LIMIT = 50;

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    ProblemCollector(String source) {
        this.source = source;
    }

    /** Records a problem; false once the limit is reached and the reader should stop. */
    boolean add(long line, String message) {
        problems.add(new Problem(source, line, message));
        if (problems.size() >= LIMIT) {
            problems.add(new Problem(source, line, "too many problems; stopped reading after " + LIMIT));
            return false;
        }
        return true;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() throws ImageFormatException {
        if (!problems.isEmpty()) {
            throw new ImageFormatException(problems);
        }
    }
}
