package io.multiimage.partition;

import java.util.List;

/**
 * A partition request, static configuration or layout the partition manager rejects.
 *
 * <p>Carries the partitions involved and the files (or labels) they came from, so a caller
 * can point the user at the right place. {@link #getMessage()} starts with the first source
 * ({@code FILE:LINE: } when the line is known).
 */
public final class PartitionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> partitions;
    private final List<String> sources;
    private final String detail;

    /**
     * @param detail     what is wrong, what was expected and what to do
     * @param partitions the partitions involved, most relevant first (may be empty)
     * @param sources    where they came from, {@code file} or {@code file:line} (may be empty)
     */
    public PartitionException(String detail, List<String> partitions, List<String> sources) {
        super(sources.isEmpty() ? detail : String.join(", ", sources) + ": " + detail);
        this.detail = detail;
        this.partitions = List.copyOf(partitions);
        this.sources = List.copyOf(sources);
    }

    /** The message without the source prefix. */
    public String detail() {
        return detail;
    }

    /** The partitions this error is about. */
    public List<String> partitions() {
        return partitions;
    }

    /** The files (optionally {@code :line}) the partitions came from. */
    public List<String> sources() {
        return sources;
    }
}
