package io.multiimage.hex;

import static io.multiimage.hex.Texts.hex;
import static io.multiimage.hex.Texts.hexText;
import static io.multiimage.hex.Texts.srec;
import static io.multiimage.hex.Texts.srecText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties over seeded random sparse images: every format round-trips, merging is well behaved. */
class RoundTripPropertyTest {

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 40; s++) {
            seeds.add(s * 7919);
        }
        return seeds;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void intelHexRoundTripsAndRewritesIdentically(long seed) throws Exception {
        Random random = new Random(seed);
        MemoryImage image = RandomImages.sparse(random);
        image.setStartAddress(RandomImages.start(random));
        IntelHex.WriteOptions options = new IntelHex.WriteOptions(
                1 + random.nextInt(255), random.nextBoolean() ? LineEnding.LF : LineEnding.CRLF);
        String text = hexText(image, options);
        MemoryImage read = hex(text);
        assertEquals(image, read, "seed " + seed);
        assertEquals(text, hexText(read, options), "canonical text is reproduced, seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sRecordRoundTrips(long seed) throws Exception {
        Random random = new Random(seed);
        MemoryImage image = RandomImages.sparse(random);
        StartAddress start = RandomImages.start(random);
        // S-records carry linear start addresses only; 0 means none.
        image.setStartAddress(start == null || start.physical() == 0 ? null : StartAddress.linear(start.physical()));
        SRecord.WriteOptions options = SRecord.WriteOptions.DEFAULT
                .withRecordSize(1 + random.nextInt(250))
                .withLineEnding(random.nextBoolean() ? LineEnding.LF : LineEnding.CRLF)
                .withHeader("seed " + seed);
        String text = srecText(image, options);
        MemoryImage read = srec(text);
        assertEquals(image, read, "seed " + seed);
        assertEquals(text, srecText(read, options), "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rawBinaryRoundTripsWithGapsFilled(long seed) throws Exception {
        Random random = new Random(seed);
        MemoryImage image = RandomImages.compact(random);
        Segment span = image.span().orElseThrow();
        byte fill = (byte) random.nextInt(256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RawBinary.write(image, out, span.start(), span.end(), fill);
        MemoryImage read = RawBinary.read(new ByteArrayInputStream(out.toByteArray()), "x.bin", span.start());
        MemoryImage expected = image.copy();
        expected.fillGaps(span.start(), span.length(), fill);
        assertEquals(expected, read, "seed " + seed);
        assertEquals(out.size(), span.length());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mergingNonOverlappingImagesIsOrderIndependent(long seed) throws Exception {
        Random random = new Random(seed);
        MemoryImage image = RandomImages.sparse(random);
        List<MemoryImage> parts = RandomImages.split(image, random, 2 + random.nextInt(5));
        MemoryImage first = mergeAll(parts, StartPolicy.NONE);
        for (int round = 0; round < 4; round++) {
            List<MemoryImage> shuffled = new ArrayList<>(parts);
            Collections.shuffle(shuffled, random);
            MemoryImage merged = mergeAll(shuffled, StartPolicy.NONE);
            assertEquals(first, merged, "seed " + seed);
            assertEquals(first.sha256(), merged.sha256());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void splitThenMergeIsIdentity(long seed) throws Exception {
        Random random = new Random(seed);
        MemoryImage image = RandomImages.sparse(random);
        image.setStartAddress(RandomImages.start(random));
        List<MemoryImage> parts = RandomImages.split(image, random, 1 + random.nextInt(8));
        assertEquals(image, mergeAll(parts, StartPolicy.ERROR), "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void replaceAndIgnoreMatchSequentialWrites(long seed) throws Exception {
        Random random = new Random(seed);
        List<NamedImage> inputs = new ArrayList<>();
        MemoryImage laterWins = new MemoryImage();
        MemoryImage earlierWins = new MemoryImage();
        for (int i = 0; i < 3; i++) {
            MemoryImage input = RandomImages.compact(random);
            inputs.add(new NamedImage("in" + i, input));
            input.forEachChunk((address, data, offset, length) -> laterWins.write(address, data, offset, length));
            input.forEachChunk((address, data, offset, length) -> {
                for (int k = 0; k < length; k++) {
                    if (!earlierWins.contains(address + k)) {
                        earlierWins.write(address + k, data, offset + k, 1);
                    }
                }
            });
        }
        assertEquals(laterWins, ImageMerger.merge(inputs, OverlapPolicy.REPLACE, StartPolicy.NONE), "seed " + seed);
        assertEquals(earlierWins, ImageMerger.merge(inputs, OverlapPolicy.IGNORE, StartPolicy.NONE), "seed " + seed);
    }

    private static MemoryImage mergeAll(List<MemoryImage> parts, StartPolicy start) throws ImageException {
        List<NamedImage> inputs = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            inputs.add(new NamedImage("part" + i, parts.get(i)));
        }
        return ImageMerger.merge(inputs, OverlapPolicy.ERROR, start);
    }
}
