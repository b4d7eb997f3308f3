package io.multiimage.hex;

import java.io.IOException;

/**
 * Cuts an image's data into records for the text writers. A record starts at a segment
 * start or at a multiple of the record size, holds at most {@code recordSize} bytes, and
 * never crosses a multiple of {@code boundary} (64 KiB for Intel HEX, whose records address
 * 16 bits). The same image therefore always gives the same records, whatever pages or files
 * it came from.
 */
final class RecordSplitter implements ChunkVisitor<IOException> {

    /** Receives each record; the array is reused, copy what you keep. */
    interface Emitter {
        void emit(long address, byte[] data, int length) throws IOException;
    }

    private final int recordSize;
    private final long boundary;
    private final Emitter emitter;
    private final byte[] rec;
    private long recAddress;
    private long recEnd;
    private int recLength;

    RecordSplitter(int recordSize, long boundary, Emitter emitter) {
        this.recordSize = recordSize;
        this.boundary = boundary;
        this.emitter = emitter;
        this.rec = new byte[recordSize];
    }

    @Override
    public void visit(long address, byte[] data, int offset, int length) throws IOException {
        long a = address;
        int o = offset;
        int remaining = length;
        while (remaining > 0) {
            if (recLength > 0 && recAddress + recLength != a) {
                finish();
            }
            if (recLength == 0) {
                recAddress = a;
                long nextAligned = (a / recordSize + 1) * recordSize;
                long nextBoundary = (a / boundary + 1) * boundary;
                recEnd = Math.min(nextAligned, nextBoundary);
            }
            int n = (int) Math.min(remaining, recEnd - a);
            System.arraycopy(data, o, rec, recLength, n);
            recLength += n;
            a += n;
            o += n;
            remaining -= n;
            if (recAddress + recLength == recEnd) {
                finish();
            }
        }
    }

    /** Emits the record in progress, if any. */
    void finish() throws IOException {
        if (recLength > 0) {
            int n = recLength;
            recLength = 0;
            emitter.emit(recAddress, rec, n);
        }
    }
}
