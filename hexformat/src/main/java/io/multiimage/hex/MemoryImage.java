package io.multiimage.hex;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sparse image of the 32-bit address space: which addresses hold data, which byte each
 * holds, and optionally where execution starts.
 *
 * <p>Storage is 4 KiB pages, created on first write and found through a two-level table, so
 * an image holds hundreds of MiB without per-byte objects: about one byte of heap per data
 * byte for dense data (a page drops its presence bitmap once full), at most 1.125 bytes per
 * address of a partly filled page. {@link #segments()} and {@link #forEachChunk} walk the
 * data in ascending address order; nothing depends on hash order.
 *
 * <p>Addresses are {@code long} values in {@code [0, 2^32)}; anything outside that range is
 * rejected with an {@link IllegalArgumentException} (callers that read files check first and
 * report a {@link Problem}). Not thread-safe.
 */
public final class MemoryImage {

    /** One past the highest address: 4 GiB. */
    public static final long ADDRESS_LIMIT = 1L << 32;

    private static final int DIR_BITS = 10;
    private static final int DIR_SIZE = 1 << DIR_BITS;
    private static final int TOP_SIZE = 1 << (32 - Page.BITS - DIR_BITS);

    private Page[][] dirs = new Page[TOP_SIZE][];
    private long size;
    private StartAddress startAddress;

    // A one-entry cache: readers write record after record into the same page.
    private int cachedIndex = -1;
    private Page cachedPage;

    /** An empty image without a start address. */
    public MemoryImage() {}

    // ---------------------------------------------------------------- queries

    /** Number of addresses that hold data. */
    public long size() {
        return size;
    }

    /** True when no address holds data (a start address may still be set). */
    public boolean isEmpty() {
        return size == 0;
    }

    /** True when {@code address} holds data. */
    public boolean contains(long address) {
        checkRange(address, 1);
        Page p = page((int) (address >>> Page.BITS));
        return p != null && p.has((int) (address & Page.MASK));
    }

    /** The byte at {@code address} as 0..255, or -1 when the address holds no data. */
    public int get(long address) {
        checkRange(address, 1);
        Page p = page((int) (address >>> Page.BITS));
        int o = (int) (address & Page.MASK);
        return p != null && p.has(o) ? p.data[o] & 0xFF : -1;
    }

    /** True when at least one address in [start, start+length) holds data. */
    public boolean containsAny(long start, long length) {
        checkRange(start, length);
        long a = start;
        long end = start + length;
        while (a < end) {
            int o = (int) (a & Page.MASK);
            int n = (int) Math.min(end - a, Page.SIZE - o);
            Page p = page((int) (a >>> Page.BITS));
            if (p != null && !p.noneIn(o, o + n)) {
                return true;
            }
            a += n;
        }
        return false;
    }

    /**
     * Copies [start, start+length) into {@code dst}; addresses without data read as
     * {@code fill}.
     */
    public void read(long start, byte[] dst, int offset, int length, byte fill) {
        checkRange(start, length);
        Objects.checkFromIndexSize(offset, length, dst.length);
        long a = start;
        int d = offset;
        int remaining = length;
        while (remaining > 0) {
            int o = (int) (a & Page.MASK);
            int n = Math.min(remaining, Page.SIZE - o);
            Page p = page((int) (a >>> Page.BITS));
            if (p == null) {
                Arrays.fill(dst, d, d + n, fill);
            } else if (p.isFull()) {
                System.arraycopy(p.data, o, dst, d, n);
            } else {
                for (int i = 0; i < n; i++) {
                    dst[d + i] = p.has(o + i) ? p.data[o + i] : fill;
                }
            }
            a += n;
            d += n;
            remaining -= n;
        }
    }

    /** The bytes of [start, start+length); addresses without data read as {@code fill}. */
    public byte[] read(long start, int length, byte fill) {
        byte[] out = new byte[length];
        read(start, out, 0, length, fill);
        return out;
    }

    /** The maximal runs of consecutive data addresses, in ascending order. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        long[] run = {-1, 0};
        forEachChunk((address, data, offset, length) -> {
            if (run[0] >= 0 && run[0] + run[1] == address) {
                run[1] += length;
            } else {
                if (run[0] >= 0) {
                    out.add(new Segment(run[0], run[1]));
                }
                run[0] = address;
                run[1] = length;
            }
        });
        if (run[0] >= 0) {
            out.add(new Segment(run[0], run[1]));
        }
        return out;
    }

    /** From the lowest to one past the highest data address; empty for an empty image. */
    public Optional<Segment> span() {
        long lo = -1;
        long hi = -1;
        for (int t = 0; t < TOP_SIZE && lo < 0; t++) {
            Page[] dir = dirs[t];
            for (int j = 0; dir != null && j < DIR_SIZE && lo < 0; j++) {
                Page p = dir[j];
                if (p != null && p.count > 0) {
                    lo = base(t, j) + p.nextPresent(0);
                }
            }
        }
        if (lo < 0) {
            return Optional.empty();
        }
        for (int t = TOP_SIZE - 1; t >= 0 && hi < 0; t--) {
            Page[] dir = dirs[t];
            for (int j = DIR_SIZE - 1; dir != null && j >= 0 && hi < 0; j--) {
                Page p = dir[j];
                if (p != null && p.count > 0) {
                    int i = Page.SIZE - 1;
                    while (!p.has(i)) {
                        i--;
                    }
                    hi = base(t, j) + i;
                }
            }
        }
        return Optional.of(new Segment(lo, hi - lo + 1));
    }

    /**
     * Hands every run of data to {@code visitor} in ascending address order; a run never
     * crosses a 4 KiB page boundary.
     */
    public <E extends Exception> void forEachChunk(ChunkVisitor<E> visitor) throws E {
        for (int t = 0; t < TOP_SIZE; t++) {
            Page[] dir = dirs[t];
            if (dir == null) {
                continue;
            }
            for (int j = 0; j < DIR_SIZE; j++) {
                Page p = dir[j];
                if (p == null || p.count == 0) {
                    continue;
                }
                long base = base(t, j);
                if (p.isFull()) {
                    visitor.visit(base, p.data, 0, Page.SIZE);
                    continue;
                }
                int i = p.nextPresent(0);
                while (i < Page.SIZE) {
                    int e = p.nextAbsent(i);
                    visitor.visit(base + i, p.data, i, e - i);
                    i = p.nextPresent(e);
                }
            }
        }
    }

    /**
     * Like {@link #forEachChunk(ChunkVisitor)}, restricted to the addresses in [from, to):
     * chunks are clipped to the range.
     */
    public <E extends Exception> void forEachChunk(long from, long to, ChunkVisitor<E> visitor) throws E {
        checkRange(from, to - from);
        if (from == to) {
            return;
        }
        int firstPage = (int) (from >>> Page.BITS);
        int lastPage = (int) ((to - 1) >>> Page.BITS);
        for (int index = firstPage; index <= lastPage; index++) {
            Page[] dir = dirs[index >>> DIR_BITS];
            if (dir == null) {
                index |= DIR_SIZE - 1; // skip the rest of this empty directory
                continue;
            }
            Page p = dir[index & (DIR_SIZE - 1)];
            if (p == null || p.count == 0) {
                continue;
            }
            long base = (long) index << Page.BITS;
            int lo = index == firstPage ? (int) (from & Page.MASK) : 0;
            int hi = index == lastPage ? (int) ((to - 1) & Page.MASK) + 1 : Page.SIZE;
            if (p.isFull()) {
                visitor.visit(base + lo, p.data, lo, hi - lo);
                continue;
            }
            int i = p.nextPresent(lo);
            while (i < hi) {
                int e = Math.min(p.nextAbsent(i), hi);
                visitor.visit(base + i, p.data, i, e - i);
                i = p.nextPresent(e);
            }
        }
    }

    /**
     * The content hash, lowercase hex. Defined as SHA-256 over, for every segment of
     * {@link #segments()} in ascending order: the start address as 4 bytes big-endian, the
     * length as 4 bytes big-endian, then the segment's bytes. The start address is not part
     * of it. An empty image hashes the empty input. Two images have the same hash exactly when
     * the same addresses hold the same bytes, however the files split them into records.
     */
    public String sha256() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        List<Segment> segments = segments();
        int[] next = {0};
        byte[] header = new byte[8];
        forEachChunk((address, data, offset, length) -> {
            if (next[0] < segments.size() && segments.get(next[0]).start() == address) {
                Segment s = segments.get(next[0]++);
                putInt(header, 0, s.start());
                putInt(header, 4, s.length());
                digest.update(header);
            }
            digest.update(data, offset, length);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The start address, if one was recorded. */
    public Optional<StartAddress> startAddress() {
        return Optional.ofNullable(startAddress);
    }

    /** Sets (or with {@code null} removes) the start address. */
    public void setStartAddress(StartAddress start) {
        this.startAddress = start;
    }

    // ---------------------------------------------------------------- changes

    /** Writes {@code data} at {@code address}, replacing whatever was there. */
    public void write(long address, byte[] data) {
        write(address, data, 0, data.length);
    }

    /** Writes {@code data[offset .. offset+length)} at {@code address}, replacing what was there. */
    public void write(long address, byte[] data, int offset, int length) {
        checkRange(address, length);
        Objects.checkFromIndexSize(offset, length, data.length);
        long a = address;
        int s = offset;
        int remaining = length;
        while (remaining > 0) {
            int o = (int) (a & Page.MASK);
            int n = Math.min(remaining, Page.SIZE - o);
            Page p = n == Page.SIZE ? fullPageForWrite((int) (a >>> Page.BITS)) : pageForWrite((int) (a >>> Page.BITS));
            System.arraycopy(data, s, p.data, o, n);
            int before = p.count;
            p.setRange(o, o + n);
            size += p.count - before;
            a += n;
            s += n;
            remaining -= n;
        }
    }

    /**
     * Writes {@code data[offset .. offset+length)} at {@code address} unless some address in
     * the range already holds a different byte. Bytes equal to what is there are fine.
     *
     * @return -1 when written; otherwise the first conflicting address, and nothing was written
     */
    public long writeIfConsistent(long address, byte[] data, int offset, int length) {
        int first = (int) (address & Page.MASK);
        if (first + length <= Page.SIZE
                && length > 0
                && address >= 0
                && address + length <= ADDRESS_LIMIT
                && offset >= 0
                && offset + length <= data.length) {
            // Fast path for readers: a record inside one page whose bytes are all new.
            Page p = pageForWrite((int) (address >>> Page.BITS));
            if (p.noneIn(first, first + length)) {
                System.arraycopy(data, offset, p.data, first, length);
                int before = p.count;
                p.setRange(first, first + length);
                size += p.count - before;
                return -1;
            }
        }
        checkRange(address, length);
        Objects.checkFromIndexSize(offset, length, data.length);
        long a = address;
        int s = offset;
        int remaining = length;
        while (remaining > 0) {
            int o = (int) (a & Page.MASK);
            int n = Math.min(remaining, Page.SIZE - o);
            Page p = page((int) (a >>> Page.BITS));
            if (p != null && !p.noneIn(o, o + n)) {
                for (int i = 0; i < n; i++) {
                    if (p.has(o + i) && p.data[o + i] != data[s + i]) {
                        return a + i;
                    }
                }
            }
            a += n;
            s += n;
            remaining -= n;
        }
        write(address, data, offset, length);
        return -1;
    }

    /** Sets every address of [start, start+length) to {@code value}. */
    public void fill(long start, long length, byte value) {
        checkRange(start, length);
        long a = start;
        long end = start + length;
        while (a < end) {
            int o = (int) (a & Page.MASK);
            int n = (int) Math.min(end - a, Page.SIZE - o);
            Page p = pageForWrite((int) (a >>> Page.BITS));
            Arrays.fill(p.data, o, o + n, value);
            int before = p.count;
            p.setRange(o, o + n);
            size += p.count - before;
            a += n;
        }
    }

    /** Sets the addresses of [start, start+length) that hold no data to {@code value}. */
    public void fillGaps(long start, long length, byte value) {
        checkRange(start, length);
        long a = start;
        long end = start + length;
        while (a < end) {
            int o = (int) (a & Page.MASK);
            int n = (int) Math.min(end - a, Page.SIZE - o);
            Page p = pageForWrite((int) (a >>> Page.BITS));
            int before = p.count;
            for (int i = p.isFull() ? o + n : nextAbsentIn(p, o, o + n); i < o + n; i = nextAbsentIn(p, i + 1, o + n)) {
                p.data[i] = value;
                p.setRange(i, i + 1);
            }
            size += p.count - before;
            a += n;
        }
    }

    private static int nextAbsentIn(Page p, int from, int to) {
        return p.isFull() ? to : Math.min(p.nextAbsent(from), to);
    }

    /** Removes the data of [start, start+length): those addresses hold nothing afterwards. */
    public void clear(long start, long length) {
        checkRange(start, length);
        long a = start;
        long end = start + length;
        while (a < end) {
            int o = (int) (a & Page.MASK);
            int n = (int) Math.min(end - a, Page.SIZE - o);
            int index = (int) (a >>> Page.BITS);
            Page p = page(index);
            if (p != null) {
                int before = p.count;
                p.clearRange(o, o + n);
                size -= before - p.count;
                if (p.count == 0) {
                    dirs[index >>> DIR_BITS][index & (DIR_SIZE - 1)] = null;
                    cachedIndex = -1;
                    cachedPage = null;
                }
            }
            a += n;
        }
    }

    /** A copy of the data in [start, end), with the same start address. */
    public MemoryImage slice(long start, long end) {
        checkRange(start, end - start);
        MemoryImage out = new MemoryImage();
        out.startAddress = startAddress;
        forEachChunk((address, data, offset, length) -> {
            long from = Math.max(address, start);
            long to = Math.min(address + length, end);
            if (from < to) {
                out.write(from, data, offset + (int) (from - address), (int) (to - from));
            }
        });
        return out;
    }

    /** An independent copy (data and start address). */
    public MemoryImage copy() {
        MemoryImage out = new MemoryImage();
        out.startAddress = startAddress;
        out.size = size;
        for (int t = 0; t < TOP_SIZE; t++) {
            if (dirs[t] != null) {
                Page[] dir = new Page[DIR_SIZE];
                for (int j = 0; j < DIR_SIZE; j++) {
                    if (dirs[t][j] != null) {
                        dir[j] = dirs[t][j].copy();
                    }
                }
                out.dirs[t] = dir;
            }
        }
        return out;
    }

    /**
     * Moves all of {@code other}'s data into this image and leaves {@code other} empty (its
     * start address is untouched). Where both hold data, {@code otherWins} decides. Pages this
     * image lacks change owner without copying, which keeps a merge of large images within
     * the memory of the result.
     */
    void absorb(MemoryImage other, boolean otherWins) {
        for (int t = 0; t < TOP_SIZE; t++) {
            Page[] theirs = other.dirs[t];
            if (theirs == null) {
                continue;
            }
            for (int j = 0; j < DIR_SIZE; j++) {
                Page q = theirs[j];
                if (q == null || q.count == 0) {
                    continue;
                }
                if (dirs[t] == null) {
                    dirs[t] = new Page[DIR_SIZE];
                }
                Page p = dirs[t][j];
                if (p == null || p.count == 0) {
                    dirs[t][j] = q;
                    size += q.count - (p == null ? 0 : p.count);
                } else {
                    int before = p.count;
                    for (int i = q.nextPresent(0); i < Page.SIZE; i = q.nextPresent(i + 1)) {
                        if (otherWins || !p.has(i)) {
                            p.data[i] = q.data[i];
                            p.setRange(i, i + 1);
                        }
                    }
                    size += p.count - before;
                }
                theirs[j] = null;
            }
            other.dirs[t] = null;
        }
        other.size = 0;
        other.cachedIndex = -1;
        other.cachedPage = null;
        cachedIndex = -1;
        cachedPage = null;
    }

    // ---------------------------------------------------------------- identity

    /** Equal when the same addresses hold the same bytes and the start addresses are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MemoryImage other)
                || size != other.size
                || !Objects.equals(startAddress, other.startAddress)) {
            return false;
        }
        for (int t = 0; t < TOP_SIZE; t++) {
            for (int j = 0; j < DIR_SIZE && (dirs[t] != null || other.dirs[t] != null); j++) {
                Page p = dirs[t] == null ? null : dirs[t][j];
                Page q = other.dirs[t] == null ? null : other.dirs[t][j];
                if (!samePage(p, q)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean samePage(Page p, Page q) {
        int pc = p == null ? 0 : p.count;
        int qc = q == null ? 0 : q.count;
        if (pc != qc) {
            return false;
        }
        if (pc == 0) {
            return true;
        }
        for (int i = 0; i < Page.SIZE; i++) {
            boolean ph = p.has(i);
            if (ph != q.has(i) || (ph && p.data[i] != q.data[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return sha256().hashCode() * 31 + Objects.hashCode(startAddress);
    }

    /** A summary: segment count, size, span and start address. */
    @Override
    public String toString() {
        List<Segment> segments = segments();
        return "MemoryImage[" + segments.size() + " segment(s), " + size + " bytes"
                + span().map(s -> ", " + s).orElse("")
                + startAddress().map(s -> ", start " + s).orElse("") + "]";
    }

    // ---------------------------------------------------------------- internals

    private static long base(int t, int j) {
        return ((long) ((t << DIR_BITS) | j)) << Page.BITS;
    }

    private Page page(int index) {
        if (index == cachedIndex) {
            return cachedPage;
        }
        Page[] dir = dirs[index >>> DIR_BITS];
        Page p = dir == null ? null : dir[index & (DIR_SIZE - 1)];
        if (p != null) {
            cachedIndex = index;
            cachedPage = p;
        }
        return p;
    }

    private Page pageForWrite(int index) {
        Page p = page(index);
        if (p == null) {
            Page[] dir = dirs[index >>> DIR_BITS];
            if (dir == null) {
                dir = new Page[DIR_SIZE];
                dirs[index >>> DIR_BITS] = dir;
            }
            p = new Page();
            dir[index & (DIR_SIZE - 1)] = p;
            cachedIndex = index;
            cachedPage = p;
        }
        return p;
    }

    /** The page for a write that covers all of it: a new page then starts out full. */
    private Page fullPageForWrite(int index) {
        Page p = page(index);
        if (p != null) {
            return p;
        }
        Page[] dir = dirs[index >>> DIR_BITS];
        if (dir == null) {
            dir = new Page[DIR_SIZE];
            dirs[index >>> DIR_BITS] = dir;
        }
        p = Page.full();
        size += Page.SIZE; // the caller sees no change in the count of a page that starts full
        dir[index & (DIR_SIZE - 1)] = p;
        cachedIndex = index;
        cachedPage = p;
        return p;
    }

    private static void checkRange(long start, long length) {
        if (start < 0 || length < 0 || start + length > ADDRESS_LIMIT) {
            throw new IllegalArgumentException("range outside the 32-bit address space: start 0x"
                    + Long.toHexString(start) + ", length " + length);
        }
    }

    private static void putInt(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
