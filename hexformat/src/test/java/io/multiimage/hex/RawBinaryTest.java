package io.multiimage.hex;

import static io.multiimage.hex.Texts.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawBinaryTest {

    @Test
    void readPlacesTheFileAtTheBaseAddress(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.bin");
        Files.write(file, bytes(1, 2, 3));
        MemoryImage image = RawBinary.read(file, 0x8000);
        assertEquals(List.of(new Segment(0x8000, 3)), image.segments());
        assertEquals(3, image.get(0x8002));
    }

    @Test
    void fileLargerThanTheAddressSpaceIsRejectedBeforeReading(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.bin");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(MemoryImage.ADDRESS_LIMIT - 0xFF); // sparse: nothing is written
        }
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> RawBinary.read(big, 0x100));
        assertEquals(
                big + ": address past 4 GiB: the file of 4294967041 bytes placed at base 0x00000100 runs past"
                        + " 0xFFFFFFFF",
                e.getMessage());
    }

    @Test
    void readPastFourGibIsRejected() {
        ImageFormatException e = assertThrows(
                ImageFormatException.class,
                () -> RawBinary.read(new ByteArrayInputStream(new byte[4]), "a.bin", 0xFFFF_FFFEL));
        assertEquals(
                "a.bin: address past 4 GiB: the file placed at base 0xFFFFFFFE runs past 0xFFFFFFFF", e.getMessage());
    }

    @Test
    void writeFillsGapsInTheRange() throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(2, bytes(0x11));
        image.write(5, bytes(0x22));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RawBinary.write(image, out, 0, 8, (byte) 0xEE);
        assertArrayEquals(bytes(0xEE, 0xEE, 0x11, 0xEE, 0xEE, 0x22, 0xEE, 0xEE), out.toByteArray());
    }

    @Test
    void writeWithoutRangeCoversLowestToHighestWithFF(@TempDir Path dir) throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(0x100, bytes(1));
        image.write(0x103, bytes(4));
        Path file = dir.resolve("o.bin");
        RawBinary.write(image, file);
        assertArrayEquals(bytes(1, 0xFF, 0xFF, 4), Files.readAllBytes(file));
    }

    @Test
    void emptyImageWritesAnEmptyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("o.bin");
        RawBinary.write(new MemoryImage(), file);
        assertEquals(0, Files.size(file));
    }
}
