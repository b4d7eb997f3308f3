package io.multiimage.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Large files are read in chunks on several threads; the result and every reported problem
 * must be exactly those of the sequential reader.
 */
class ParallelIntelHexReaderTest {

    @TempDir
    Path dir;

    /** About 12 MB of HEX text: several chunks, many 64 KiB address records, a start record. */
    private static MemoryImage bigImage(long seed) {
        Random random = new Random(seed);
        MemoryImage image = new MemoryImage();
        byte[] data = new byte[4 << 20];
        random.nextBytes(data);
        image.write(0x0001_2345L, data);
        for (int i = 0; i < 40; i++) {
            byte[] small = new byte[1 + random.nextInt(5000)];
            random.nextBytes(small);
            image.write(0x2000_0000L + random.nextInt(1 << 28), small);
        }
        image.setStartAddress(StartAddress.linear(0x0001_2345L));
        return image;
    }

    private Path write(String text) throws Exception {
        Path file = dir.resolve("big.hex");
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        assertTrue(Files.size(file) >= ParallelIntelHexReader.THRESHOLD, "test file must be large enough");
        return file;
    }

    private static MemoryImage sequential(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return IntelHex.read(in, file.toString(), ReadMode.STRICT);
        }
    }

    @Test
    void blankLinesEverywhereAndDosEndOfFileGiveTheSequentialResult() throws Exception {
        MemoryImage image = bigImage(3);
        String text = Texts.hexText(image, IntelHex.WriteOptions.DEFAULT.withRecordSize(16))
                .replace("\n:1", "\n\r\n:1");
        Path file = write(text + "\n\u001A\r\n");
        assertTrue(ParallelIntelHexReader.tryRead(file, "big.hex").isPresent(), "blank lines keep the parallel path");
        assertEquals(image, IntelHex.read(file));
        assertEquals(sequential(file), IntelHex.read(file));
    }

    @Test
    void overlongLineInAChunkIsReportedLikeTheSequentialReader() throws Exception {
        String text = Texts.hexText(bigImage(4), IntelHex.WriteOptions.DEFAULT.withRecordSize(16));
        int middle = text.indexOf('\n', text.length() / 2) + 1;
        Path file = write(text.substring(0, middle) + ":" + "0".repeat(600) + "\n" + text.substring(middle));
        ImageFormatException parallel = assertThrows(ImageFormatException.class, () -> IntelHex.read(file));
        ImageFormatException seq = assertThrows(ImageFormatException.class, () -> sequential(file));
        assertEquals(seq.problems(), parallel.problems());
        assertTrue(parallel.problems().get(0).message().startsWith("line longer than 521 characters"));
    }

    @ParameterizedTest
    @EnumSource(LineEnding.class)
    void wellFormedFileIsReadInParallelWithTheSameResult(LineEnding ending) throws Exception {
        MemoryImage image = bigImage(1);
        Path file = write(Texts.hexText(
                image, IntelHex.WriteOptions.DEFAULT.withRecordSize(16).withLineEnding(ending)));
        assertTrue(ParallelIntelHexReader.tryRead(file, "big.hex").isPresent(), "the parallel path was taken");
        assertEquals(image, IntelHex.read(file));
    }

    @Test
    void carriageReturnOnlyFileIsReadInParallel() throws Exception {
        MemoryImage image = bigImage(2);
        Path file = write(Texts.hexText(image).replace('\n', '\r'));
        assertEquals(image, ParallelIntelHexReader.tryRead(file, "big.hex").orElseThrow());
    }

    @Test
    void segmentAddressRecordsRelocateEachChunksFirstRecords() throws Exception {
        // 02 records only, one data byte per record: every chunk starts with data whose base
        // comes from an 02 record in an earlier chunk.
        StringBuilder text = new StringBuilder(16 << 20);
        MemoryImage expected = new MemoryImage();
        Random random = new Random(3);
        for (int segment = 0; segment <= 0xF000; segment += 0x1000) {
            appendRecord(text, 2, 0, new int[] {segment >> 8, segment & 0xFF});
            for (int offset = 0; offset < 0x10000; offset++) {
                int value = random.nextInt(256);
                expected.write(((long) segment << 4) + offset, new byte[] {(byte) value});
                appendRecord(text, 0, offset, new int[] {value});
            }
        }
        text.append(":00000001FF\n");
        Path file = write(text.toString());
        assertEquals(expected, ParallelIntelHexReader.tryRead(file, "big.hex").orElseThrow());
    }

    private static void appendRecord(StringBuilder text, int type, int offset, int[] data) {
        int sum = data.length + (offset >> 8) + (offset & 0xFF) + type;
        text.append(':');
        hex(text, data.length);
        hex(text, offset >> 8);
        hex(text, offset & 0xFF);
        hex(text, type);
        for (int v : data) {
            hex(text, v);
            sum += v;
        }
        hex(text, -sum & 0xFF);
        text.append('\n');
    }

    private static void hex(StringBuilder text, int v) {
        text.append(Character.toUpperCase(Character.forDigit((v >> 4) & 0xF, 16)))
                .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
    }

    @Test
    void problemDeepInTheFileIsReportedWithItsExactLine() throws Exception {
        List<String> lines = Texts.hexText(bigImage(4)).lines().toList();
        int bad = lines.size() - 1000;
        String broken = lines.get(bad);
        String[] copy = lines.toArray(new String[0]);
        copy[bad] = broken.substring(0, broken.length() - 2) + (broken.endsWith("00") ? "01" : "00");
        Path file = write(String.join("\n", copy) + "\n");
        assertFalse(ParallelIntelHexReader.tryRead(file, "big.hex").isPresent());
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> IntelHex.read(file));
        assertEquals(bad + 1, e.getLine());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void identicalBytesInTwoChunksAreAcceptedThroughTheSequentialPath() throws Exception {
        String text = Texts.hexText(bigImage(5));
        String firstData =
                text.lines().filter(l -> l.startsWith(":10")).findFirst().orElseThrow();
        // Repeat the first data record at the end, under the same (zero) upper address.
        String withRepeat = text.replace(":00000001FF\n", ":020000040001F9\n" + firstData + "\n:00000001FF\n");
        Path file = write(withRepeat);
        assertFalse(ParallelIntelHexReader.tryRead(file, "big.hex").isPresent());
        assertEquals(sequential(file), IntelHex.read(file));
    }

    @Test
    void differentBytesInTwoChunksAreReportedAtTheLaterLine() throws Exception {
        String text = Texts.hexText(bigImage(6));
        List<String> lines = text.lines().toList();
        String firstData =
                lines.stream().filter(l -> l.startsWith(":10")).findFirst().orElseThrow();
        String changed =
                firstData.substring(0, 9) + (firstData.startsWith("00", 9) ? "01" : "00") + firstData.substring(11);
        int sum = 0;
        for (int i = 1; i < changed.length() - 2; i += 2) {
            sum += Integer.parseInt(changed.substring(i, i + 2), 16);
        }
        changed = changed.substring(0, changed.length() - 2) + String.format("%02X", -sum & 0xFF);
        Path file = write(text.replace(":00000001FF\n", ":020000040001F9\n" + changed + "\n:00000001FF\n"));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> IntelHex.read(file));
        assertEquals(lines.size() + 1, e.getLine());
        assertTrue(e.getMessage().contains("two different values for address"), e.getMessage());
    }

    @Test
    void endOfFileRecordInTheMiddleIsReportedAsDataAfterIt() throws Exception {
        List<String> lines = Texts.hexText(bigImage(7)).lines().toList();
        int middle = lines.size() / 2;
        String text = String.join("\n", lines.subList(0, middle)) + "\n:00000001FF\n"
                + String.join("\n", lines.subList(middle, lines.size())) + "\n";
        Path file = write(text);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> IntelHex.read(file));
        assertEquals(middle + 2, e.getLine());
        assertEquals(
                "data after the end-of-file record of line " + (middle + 1) + "; expected the file to end there",
                e.problems().get(0).message());
    }

    @Test
    void conflictingStartAddressesInDifferentChunksAreReported() throws Exception {
        String text = Texts.hexText(bigImage(8));
        Path file = write(":0400000500000001F6\n" + text.replace(":0400000500012345", ":0400000500012345"));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> IntelHex.read(file));
        assertEquals(text.lines().count(), e.getLine());
        assertTrue(e.getMessage().contains("conflicting start addresses"), e.getMessage());
    }

    @Test
    void missingEndOfFileIsReportedAtTheLastLine() throws Exception {
        String text = Texts.hexText(bigImage(9)).replace(":00000001FF\n", "");
        Path file = write(text);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> IntelHex.read(file));
        assertEquals(text.lines().count(), e.getLine());
    }
}
