package io.multiimage.hex;

import static io.multiimage.hex.Texts.bytes;
import static io.multiimage.hex.Texts.hex;
import static io.multiimage.hex.Texts.hexText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntelHexWriterTest {

    @Test
    void writesSixteenByteRecordsAndTheEndRecord() {
        MemoryImage image = new MemoryImage();
        for (int i = 0; i < 20; i++) {
            image.write(i, bytes(i));
        }
        assertEquals(
                ":10000000000102030405060708090A0B0C0D0E0F78\n" + ":0400100010111213A6\n" + ":00000001FF\n",
                hexText(image));
    }

    @Test
    void emptyImageIsJustTheEndRecord() {
        assertEquals(":00000001FF\n", hexText(new MemoryImage()));
    }

    @Test
    void recordsStartAtMultiplesOfTheRecordSize() {
        MemoryImage image = new MemoryImage();
        image.write(0x0E, bytes(1, 2, 3, 4));
        assertEquals(":02000E000102ED\n:020010000304E7\n:00000001FF\n", hexText(image));
    }

    @Test
    void extendedLinearAddressOnlyWhenTheUpperBitsChange() {
        MemoryImage image = new MemoryImage();
        image.write(0x0000_FFFFL, bytes(0xAA, 0xBB));
        image.write(0x0001_0010L, bytes(0xCC));
        image.write(0x2000_0000L, bytes(0xDD));
        assertEquals(
                ":01FFFF00AA57\n"
                        + ":020000040001F9\n"
                        + ":01000000BB44\n"
                        + ":01001000CC23\n"
                        + ":020000042000DA\n"
                        + ":01000000DD22\n"
                        + ":00000001FF\n",
                hexText(image));
    }

    @Test
    void noExtendedAddressRecordWhenAllDataIsBelowSixtyFourKib() {
        MemoryImage image = new MemoryImage();
        image.write(0xFFF0, new byte[16]);
        assertEquals(":10FFF000" + "00".repeat(16) + "01\n:00000001FF\n", hexText(image));
    }

    @Test
    void startAddressRecordKeepsItsKind() {
        MemoryImage image = new MemoryImage();
        image.setStartAddress(StartAddress.segmented(0x0000, 0x010D));
        assertEquals(":040000030000010DEB\n:00000001FF\n", hexText(image));
        image.setStartAddress(StartAddress.linear(0x08000131L));
        assertEquals(":0400000508000131BD\n:00000001FF\n", hexText(image));
    }

    @Test
    void recordSizeAndCrlfAreConfigurable() {
        MemoryImage image = new MemoryImage();
        image.write(0, bytes(1, 2, 3, 4, 5));
        assertEquals(
                ":020000000102FB\r\n:020002000304F5\r\n:0100040005F6\r\n:00000001FF\r\n",
                hexText(image, IntelHex.WriteOptions.DEFAULT.withRecordSize(2).withLineEnding(LineEnding.CRLF)));
    }

    @Test
    void recordSizeOf255IsAccepted() throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(0, new byte[600]);
        String text = hexText(image, IntelHex.WriteOptions.DEFAULT.withRecordSize(255));
        assertEquals(":FF000000", text.substring(0, 9));
        assertEquals(image, hex(text));
    }

    @Test
    void recordSizeOutsideOneTo255IsRejected() {
        assertThrows(IllegalArgumentException.class, () -> IntelHex.WriteOptions.DEFAULT.withRecordSize(0));
        assertThrows(IllegalArgumentException.class, () -> IntelHex.WriteOptions.DEFAULT.withRecordSize(256));
    }

    @Test
    void canonicalFileIsReproducedByteForByte() throws Exception {
        String canonical = ":10000000000102030405060708090A0B0C0D0E0F78\n"
                + ":03001000101112BA\n"
                + ":020000040800F2\n"
                + ":08000800AABBCCDDEEFF0011E4\n"
                + ":0400000508000131BD\n"
                + ":00000001FF\n";
        assertEquals(canonical, hexText(hex(canonical)));
    }

    @Test
    void writingIsDeterministic() {
        MemoryImage image = new MemoryImage();
        image.write(0x9000, new byte[1000]);
        image.write(0x100, bytes(5, 6, 7));
        assertEquals(hexText(image), hexText(image.copy()));
    }

    @Test
    void writeToPathGoesThroughAtomicFiles(@TempDir Path dir) throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(0, bytes(0x11));
        Path out = dir.resolve("sub/out.hex");
        IntelHex.write(image, out);
        assertEquals(":0100000011EE\n:00000001FF\n", Files.readString(out));
        assertEquals(image, IntelHex.read(out));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {16, 32, 255, 7})
    void parallelFormattingGivesTheSameBytesAsSequential(int recordSize) throws Exception {
        java.util.Random random = new java.util.Random(recordSize);
        MemoryImage image = new MemoryImage();
        byte[] big = new byte[5 << 20];
        random.nextBytes(big);
        image.write(0x0FFF_FF00L, big); // crosses 1 MiB blocks and 64 KiB boundaries
        for (int i = 0; i < 50; i++) {
            byte[] small = new byte[1 + random.nextInt(3000)];
            random.nextBytes(small);
            image.write((random.nextLong() & 0xFFFF_FFFFL) % (MemoryImage.ADDRESS_LIMIT - small.length), small);
        }
        image.setStartAddress(StartAddress.linear(0x10000001L));
        IntelHex.WriteOptions options = IntelHex.WriteOptions.DEFAULT.withRecordSize(recordSize);
        java.io.ByteArrayOutputStream sequential = new java.io.ByteArrayOutputStream();
        IntelHexWriter writer = new IntelHexWriter(sequential, recordSize, LineEnding.LF);
        writer.allowParallel = false;
        writer.write(image);
        String parallel = hexText(image, options);
        assertEquals(sequential.toString(java.nio.charset.StandardCharsets.US_ASCII), parallel);
        assertEquals(image, hex(parallel));
    }
}
