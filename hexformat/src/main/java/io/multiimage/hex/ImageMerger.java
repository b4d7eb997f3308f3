package io.multiimage.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Merges named images one after another into one result, with an {@link OverlapPolicy} for
 * shared addresses and a {@link StartPolicy} for the start address. A failed {@code add}
 * leaves the result as it was.
 *
 * <pre>{@code
 * MemoryImage merged = ImageMerger.merge(List.of(
 *         new NamedImage("mcuboot", boot), new NamedImage("app", app)),
 *         OverlapPolicy.ERROR, StartPolicy.FIRST);
 * }</pre>
 */
public final class ImageMerger {

    private final OverlapPolicy overlap;
    private final StartPolicy startPolicy;
    private final MemoryImage result = new MemoryImage();
    private final List<String> names = new ArrayList<>();
    private final List<List<Segment>> owned = new ArrayList<>();
    private String startOwner;

    /** A merger with the given policies and an empty result. */
    public ImageMerger(OverlapPolicy overlap, StartPolicy startPolicy) {
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.startPolicy = Objects.requireNonNull(startPolicy, "startPolicy");
    }

    /** Merges {@code inputs} in order; the inputs are not modified. */
    public static MemoryImage merge(List<NamedImage> inputs, OverlapPolicy overlap, StartPolicy start)
            throws OverlapException, StartAddressConflictException {
        ImageMerger merger = new ImageMerger(overlap, start);
        for (NamedImage input : inputs) {
            merger.add(input.name(), input.image());
        }
        return merger.result();
    }

    /** Adds a copy of {@code image}; {@code image} itself is not modified. */
    public ImageMerger add(String name, MemoryImage image) throws OverlapException, StartAddressConflictException {
        check(name, image);
        commit(name, image.copy(), image);
        return this;
    }

    /**
     * Adds {@code image} by taking over its storage, which keeps the memory of a merge at the
     * size of the result: afterwards {@code image} is empty. When this throws, {@code image}
     * is unchanged.
     */
    public ImageMerger addAndConsume(String name, MemoryImage image)
            throws OverlapException, StartAddressConflictException {
        check(name, image);
        commit(name, image, image);
        return this;
    }

    /** The merged image so far (live: later adds change it). */
    public MemoryImage result() {
        return result;
    }

    private void check(String name, MemoryImage image) throws OverlapException, StartAddressConflictException {
        Objects.requireNonNull(name, "name");
        StartAddress incoming = image.startAddress().orElse(null);
        StartAddress current = result.startAddress().orElse(null);
        if (startPolicy == StartPolicy.ERROR
                && incoming != null
                && current != null
                && incoming.physical() != current.physical()) {
            throw new StartAddressConflictException(startOwner, current, name, incoming);
        }
        if (overlap == OverlapPolicy.ERROR) {
            checkNoOverlap(name, image.segments());
        } else if (overlap == OverlapPolicy.IDENTICAL) {
            checkIdentical(name, image);
        }
    }

    private void commit(String name, MemoryImage data, MemoryImage original) {
        List<Segment> segments = original.segments();
        StartAddress incoming = original.startAddress().orElse(null);
        result.absorb(data, overlap == OverlapPolicy.REPLACE);
        names.add(name);
        owned.add(segments);
        if (incoming != null) {
            boolean take = switch (startPolicy) {
                case FIRST, ERROR -> result.startAddress().isEmpty();
                case LAST -> true;
                case NONE -> false;
            };
            if (take) {
                result.setStartAddress(incoming);
                startOwner = name;
            }
        }
    }

    /** The lowest shared range with any earlier input; ties go to the earliest input. */
    private void checkNoOverlap(String name, List<Segment> incoming) throws OverlapException {
        long bestStart = Long.MAX_VALUE;
        long bestEnd = 0;
        int bestOwner = -1;
        for (int i = 0; i < owned.size(); i++) {
            long[] hit = firstIntersection(owned.get(i), incoming);
            if (hit != null && hit[0] < bestStart) {
                bestStart = hit[0];
                bestEnd = hit[1];
                bestOwner = i;
            }
        }
        if (bestOwner >= 0) {
            throw new OverlapException(names.get(bestOwner), name, bestStart, bestEnd, "");
        }
    }

    private static long[] firstIntersection(List<Segment> a, List<Segment> b) {
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            Segment x = a.get(i);
            Segment y = b.get(j);
            long from = Math.max(x.start(), y.start());
            long to = Math.min(x.end(), y.end());
            if (from < to) {
                return new long[] {from, to};
            }
            if (x.end() <= y.start()) {
                i++;
            } else {
                j++;
            }
        }
        return null;
    }

    /** Finds the first address where the result and {@code image} hold different bytes. */
    private void checkIdentical(String name, MemoryImage image) throws OverlapException {
        List<Segment> mine = result.segments();
        List<Segment> theirs = image.segments();
        int i = 0;
        int j = 0;
        byte[] x = new byte[1 << 16];
        byte[] y = new byte[1 << 16];
        while (i < mine.size() && j < theirs.size()) {
            Segment m = mine.get(i);
            Segment t = theirs.get(j);
            long from = Math.max(m.start(), t.start());
            long to = Math.min(m.end(), t.end());
            for (long a = from; a < to; ) {
                int n = (int) Math.min(x.length, to - a);
                result.read(a, x, 0, n, (byte) 0);
                image.read(a, y, 0, n, (byte) 0);
                int k = java.util.Arrays.mismatch(x, 0, n, y, 0, n);
                if (k >= 0) {
                    long first = a + k;
                    long last = first;
                    while (last + 1 < to && result.get(last + 1) != image.get(last + 1)) {
                        last++;
                    }
                    String owner = ownerOf(first);
                    throw new OverlapException(
                            owner,
                            name,
                            first,
                            last + 1,
                            String.format(
                                    " with different bytes; first difference at 0x%08x: %s has 0x%02x, %s has 0x%02x",
                                    first, owner, x[k] & 0xFF, name, y[k] & 0xFF));
                }
                a += n;
            }
            if (m.end() <= t.end()) {
                i++;
            } else {
                j++;
            }
        }
    }

    private String ownerOf(long address) {
        for (int i = 0; i < owned.size(); i++) {
            for (Segment s : owned.get(i)) {
                if (address >= s.start() && address < s.end()) {
                    return names.get(i);
                }
            }
        }
        throw new IllegalStateException("no input holds 0x" + Long.toHexString(address));
    }
}
