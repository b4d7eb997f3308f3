package io.multiimage.hex;

import static io.multiimage.hex.Texts.bytes;
import static io.multiimage.hex.Texts.hex;
import static io.multiimage.hex.Texts.hexError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntelHexReaderTest {

    private static final String EOF = ":00000001FF\n";
    /** The UTF-8 byte order mark as the three ISO-8859-1 characters Texts turns back into bytes. */
    private static final String BOM = "\u00EF\u00BB\u00BF";

    private static void assertProblem(String text, long line, String message) {
        ImageFormatException e = hexError(text);
        assertEquals(new Problem("t.hex", line, message), e.problems().get(0), e.getMessage());
        assertEquals("t.hex", e.getFile());
        assertEquals(line, e.getLine());
    }

    @Test
    void dataRecordPlacesBytesAtItsAddress() throws Exception {
        MemoryImage image = hex(":0400100001020304E2\n" + EOF);
        assertEquals(List.of(new Segment(0x10, 4)), image.segments());
        assertArrayEquals(bytes(1, 2, 3, 4), image.read(0x10, 4, (byte) 0));
        assertEquals(Optional.empty(), image.startAddress());
    }

    @Test
    void endOfFileRecordEndsAnEmptyImage() throws Exception {
        assertTrue(hex(EOF).isEmpty());
    }

    @Test
    void extendedSegmentAddressShiftsByFourBits() throws Exception {
        MemoryImage image = hex(":020000021000EC\n:02000400ABCD82\n" + EOF);
        assertArrayEquals(bytes(0xAB, 0xCD), image.read(0x10004, 2, (byte) 0));
        assertEquals(2, image.size());
    }

    @Test
    void extendedLinearAddressSetsTheUpperSixteenBits() throws Exception {
        MemoryImage image = hex(":020000040800F2\n:0100000042BD\n" + EOF);
        assertEquals(0x42, image.get(0x0800_0000L));
    }

    @Test
    void startSegmentAddressIsKeptAsCsIp() throws Exception {
        MemoryImage image = hex(":040000030000010DEB\n" + EOF);
        StartAddress start = image.startAddress().orElseThrow();
        assertEquals(StartAddress.Kind.SEGMENTED, start.kind());
        assertEquals(0x0000, start.cs());
        assertEquals(0x010D, start.ip());
        assertEquals(0x10D, start.physical());
    }

    @Test
    void startLinearAddressIsKeptAsEip() throws Exception {
        MemoryImage image = hex(":0400000508000131BD\n" + EOF);
        assertEquals(StartAddress.linear(0x08000131L), image.startAddress().orElseThrow());
    }

    @Test
    void lowerCaseDigitsAreAccepted() throws Exception {
        MemoryImage image = hex(":0400100001020a0bd4\n:00000001ff\n");
        assertArrayEquals(bytes(1, 2, 10, 11), image.read(0x10, 4, (byte) 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineEndingIsAccepted(String eol) throws Exception {
        MemoryImage image = hex(":0400100001020304E2" + eol + ":00000001FF" + eol);
        assertEquals(4, image.size());
    }

    @Test
    void mixedLineEndingsAndAMissingFinalNewlineAreAccepted() throws Exception {
        MemoryImage image = hex(":0100000011EE\r\n:0100010022DC\r:0100020033CA\n:00000001FF");
        assertArrayEquals(bytes(0x11, 0x22, 0x33), image.read(0, 3, (byte) 0));
    }

    @Test
    void sameValueWrittenTwiceIsNotAConflict() throws Exception {
        MemoryImage image = hex(":0100000011EE\n:0100000011EE\n" + EOF);
        assertEquals(1, image.size());
    }

    @Test
    void repeatedIdenticalStartAddressIsAccepted() throws Exception {
        MemoryImage image = hex(":0400000508000131BD\n:0400000508000131BD\n" + EOF);
        assertEquals(0x08000131L, image.startAddress().orElseThrow().value());
    }

    @Test
    void recordMayCrossSixtyFourKibWithLinearAddressing() throws Exception {
        MemoryImage image = hex(":02FFFF000102FD\n" + EOF);
        assertArrayEquals(bytes(1, 2), image.read(0xFFFF, 2, (byte) 0));
    }

    @Test
    void readsObjcopyStyleFileWithSegmentRecordsAndCrlf() throws Exception {
        String text = ":10010000014B18686830704714110000FEE700BF0B\r\n"
                + ":030110006869001B\r\n"
                + ":0411140005000000D2\r\n"
                + ":040000030000010DEB\r\n"
                + ":00000001FF\r\n";
        MemoryImage image = hex(text);
        assertEquals(List.of(new Segment(0x100, 19), new Segment(0x1114, 4)), image.segments());
        assertEquals(StartAddress.segmented(0, 0x10D), image.startAddress().orElseThrow());
    }

    // ------------------------------------------------------------------ errors

    @Test
    void checksumMismatchNamesExpectedAndFound() {
        assertProblem(":0100000011EE\n:0100010022DD\n" + EOF, 2, "checksum mismatch: expected 0xDC, found 0xDD");
    }

    @Test
    void byteCountLargerThanTheDataIsATruncatedRecord() {
        assertProblem(
                ":0200000011ED\n" + EOF,
                1,
                "truncated record: byte count 0x02 needs 14 hex digits after ':', found 12");
    }

    @Test
    void byteCountSmallerThanTheDataIsACountMismatch() {
        assertProblem(
                ":010000001122CC\n" + EOF,
                1,
                "byte count 0x01 does not match the record: expected 12 hex digits after ':', found 14");
    }

    @Test
    void oddNumberOfDigitsIsACountMismatch() {
        assertProblem(
                ":0100000011EE0\n" + EOF,
                1,
                "byte count 0x01 does not match the record: expected 12 hex digits after ':', found 13");
    }

    @Test
    void recordShorterThanTheHeaderIsTruncated() {
        assertProblem(
                EOF.replace("\n", "") + "\n:000000\n",
                2,
                "data after the end-of-file record of line 1; expected the file to end there");
        assertProblem(
                ":000000\n" + EOF,
                1,
                "truncated record: expected at least 10 hex digits after ':' (byte count, address, type, checksum), found 6");
    }

    @Test
    void invalidDigitNamesTheCharacterAndColumn() {
        assertProblem(":01000000G1EE\n" + EOF, 1, "invalid character 'G' at column 10; expected a hex digit");
    }

    @Test
    void lineNotStartingWithColonIsRejected() {
        assertProblem("x0100000011EE\n" + EOF, 1, "expected ':' at column 1, found 'x'");
    }

    @Test
    void unknownRecordTypeIsRejected() {
        assertProblem(":00000006FA\n" + EOF, 1, "unknown record type 0x06; expected 00 to 05");
    }

    @Test
    void wrongByteCountForAnAddressRecordIsRejected() {
        assertProblem(":0100000400FB\n" + EOF, 1, "record type 0x04 needs byte count 0x02, found 0x01");
    }

    @Test
    void nonZeroAddressFieldOnAnAddressRecordIsRejected() {
        assertProblem(":020010040800E2\n" + EOF, 1, "record type 0x04 needs address field 0000, found 0010");
    }

    @Test
    void missingEndOfFileRecordIsReportedAtTheLastLine() {
        assertProblem(
                ":0100000011EE\n:0100010022DC\n",
                2,
                "missing end-of-file record: expected ':00000001FF' as the last record, found the end of the file");
    }

    @Test
    void emptyFileIsReported() {
        assertProblem("", 1, "empty file; expected Intel HEX records ending with the end-of-file record ':00000001FF'");
    }

    @Test
    void dataAfterEndOfFileIsRejected() {
        assertProblem(
                EOF + ":0100000011EE\n",
                2,
                "data after the end-of-file record of line 1; expected the file to end there");
    }

    @Test
    void blankLinesAndDosEndOfFileCharactersAfterEndOfFileAreAccepted() throws Exception {
        // srec_cat and Python's intelhex accept these (ReferenceToolsDifferentialTest)
        for (String tail : List.of("\n", "\r\n\r\n", "\u001A", "\u001A\r\n", "\n\u001A\u001A\n\n")) {
            MemoryImage image = hex(":0100000011EE\n" + EOF + tail);
            assertEquals(0x11, image.get(0), tail);
        }
    }

    @Test
    void otherTextAfterEndOfFileIsStillRejected() {
        assertProblem(
                EOF + "\u001Ax\n", 2, "data after the end-of-file record of line 1; expected the file to end there");
        assertProblem(EOF + " \n", 2, "data after the end-of-file record of line 1; expected the file to end there");
        assertProblem(":00000001FF\u001A\n", 1, "invalid character byte 0x1a at column 12; expected a hex digit");
        assertProblem(":0100000011EE\n\u001A\n" + EOF, 2, "expected ':' at column 1, found byte 0x1a");
    }

    @Test
    void addressPastFourGibIsRejected() {
        assertProblem(
                ":02000004FFFFFC\n:04FFFE0001020304F5\n" + EOF,
                2,
                "address past 4 GiB: 4 data bytes at 0xFFFFFFFE end at 0x100000001; the address space ends at 0xFFFFFFFF");
    }

    @Test
    void twoDifferentValuesForOneAddressAreRejected() {
        assertProblem(
                ":0100000011EE\n:0100000012ED\n" + EOF,
                2,
                "two different values for address 0x00000000: an earlier record wrote 0x11, this record writes 0x12");
    }

    @Test
    void conflictingStartAddressesAreRejected() {
        assertProblem(
                ":0400000508000131BD\n:0400000508000201EC\n" + EOF,
                2,
                "conflicting start addresses: this record sets linear 0x08000201, line 1 set linear 0x08000131");
    }

    @Test
    void byteOrderMarkIsRejected() {
        assertProblem(BOM + EOF, 1, "file starts with a UTF-8 byte order mark (EF BB BF); expected ':'");
    }

    @Test
    void trailingWhitespaceIsRejected() {
        assertProblem(
                ":0100000011EE \n" + EOF,
                1,
                "stray whitespace (a space) at column 14; expected a hex digit or the end of the line");
    }

    @Test
    void leadingWhitespaceIsRejected() {
        assertProblem("\t:0100000011EE\n" + EOF, 1, "stray whitespace (a tab) at column 1; expected ':'");
    }

    @Test
    void emptyLinesAreAcceptedAnywhere() throws Exception {
        MemoryImage image = hex("\n:0100000011EE\n\n\r\n\r:0100010022DC\r\n\r\n" + EOF + "\n");
        assertArrayEquals(bytes(0x11, 0x22), image.read(0, 2, (byte) 0));
    }

    @Test
    void whitespaceOnlyLineIsStillRejected() {
        assertProblem(":0100000011EE\n \n" + EOF, 2, "stray whitespace (a space) at column 1; expected ':'");
    }

    @Test
    void severalProblemsAreAllReportedWithTheirLines() {
        ImageFormatException e = hexError(":0100000011EF\n:0100010022DC\n:01000200G3CA\n" + EOF + ":00");
        assertEquals(
                List.of(
                        new Problem("t.hex", 1, "checksum mismatch: expected 0xEE, found 0xEF"),
                        new Problem("t.hex", 3, "invalid character 'G' at column 10; expected a hex digit"),
                        new Problem(
                                "t.hex",
                                5,
                                "data after the end-of-file record of line 4; expected the file to end there")),
                e.problems());
        assertEquals(
                "t.hex:1: checksum mismatch: expected 0xEE, found 0xEF\n"
                        + "t.hex:3: invalid character 'G' at column 10; expected a hex digit\n"
                        + "t.hex:5: data after the end-of-file record of line 4; expected the file to end there",
                e.getMessage());
    }

    @Test
    void problemsStopAtTheLimit() {
        String bad = ":0100000011EF\n".repeat(ProblemCollector.LIMIT + 10);
        ImageFormatException e = hexError(bad + EOF);
        assertEquals(ProblemCollector.LIMIT + 1, e.problems().size());
        assertEquals(
                "too many problems; stopped reading after " + ProblemCollector.LIMIT,
                e.problems().get(ProblemCollector.LIMIT).message());
    }

    @Test
    void overlongLineStopsReadingWithItsLine() {
        String message = "line longer than 521 characters; an Intel HEX record has at most 521 (':' and 260 bytes as"
                + " hex digits); stopped reading here";
        for (String longLine : List.of(
                ":" + "0".repeat(521) + "\n",
                ":" + "0".repeat(LineReader.BUFFER_SIZE + 100) + "\n",
                "x".repeat(3 * LineReader.BUFFER_SIZE))) {
            ImageFormatException e = hexError(":0100000011EE\n" + longLine + ":0100000012ED\n" + EOF);
            assertEquals(List.of(new Problem("t.hex", 2, message)), e.problems());
        }
    }

    @Test
    void longestRecordIsRead() throws Exception {
        MemoryImage image = new MemoryImage();
        byte[] data = new byte[255];
        java.util.Arrays.fill(data, (byte) 0x5A);
        image.write(0x0, data);
        String text = Texts.hexText(image, IntelHex.WriteOptions.DEFAULT.withRecordSize(255));
        assertEquals(521, text.lines().mapToInt(String::length).max().orElseThrow());
        assertEquals(image, hex(text));
    }

    @Test
    void endlessRunOfEmptyLinesStops() throws Exception {
        for (ReadMode mode : ReadMode.values()) {
            for (String prefix : List.of("", ":0100000011EE\n" + EOF)) {
                ImageFormatException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        java.time.Duration.ofSeconds(30),
                        () -> assertThrows(
                                ImageFormatException.class,
                                () -> IntelHex.read(
                                        new java.io.SequenceInputStream(
                                                new ByteArrayInputStream(
                                                        prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                                                new EndlessStream((byte) '\n')),
                                        "lines.hex",
                                        mode)));
                long first = prefix.isEmpty() ? 1 : 3;
                assertEquals(
                        List.of(
                                new Problem(
                                        "lines.hex",
                                        first + HexDigits.MAX_EMPTY_RUN,
                                        "more than 65536 empty lines in a row; stopped reading here (is this the right file?)")),
                        e.problems(),
                        mode.name());
            }
        }
        // as many as allowed are fine
        assertEquals(
                0x11,
                hex(":0100000011EE\n" + "\n".repeat(HexDigits.MAX_EMPTY_RUN) + EOF)
                        .get(0));
    }

    @Test
    void endlessInputEndsAtTheFirstOverlongLine() {
        // an input that never ends, like a link to /dev/zero: reading must stop by itself
        for (ReadMode mode : ReadMode.values()) {
            ImageFormatException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(30),
                    () -> assertThrows(
                            ImageFormatException.class,
                            () -> IntelHex.read(new EndlessStream((byte) 0), "zero.hex", mode)));
            assertEquals(1, e.getLine(), mode.name());
            assertTrue(e.problems().get(0).message().startsWith("line longer than"), e.getMessage());
            assertEquals(1, e.problems().size());
        }
    }

    @Test
    void linesAcrossBufferBoundariesAreParsed() throws Exception {
        // Enough records that lines straddle the reader's 1 MiB buffer, with CRLF split across refills.
        MemoryImage original = new MemoryImage();
        java.util.Random random = new java.util.Random(7);
        byte[] data = new byte[700_000];
        random.nextBytes(data);
        original.write(0x1000, data);
        String text = Texts.hexText(
                original,
                IntelHex.WriteOptions.DEFAULT.withLineEnding(LineEnding.CRLF).withRecordSize(13));
        MemoryImage read = IntelHex.read(
                new SlowStream(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "t.hex", ReadMode.STRICT);
        assertEquals(original, read);
    }

    // ------------------------------------------------------------------ lenient

    @Test
    void lenientModeToleratesBomWhitespaceBlankLinesAndMissingEof() throws Exception {
        String text = BOM + "  :0100000011EE \t\n\n:0100010022DC\n";
        MemoryImage image = hex(text, ReadMode.LENIENT);
        assertArrayEquals(bytes(0x11, 0x22), image.read(0, 2, (byte) 0));
    }

    @Test
    void lenientModeIgnoresEverythingAfterTheEndOfFileRecord() throws Exception {
        MemoryImage image = hex(":0100000011EE\n" + EOF + "garbage\n:0100000012ED\n", ReadMode.LENIENT);
        assertEquals(0x11, image.get(0));
        assertEquals(1, image.size());
    }

    @Test
    void lenientModeAcceptsAddressFieldOnAddressRecords() throws Exception {
        MemoryImage image = hex(":020010040800E2\n:0100000042BD\n", ReadMode.LENIENT);
        assertEquals(0x42, image.get(0x0800_0000L));
    }

    @Test
    void lenientModeStillRejectsChecksumConflictsAndBadDigits() {
        for (String text : List.of(
                ":0100000011EF\n",
                ":0100000011EE\n:0100000012ED\n",
                ":01000000G1EE\n",
                ":00000006FA\n",
                ":0200000011ED\n")) {
            assertThrows(ImageFormatException.class, () -> hex(text, ReadMode.LENIENT), text);
        }
    }

    /** The same byte for ever, as {@code /dev/zero} gives. */
    static final class EndlessStream extends java.io.InputStream {
        private final byte value;

        EndlessStream(byte value) {
            this.value = value;
        }

        @Override
        public int read() {
            return value & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, value);
            return len;
        }
    }

    /** Hands out at most 7 bytes per read, so buffers refill at every possible position. */
    static final class SlowStream extends ByteArrayInputStream {
        SlowStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
        }
    }
}
