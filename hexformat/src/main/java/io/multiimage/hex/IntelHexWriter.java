package io.multiimage.hex;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the canonical Intel HEX form of an image: upper-case digits; data records as cut by
 * {@link RecordSplitter} (never crossing 64 KiB); an extended linear address record (04)
 * only before the first record whose upper 16 address bits differ from the previous ones
 * (they start as 0); then the start address record (03 or 05, as recorded); then
 * {@code :00000001FF}.
 */
final class IntelHexWriter {

    private static final byte[] NO_DATA = new byte[0];

    private final TextSink sink;
    private final int recordSize;
    private final byte[] eol;
    private long upper;

    IntelHexWriter(OutputStream out, int recordSize, LineEnding lineEnding) {
        this.sink = new TextSink(out);
        this.recordSize = recordSize;
        this.eol = lineEnding.bytes();
    }

    void write(MemoryImage image) throws IOException {
        RecordSplitter splitter = new RecordSplitter(recordSize, 0x10000, this::data);
        image.forEachChunk(splitter);
        splitter.finish();
        StartAddress start = image.startAddress().orElse(null);
        if (start != null) {
            long v = start.value();
            byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            record(start.kind() == StartAddress.Kind.SEGMENTED ? 3 : 5, 0, b, 4);
        }
        record(1, 0, NO_DATA, 0);
        sink.flush();
    }

    private void data(long address, byte[] data, int length) throws IOException {
        long high = address >>> 16;
        if (high != upper) {
            byte[] b = {(byte) (high >>> 8), (byte) high};
            record(4, 0, b, 2);
            upper = high;
        }
        record(0, (int) (address & 0xFFFF), data, length);
    }

    private void record(int type, int offset, byte[] data, int length) throws IOException {
        TextSink s = sink;
        s.ensure(11 + 2 * length + eol.length);
        s.put((byte) ':');
        int sum = s.hexByte(length) + s.hexByte(offset >>> 8) + s.hexByte(offset) + s.hexByte(type);
        for (int i = 0; i < length; i++) {
            sum += s.hexByte(data[i]);
        }
        s.hexByte(-sum);
        s.put(eol);
    }
}
