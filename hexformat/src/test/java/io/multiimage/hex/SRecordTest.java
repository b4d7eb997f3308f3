package io.multiimage.hex;

import static io.multiimage.hex.Texts.bytes;
import static io.multiimage.hex.Texts.srec;
import static io.multiimage.hex.Texts.srecText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SRecordTest {

    private static void assertProblem(String text, long line, String message) {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> srec(text));
        assertEquals(new Problem("t.srec", line, message), e.problems().get(0), e.getMessage());
    }

    @Test
    void readsS1DataAndS9Start() throws Exception {
        MemoryImage image = srec("S00600004844521B\nS107010001020304ED\nS5030001FB\nS9030101FA\n");
        assertArrayEquals(bytes(1, 2, 3, 4), image.read(0x100, 4, (byte) 0));
        assertEquals(StartAddress.linear(0x101), image.startAddress().orElseThrow());
    }

    @Test
    void readsS2DataAndS8Start() throws Exception {
        MemoryImage image = srec("S2060100001122C5\nS804010000FA\n");
        assertArrayEquals(bytes(0x11, 0x22), image.read(0x10000, 2, (byte) 0));
        assertEquals(0x10000, image.startAddress().orElseThrow().value());
    }

    @Test
    void readsS3DataS6CountAndS7Start() throws Exception {
        MemoryImage image = srec("S30608000000AA47\nS604000001FA\nS70508000000F2\n");
        assertEquals(0xAA, image.get(0x0800_0000L));
        assertEquals(StartAddress.linear(0x0800_0000L), image.startAddress().orElseThrow());
    }

    @Test
    void terminationAddressZeroMeansNoStartAddress() throws Exception {
        assertEquals(Optional.empty(), srec("S1040000AA51\nS9030000FC\n").startAddress());
    }

    @Test
    void writesHeaderNarrowestDataRecordsCountAndTermination() {
        MemoryImage image = new MemoryImage();
        image.write(0x100, bytes(1, 2, 3, 4));
        image.setStartAddress(StartAddress.linear(0x101));
        assertEquals(
                "S00600004844521B\nS107010001020304ED\nS5030001FB\nS9030101FA\n",
                srecText(image, SRecord.WriteOptions.DEFAULT.withHeader("HDR")));
    }

    @Test
    void writesS2AndS8ForTwentyFourBitAddresses() {
        MemoryImage image = new MemoryImage();
        image.write(0x10000, bytes(0x11, 0x22));
        assertEquals(
                "S0030000FC\nS2060100001122C5\nS5030001FB\nS804000000FB\n",
                srecText(image, SRecord.WriteOptions.DEFAULT));
    }

    @Test
    void writesS3AndS7ForThirtyTwoBitAddressesWithCrlf() {
        MemoryImage image = new MemoryImage();
        image.write(0x0800_0000L, bytes(0xAA));
        image.setStartAddress(StartAddress.linear(0x0800_0000L));
        assertEquals(
                "S0030000FC\r\nS30608000000AA47\r\nS5030001FB\r\nS70508000000F2\r\n",
                srecText(image, SRecord.WriteOptions.DEFAULT.withLineEnding(LineEnding.CRLF)));
    }

    @Test
    void writesS6WhenThereAreMoreThan65535Records() throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(0, new byte[70_000]);
        String text = srecText(image, SRecord.WriteOptions.DEFAULT.withRecordSize(1));
        assertTrue(text.contains("\nS604011170"), text.substring(text.length() - 60));
        assertEquals(image, srec(text));
    }

    @Test
    void segmentedStartAddressIsWrittenAsItsPhysicalAddress() throws Exception {
        MemoryImage image = new MemoryImage();
        image.setStartAddress(StartAddress.segmented(0x1000, 0x0010));
        assertEquals(
                StartAddress.linear(0x10010),
                srec(srecText(image, SRecord.WriteOptions.DEFAULT))
                        .startAddress()
                        .orElseThrow());
    }

    @Test
    void checksumMismatchIsReported() {
        assertProblem("S107010001020304EE\nS9030000FC\n", 1, "checksum mismatch: expected 0xED, found 0xEE");
    }

    @Test
    void truncatedRecordIsReported() {
        assertProblem(
                "S10701000102036D\nS9030000FC\n",
                1,
                "truncated record: byte count 0x07 needs 16 hex digits after 'S1', found 14");
    }

    @Test
    void unknownTypeIsReported() {
        assertProblem("S4030000FC\nS9030000FC\n", 1, "unknown record type '4'; expected S0-S3 or S5-S9");
    }

    @Test
    void wrongRecordCountIsReported() {
        assertProblem(
                "S1040000AA51\nS5030002FA\nS9030000FC\n",
                2,
                "record count mismatch: S5 says 2 data records, found 1 before it");
    }

    @Test
    void missingTerminationIsReported() {
        assertProblem(
                "S1040000AA51\n",
                1,
                "missing termination record: expected S7, S8 or S9 as the last record, found the end of the file");
    }

    @Test
    void dataAfterTerminationIsReported() {
        assertProblem(
                "S9030000FC\nS1040000AA51\n",
                2,
                "data after the termination record of line 1; expected the file to end there");
    }

    @Test
    void blankLinesAnywhereAndDosEndOfFileAfterTerminationAreAccepted() throws Exception {
        MemoryImage image = srec("\nS1040000AA51\r\n\r\n\nS9030000FC\r\n\r\n\u001A");
        assertEquals(0xAA, image.get(0));
        assertEquals(0xAA, srec("S1040000AA51\nS9030000FC\n\u001A\u001A\n\n").get(0));
    }

    @Test
    void otherTextAfterTerminationAndWhitespaceLinesAreStillReported() {
        assertProblem(
                "S9030000FC\n\u001Ax\n",
                2,
                "data after the termination record of line 1; expected the file to end" + " there");
        assertProblem("S1040000AA51\n\t\nS9030000FC\n", 2, "stray whitespace (a tab) at column 1; expected 'S'");
    }

    @Test
    void overlongLineAndEndlessInputStopReadingWithTheirLine() {
        String message = "line longer than 514 characters; an S-record has at most 514 ('S', the type digit and 256"
                + " bytes as hex digits); stopped reading here";
        assertProblem("S1040000AA51\nS1" + "0".repeat(513) + "\nS9030000FC\n", 2, message);
        ImageFormatException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30),
                () -> assertThrows(
                        ImageFormatException.class,
                        () -> SRecord.read(
                                new IntelHexReaderTest.EndlessStream((byte) 'S'), "zero.srec", ReadMode.STRICT)));
        assertEquals(List.of(new Problem("zero.srec", 1, message)), e.problems());
        ImageFormatException lines = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30),
                () -> assertThrows(
                        ImageFormatException.class,
                        () -> SRecord.read(
                                new IntelHexReaderTest.EndlessStream((byte) '\r'), "cr.srec", ReadMode.LENIENT)));
        assertEquals(
                List.of(new Problem(
                        "cr.srec",
                        1 + HexDigits.MAX_EMPTY_RUN,
                        "more than 65536 empty lines in a" + " row; stopped reading here (is this the right file?)")),
                lines.problems());
    }

    @Test
    void conflictingBytesAreReported() {
        assertProblem(
                "S1040000AA51\nS1040000AB50\nS9030000FC\n",
                2,
                "two different values for address 0x00000000: an earlier record wrote 0xAA, this record writes 0xAB");
    }

    @Test
    void invalidDigitAndWhitespaceAreReported() {
        assertProblem("S1040000AG51\nS9030000FC\n", 1, "invalid character 'G' at column 10; expected a hex digit");
        assertProblem(
                "S1040000AA51 \nS9030000FC\n",
                1,
                "stray whitespace (a space) at column 13; expected a hex digit or the end of the line");
    }

    @Test
    void addressPastFourGibIsReported() {
        assertProblem(
                "S307FFFFFFFF0102F9\nS70500000000FA\n",
                1,
                "address past 4 GiB: 2 data bytes at 0xFFFFFFFF end at 0x100000000; the address space ends at 0xFFFFFFFF");
    }

    @Test
    void lenientModeAcceptsWrongCountBlankLinesAndMissingTermination() throws Exception {
        MemoryImage image = srec("  S1040000AA51\n\nS5030002FA\n", ReadMode.LENIENT);
        assertEquals(List.of(new Segment(0, 1)), image.segments());
    }
}
