package io.multiimage.hex;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes the canonical Intel HEX form of an image: upper-case digits; data records as cut by
 * {@link RecordSplitter} (never crossing 64 KiB); an extended linear address record (04)
 * only before the first record whose upper 16 address bits differ from the previous ones
 * (they start as 0); then the start address record (03 or 05, as recorded); then
 * {@code :00000001FF}.
 */
final class IntelHexWriter implements RecordSplitter.Emitter {

    private static final byte[] NO_DATA = new byte[0];
    private static final int BUFFER = 1 << 18;
    /** Images at least this large are formatted in parallel, in blocks of {@link #BLOCK} addresses. */
    static final long PARALLEL_THRESHOLD = 1L << 19;
    /** A multiple of 64 KiB, so blocks start where records must start anyway. */
    private static final long BLOCK = 1L << 18;

    /** Where full buffers go; null for a block formatter, whose buffer grows to hold its block. */
    private final OutputStream out;

    private byte[] buf;
    private int pos;
    private final int recordSize;
    private final LineEnding lineEnding;
    private final byte[] eol;
    private long upper;
    /** Tests switch this off to compare the parallel output with the sequential one. */
    boolean allowParallel = true;

    IntelHexWriter(OutputStream out, int recordSize, LineEnding lineEnding) {
        this(out, BUFFER, recordSize, lineEnding);
    }

    private IntelHexWriter(OutputStream out, int capacity, int recordSize, LineEnding lineEnding) {
        this.out = out;
        this.buf = new byte[capacity];
        this.recordSize = recordSize;
        this.lineEnding = lineEnding;
        this.eol = lineEnding.bytes();
    }

    void write(MemoryImage image) throws IOException {
        if (allowParallel && image.size() >= PARALLEL_THRESHOLD && Workers.parallel()) {
            writeBlocksInParallel(image);
        } else {
            writeRange(image, 0, MemoryImage.ADDRESS_LIMIT);
        }
        StartAddress start = image.startAddress().orElse(null);
        if (start != null) {
            long v = start.value();
            byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            record(start.kind() == StartAddress.Kind.SEGMENTED ? 3 : 5, 0, b, 0, 4);
        }
        record(1, 0, NO_DATA, 0, 0);
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    /** Writes the data records of [from, to) into the buffer, flushing to the stream as it fills. */
    private void writeRange(MemoryImage image, long from, long to) throws IOException {
        RecordSplitter splitter = new RecordSplitter(recordSize, 0x10000, this);
        image.forEachChunk(from, to, splitter);
        splitter.finish();
    }

    /**
     * Formats 256 KiB address blocks on the worker threads and writes them in address order.
     * Gives the same bytes as the sequential path: each block starts at a record boundary and
     * knows the upper address bits the records before it left behind.
     */
    private void writeBlocksInParallel(MemoryImage image) throws IOException {
        List<long[]> blocks = new ArrayList<>();
        long previousLast = -1;
        for (Segment s : image.segments()) {
            for (long b = s.start() / BLOCK; b <= s.last() / BLOCK; b++) {
                long blockStart = b * BLOCK;
                if (!blocks.isEmpty() && blocks.get(blocks.size() - 1)[0] == blockStart) {
                    continue;
                }
                long lastBefore = blockStart > s.start() ? blockStart - 1 : previousLast;
                blocks.add(new long[] {blockStart, lastBefore < 0 ? 0 : lastBefore >>> 16});
            }
            previousLast = s.last();
        }
        out.write(buf, 0, pos);
        pos = 0;
        // Formatters are reused from block to block: fresh buffers for every block would cost
        // page faults for several times the output size.
        Queue<IntelHexWriter> idle = new ConcurrentLinkedQueue<>();
        Deque<Future<IntelHexWriter>> inFlight = new ArrayDeque<>();
        int next = 0;
        int window = Workers.THREADS + 1;
        try {
            while (next < blocks.size() || !inFlight.isEmpty()) {
                while (next < blocks.size() && inFlight.size() < window) {
                    long[] block = blocks.get(next++);
                    inFlight.add(Workers.pool().submit(new Callable<IntelHexWriter>() {
                        @Override
                        public IntelHexWriter call() throws IOException {
                            IntelHexWriter part = idle.poll();
                            if (part == null) {
                                // room for a block of 16-byte records; other record sizes grow it
                                part = new IntelHexWriter(null, (int) (BLOCK * 3), recordSize, lineEnding);
                            }
                            part.upper = block[1];
                            part.writeRange(image, block[0], Math.min(block[0] + BLOCK, MemoryImage.ADDRESS_LIMIT));
                            return part;
                        }
                    }));
                }
                IntelHexWriter part = inFlight.removeFirst().get();
                out.write(part.buf, 0, part.pos);
                part.pos = 0;
                idle.add(part);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing Intel HEX");
        } catch (ExecutionException e) {
            for (Future<IntelHexWriter> f : inFlight) {
                f.cancel(true);
            }
            throw Workers.failureOf(e);
        }
    }

    /** One data record, after an address record when its upper 16 address bits changed. */
    @Override
    public void emit(long address, byte[] data, int offset, int length) throws IOException {
        long high = address >>> 16;
        if (high != upper) {
            byte[] b = {(byte) (high >>> 8), (byte) high};
            record(4, 0, b, 0, 2);
            upper = high;
        }
        record(0, (int) (address & 0xFFFF), data, offset, length);
    }

    private void record(int type, int address, byte[] data, int offset, int length) throws IOException {
        int room = 11 + 2 * length + eol.length;
        if (pos + room > buf.length) {
            if (out == null) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, pos + room));
            } else {
                out.write(buf, 0, pos);
                pos = 0;
            }
        }
        byte[] o = buf;
        byte[] text = HexDigits.PAIR_TEXT;
        int q = pos;
        o[q] = ':';
        // Byte count, address and type as one group of four bytes: eight digits in one store.
        long lanes = Swar.spread(length | (address & 0xFF00) | (address & 0xFF) << 16 | type << 24);
        Swar.LONG_LE.set(o, q + 1, Swar.digits(lanes));
        q += 9;
        int i = offset;
        int e = offset + length;
        // Eight bytes a step (few loop iterations for C1's code); the rest one byte at a time.
        for (; i + 8 <= e; i += 8, q += 16) {
            long eight = (long) Swar.LONG_LE.get(data, i);
            long low = Swar.spread((int) eight);
            long high = Swar.spread((int) (eight >>> 32));
            lanes += low + high;
            Swar.LONG_LE.set(o, q, Swar.digits(low));
            Swar.LONG_LE.set(o, q + 8, Swar.digits(high));
        }
        int sum = Swar.sumLanes(lanes);
        for (; i < e; i++) {
            int v = data[i] & 0xFF;
            sum += v;
            o[q] = text[2 * v];
            o[q + 1] = text[2 * v + 1];
            q += 2;
        }
        int check = -sum & 0xFF;
        o[q] = text[2 * check];
        o[q + 1] = text[2 * check + 1];
        q += 2;
        for (byte c : eol) {
            o[q++] = c;
        }
        pos = q;
    }
}
