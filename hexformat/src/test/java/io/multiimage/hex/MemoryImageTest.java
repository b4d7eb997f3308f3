package io.multiimage.hex;

import static io.multiimage.hex.Texts.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryImageTest {

    @Test
    void newImageIsEmpty() {
        MemoryImage image = new MemoryImage();
        assertTrue(image.isEmpty());
        assertEquals(0, image.size());
        assertEquals(List.of(), image.segments());
        assertEquals(Optional.empty(), image.span());
        assertEquals(-1, image.get(0));
    }

    @Test
    void writeThenReadAcrossPageBoundaries() {
        MemoryImage image = new MemoryImage();
        byte[] data = new byte[10_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        image.write(0x0FFE, data);
        assertEquals(10_000, image.size());
        assertArrayEquals(data, image.read(0x0FFE, data.length, (byte) 0));
        assertEquals(List.of(new Segment(0x0FFE, 10_000)), image.segments());
    }

    @Test
    void readFillsAddressesWithoutData() {
        MemoryImage image = new MemoryImage();
        image.write(2, bytes(0x11));
        assertArrayEquals(bytes(0xFF, 0xFF, 0x11, 0xFF), image.read(0, 4, (byte) 0xFF));
    }

    @Test
    void overwriteReplacesBytesWithoutGrowingSize() {
        MemoryImage image = new MemoryImage();
        image.write(0, bytes(1, 2, 3));
        image.write(1, bytes(9));
        assertEquals(3, image.size());
        assertArrayEquals(bytes(1, 9, 3), image.read(0, 3, (byte) 0));
    }

    @Test
    void segmentsAreMaximalRunsInAscendingOrder() {
        MemoryImage image = new MemoryImage();
        image.write(0xFFFF_FFF0L, new byte[16]);
        image.write(0x2000, new byte[4]);
        image.write(0x1000, new byte[0x1000]);
        image.write(0x10, new byte[1]);
        assertEquals(
                List.of(new Segment(0x10, 1), new Segment(0x1000, 0x1004), new Segment(0xFFFF_FFF0L, 16)),
                image.segments());
        assertEquals(Optional.of(new Segment(0x10, 0xFFFF_FFF0L)), image.span());
    }

    @Test
    void fillSetsEveryAddressOfTheRange() {
        MemoryImage image = new MemoryImage();
        image.write(5, bytes(1));
        image.fill(0, 10, (byte) 0xAB);
        assertEquals(10, image.size());
        assertEquals(0xAB, image.get(5));
    }

    @Test
    void fillGapsKeepsExistingData() {
        MemoryImage image = new MemoryImage();
        image.write(5, bytes(1));
        image.write(4096 + 3, bytes(2));
        image.fillGaps(0, 8192, (byte) 0xFF);
        assertEquals(8192, image.size());
        assertEquals(1, image.get(5));
        assertEquals(2, image.get(4096 + 3));
        assertEquals(0xFF, image.get(6));
        assertEquals(List.of(new Segment(0, 8192)), image.segments());
    }

    @Test
    void clearRemovesData() {
        MemoryImage image = new MemoryImage();
        image.fill(0, 8192, (byte) 1);
        image.clear(100, 5000);
        assertEquals(8192 - 5000, image.size());
        assertEquals(List.of(new Segment(0, 100), new Segment(5100, 8192 - 5100)), image.segments());
        assertFalse(image.contains(100));
        assertTrue(image.contains(99));
        image.clear(0, 8192);
        assertTrue(image.isEmpty());
        assertEquals(List.of(), image.segments());
    }

    @Test
    void containsAnyLooksAtTheWholeRange() {
        MemoryImage image = new MemoryImage();
        image.write(0x5000, bytes(1));
        assertTrue(image.containsAny(0, 0x6000));
        assertFalse(image.containsAny(0, 0x5000));
        assertFalse(image.containsAny(0x5001, 0x10000));
    }

    @Test
    void writeIfConsistentRejectsDifferentBytesAndWritesNothing() {
        MemoryImage image = new MemoryImage();
        image.write(10, bytes(1, 2));
        assertEquals(-1, image.writeIfConsistent(8, bytes(7, 7, 1), 0, 3));
        assertEquals(11, image.writeIfConsistent(9, bytes(7, 1, 3, 4), 0, 4));
        assertEquals(-1, image.get(12));
        assertEquals(4, image.size());
    }

    @Test
    void sha256FollowsTheDocumentedDefinition() throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(0x4000 - 2, bytes(1, 2, 3, 4));
        image.write(0x0800_0000L, bytes(9));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(ByteBuffer.allocate(8).putInt(0x3FFE).putInt(4).array());
        digest.update(bytes(1, 2, 3, 4));
        digest.update(ByteBuffer.allocate(8).putInt(0x0800_0000).putInt(1).array());
        digest.update(bytes(9));
        assertEquals(HexFormat.of().formatHex(digest.digest()), image.sha256());
    }

    @Test
    void sha256OfEmptyImageIsTheHashOfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", new MemoryImage().sha256());
    }

    @Test
    void sha256DependsOnAddressesNotJustBytes() {
        MemoryImage a = new MemoryImage();
        a.write(0, bytes(1, 2));
        MemoryImage b = new MemoryImage();
        b.write(1, bytes(1, 2));
        MemoryImage c = new MemoryImage();
        c.write(0, bytes(1));
        c.write(2, bytes(2));
        assertNotEquals(a.sha256(), b.sha256());
        assertNotEquals(a.sha256(), c.sha256());
    }

    @Test
    void startAddressIsKeptAndCopied() {
        MemoryImage image = new MemoryImage();
        image.setStartAddress(StartAddress.linear(0x101));
        assertEquals(StartAddress.linear(0x101), image.copy().startAddress().orElseThrow());
        image.setStartAddress(null);
        assertEquals(Optional.empty(), image.startAddress());
    }

    @Test
    void copyIsIndependent() {
        MemoryImage image = new MemoryImage();
        image.write(0, bytes(1));
        MemoryImage copy = image.copy();
        copy.write(0, bytes(2));
        assertEquals(1, image.get(0));
        assertNotEquals(image, copy);
    }

    @Test
    void sliceKeepsOnlyTheRange() {
        MemoryImage image = new MemoryImage();
        image.fill(0, 100, (byte) 3);
        MemoryImage slice = image.slice(10, 20);
        assertEquals(List.of(new Segment(10, 10)), slice.segments());
    }

    @Test
    void equalityIsAboutContentAndStartAddress() {
        MemoryImage a = new MemoryImage();
        MemoryImage b = new MemoryImage();
        a.write(0x1234, bytes(1, 2, 3));
        b.write(0x1235, bytes(2, 3));
        b.write(0x1234, bytes(1));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        b.setStartAddress(StartAddress.linear(0));
        assertNotEquals(a, b);
    }

    @Test
    void forEachChunkVisitsDataInAscendingOrder() {
        MemoryImage image = new MemoryImage();
        image.write(0x3000, bytes(3));
        image.write(0x1000, bytes(1, 1));
        List<Long> addresses = new ArrayList<>();
        image.forEachChunk((address, data, offset, length) -> addresses.add(address));
        assertEquals(List.of(0x1000L, 0x3000L), addresses);
    }

    @Test
    void addressesOutsideThirtyTwoBitsAreRejected() {
        MemoryImage image = new MemoryImage();
        assertThrows(IllegalArgumentException.class, () -> image.write(0xFFFF_FFFFL, bytes(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> image.get(-1));
        assertThrows(IllegalArgumentException.class, () -> image.get(1L << 32));
    }

    @Test
    void holdsMoreThanSixtyFourMibWithoutPerByteObjects() {
        MemoryImage image = new MemoryImage();
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) i;
        }
        for (int mib = 0; mib < 72; mib++) {
            block[0] = (byte) mib;
            image.write(0x1000_0000L + ((long) mib << 20), block);
        }
        assertEquals(72L << 20, image.size());
        assertEquals(List.of(new Segment(0x1000_0000L, 72L << 20)), image.segments());
        assertEquals(71, image.get(0x1000_0000L + (71L << 20)));
        assertEquals(0x34, image.get(0x1000_0000L + (5L << 20) + 0x34));
    }
}
