package io.multiimage.hex;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An input file does not follow its format (Intel HEX, S-record, ELF, binary). Carries every
 * problem found (a reader continues past a bad record where that makes sense), each with its
 * file and line.
 */
public final class ImageFormatException extends ImageException {

    private final List<Problem> problems;

    /** One exception for one or more problems; {@code problems} must not be empty. */
    public ImageFormatException(List<Problem> problems) {
        super(join(problems));
        this.problems = List.copyOf(problems);
    }

    /** One exception for a single problem. */
    public ImageFormatException(String source, long line, String message) {
        this(List.of(new Problem(source, line, message)));
    }

    private static String join(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an ImageFormatException needs at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Override
    public List<Problem> problems() {
        return problems;
    }

    /** The file (source name) of the first problem. */
    public String getFile() {
        return problems.get(0).source();
    }

    /** The line of the first problem, 0 when the format has no lines. */
    public long getLine() {
        return problems.get(0).line();
    }
}
