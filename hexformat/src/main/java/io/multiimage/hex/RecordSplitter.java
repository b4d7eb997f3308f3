package io.multiimage.hex;

import java.io.IOException;

/**
 * Cuts an image's data into records for the text writers. A record starts at a segment
 * start or at a multiple of the record size, holds at most {@code recordSize} bytes, and
 * never crosses a multiple of {@code boundary} (64 KiB for Intel HEX, whose records address
 * 16 bits). The same image therefore always gives the same records, whatever pages or files
 * it came from. Records inside one chunk are handed out straight from the image's storage;
 * only a record that spans two chunks is copied.
 */
final class RecordSplitter implements ChunkVisitor<IOException> {

    /** Receives each record: {@code data[offset .. offset+length)}; read it during the call only. */
    interface Emitter {
        void emit(long address, byte[] data, int offset, int length) throws IOException;
    }

    private final int recordSize;
    private final long boundary;
    private final Emitter emitter;
    private final byte[] pending;
    /** {@code ~(n - 1)} for a power of two n (a mask instead of a division per record), else 0. */
    private final long recordMask;

    private final long boundaryMask;
    private long pendingAddress;
    private long pendingEnd;
    private int pendingLength;

    RecordSplitter(int recordSize, long boundary, Emitter emitter) {
        this.recordSize = recordSize;
        this.boundary = boundary;
        this.emitter = emitter;
        this.pending = new byte[recordSize];
        this.recordMask = alignMask(recordSize);
        this.boundaryMask = alignMask(boundary);
    }

    private static long alignMask(long n) {
        return Long.bitCount(n) == 1 ? ~(n - 1) : 0;
    }

    private long recordEnd(long a) {
        long nextAligned = (recordMask != 0 ? a & recordMask : a - a % recordSize) + recordSize;
        long nextBoundary = (boundaryMask != 0 ? a & boundaryMask : a - a % boundary) + boundary;
        return Math.min(nextAligned, nextBoundary);
    }

    @Override
    public void visit(long address, byte[] data, int offset, int length) throws IOException {
        long a = address;
        int o = offset;
        long end = address + length;
        if (pendingLength > 0) {
            if (pendingAddress + pendingLength != a) {
                finish();
            } else {
                int n = (int) Math.min(end - a, pendingEnd - a);
                System.arraycopy(data, o, pending, pendingLength, n);
                pendingLength += n;
                a += n;
                o += n;
                if (pendingAddress + pendingLength == pendingEnd) {
                    finish();
                }
            }
        }
        while (a < end) {
            long recEnd = recordEnd(a);
            if (recEnd > end) {
                // The record continues in the next chunk, if that one is contiguous.
                int n = (int) (end - a);
                System.arraycopy(data, o, pending, 0, n);
                pendingAddress = a;
                pendingEnd = recEnd;
                pendingLength = n;
                return;
            }
            int n = (int) (recEnd - a);
            emitter.emit(a, data, o, n);
            a = recEnd;
            o += n;
        }
    }

    /** Emits the record in progress, if any. */
    void finish() throws IOException {
        if (pendingLength > 0) {
            int n = pendingLength;
            pendingLength = 0;
            emitter.emit(pendingAddress, pending, 0, n);
        }
    }
}
