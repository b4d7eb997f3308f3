package io.multiimage.hex;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes Motorola S-records: an S0 header, data records of the narrowest address width that
 * holds every data address and the start address (S1 16-bit, S2 24-bit, S3 32-bit), an S5
 * (up to 65535 data records) or S6 (up to 16777215) count record, and the matching
 * termination record S9/S8/S7 carrying the start address (0 when there is none; a
 * segmented start address is written as its physical address).
 */
final class SRecordWriter {

    private final TextSink sink;
    private final int recordSize;
    private final byte[] eol;
    private final byte[] header;
    private int addressBytes;
    private long records;

    SRecordWriter(OutputStream out, int recordSize, LineEnding lineEnding, byte[] header) {
        this.sink = new TextSink(out);
        this.recordSize = recordSize;
        this.eol = lineEnding.bytes();
        this.header = header;
    }

    void write(MemoryImage image) throws IOException {
        long start = image.startAddress().map(StartAddress::physical).orElse(0L);
        long highest = Math.max(start, image.span().map(Segment::last).orElse(0L));
        addressBytes = highest <= 0xFFFF ? 2 : highest <= 0xFF_FFFF ? 3 : 4;
        record(0, 2, 0, header, 0, header.length);
        int dataType = addressBytes - 1;
        RecordSplitter splitter =
                new RecordSplitter(recordSize, MemoryImage.ADDRESS_LIMIT, (address, data, offset, length) -> {
                    record(dataType, addressBytes, address, data, offset, length);
                    records++;
                });
        image.forEachChunk(splitter);
        splitter.finish();
        if (records <= 0xFFFF) {
            record(5, 2, records, header, 0, 0);
        } else if (records <= 0xFF_FFFF) {
            record(6, 3, records, header, 0, 0);
        }
        record(11 - addressBytes, addressBytes, start, header, 0, 0);
        sink.flush();
    }

    private void record(int type, int width, long address, byte[] data, int offset, int length) throws IOException {
        TextSink s = sink;
        s.ensure(4 + 2 * (width + length + 1) + eol.length);
        s.put((byte) 'S');
        s.put((byte) ('0' + type));
        int sum = s.hexByte(width + length + 1);
        for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
            sum += s.hexByte((int) (address >>> shift));
        }
        for (int i = offset; i < offset + length; i++) {
            sum += s.hexByte(data[i]);
        }
        s.hexByte(~sum);
        s.put(eol);
    }
}
