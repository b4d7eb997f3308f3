package io.multiimage.hex;

import java.util.Arrays;

/**
 * 4 KiB of the address space: the bytes plus a presence bitmap (one bit per byte). The
 * bitmap is dropped once every byte is present, so a dense image costs one byte of heap per
 * data byte plus a few dozen bytes per page; a sparse page costs 1.125 bytes per address.
 */
final class Page {

    static final int BITS = 12;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;
    private static final int WORDS = SIZE / 64;

    final byte[] data = new byte[SIZE];
    /** Bit i set when byte i holds data; null when the page is full. */
    long[] present;
    /** Number of bytes present. */
    int count;

    boolean isFull() {
        return present == null;
    }

    boolean has(int i) {
        return present == null || (present[i >>> 6] & (1L << i)) != 0;
    }

    /** True when no byte in [from, to) is present. */
    boolean noneIn(int from, int to) {
        if (count == 0) {
            return true;
        }
        if (present == null) {
            return false;
        }
        int last = to - 1;
        for (int w = from >>> 6; w <= last >>> 6; w++) {
            if ((present[w] & mask(w, from, last)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Marks [from, to) present. */
    void setRange(int from, int to) {
        if (present == null) {
            return;
        }
        int last = to - 1;
        for (int w = from >>> 6; w <= last >>> 6; w++) {
            long m = mask(w, from, last);
            long old = present[w];
            count += Long.bitCount(m & ~old);
            present[w] = old | m;
        }
        if (count == SIZE) {
            present = null;
        }
    }

    /** Marks [from, to) absent. */
    void clearRange(int from, int to) {
        if (present == null) {
            present = new long[WORDS];
            Arrays.fill(present, -1L);
        }
        int last = to - 1;
        for (int w = from >>> 6; w <= last >>> 6; w++) {
            long m = mask(w, from, last);
            long old = present[w];
            count -= Long.bitCount(m & old);
            present[w] = old & ~m;
        }
        Arrays.fill(data, from, to, (byte) 0);
    }

    /** First present index at or after {@code from}, or {@link #SIZE}. */
    int nextPresent(int from) {
        if (from >= SIZE) {
            return SIZE;
        }
        if (present == null) {
            return from;
        }
        int w = from >>> 6;
        long word = present[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == WORDS) {
                return SIZE;
            }
            word = present[w];
        }
    }

    /** First absent index at or after {@code from}, or {@link #SIZE}. */
    int nextAbsent(int from) {
        if (from >= SIZE || present == null) {
            return SIZE;
        }
        int w = from >>> 6;
        long word = ~present[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == WORDS) {
                return SIZE;
            }
            word = ~present[w];
        }
    }

    /** A page whose every byte is about to be written: no bitmap to allocate and drop. */
    static Page full() {
        Page p = new Page(false);
        p.count = SIZE;
        return p;
    }

    Page() {
        this(true);
    }

    private Page(boolean withBitmap) {
        present = withBitmap ? new long[WORDS] : null;
    }

    Page copy() {
        Page p = new Page();
        System.arraycopy(data, 0, p.data, 0, SIZE);
        p.present = present == null ? null : present.clone();
        p.count = count;
        return p;
    }

    /** Bits of word {@code w} that fall in [from, last]. */
    private static long mask(int w, int from, int last) {
        int lo = (w == from >>> 6) ? (from & 63) : 0;
        int hi = (w == last >>> 6) ? (last & 63) : 63;
        return (-1L >>> (63 - hi)) & (-1L << lo);
    }
}
