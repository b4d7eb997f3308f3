package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.RawBinary;
import io.multiimage.hex.SRecord;
import io.multiimage.hex.Segment;
import io.multiimage.hex.Uf2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Turns a merged image into the bytes of one of the additional formats. A raw binary covers the
 * image's lowest to highest data address, gaps holding the fill byte; a gap larger than any one
 * flash ({@link #MAX_BIN_GAP}) means the data lies in two memories (internal flash and UICR,
 * external flash), where a binary would be mostly fill and flash the second memory at the wrong
 * place, so it is refused, naming the gap.
 */
final class MergedFormatWriter {

    /** The largest gap a binary fills: 16 MiB, more than any microcontroller's internal flash. */
    static final long MAX_BIN_GAP = 16L << 20;

    private MergedFormatWriter() {}

    /** A format's bytes, and for a binary the address of its first byte. */
    record Written(byte[] bytes, long binaryStart) {}

    /**
     * The bytes of {@code image} in {@code format}.
     *
     * @param fileName the file being written, for messages ({@code merged.bin})
     * @param source the merged HEX it is made from, for messages ({@code merged.hex})
     * @throws InvalidConfigurationException when a binary would have to fill a gap above {@link #MAX_BIN_GAP}
     */
    static Written write(MemoryImage image, MergeFormat format, MergeFormats options, String fileName, String source)
            throws InvalidConfigurationException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = 0;
        switch (format) {
            case BIN -> {
                List<Segment> segments = image.segments();
                for (int i = 1; i < segments.size(); i++) {
                    long gapStart =
                            segments.get(i - 1).start() + segments.get(i - 1).length();
                    long gap = segments.get(i).start() - gapStart;
                    if (gap > MAX_BIN_GAP) {
                        throw new InvalidConfigurationException(String.format(
                                "Cannot write %s: %s has no data from 0x%08x to 0x%08x (%d MiB), more than a raw binary"
                                        + " fills (%d MiB); the data lies in two memories. Choose hex, srec or uf2 for this"
                                        + " build's merge formats instead of bin",
                                fileName, source, gapStart, segments.get(i).start() - 1, gap >> 20, MAX_BIN_GAP >> 20));
                    }
                }
                if (!segments.isEmpty()) {
                    Segment first = segments.get(0);
                    Segment last = segments.get(segments.size() - 1);
                    start = first.start();
                    RawBinary.write(image, out, start, last.start() + last.length(), options.binFill());
                }
            }
            case SREC -> SRecord.write(image, out, SRecord.WriteOptions.DEFAULT);
            case UF2 -> {
                Uf2.WriteOptions uf2 = Uf2.WriteOptions.DEFAULT;
                if (options.uf2FamilyId().isPresent()) {
                    uf2 = uf2.withFamilyId(options.uf2FamilyId().getAsLong());
                }
                Uf2.write(image, out, uf2);
            }
            case HEX -> throw new IllegalArgumentException("HEX is written by the assemble step itself");
        }
        return new Written(out.toByteArray(), start);
    }
}
