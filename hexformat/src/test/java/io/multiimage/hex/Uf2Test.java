package io.multiimage.hex;

import static io.multiimage.hex.Texts.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Uf2Test {

    private static ByteBuffer write(MemoryImage image, Uf2.WriteOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Uf2.write(image, out, options);
        return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void everyAligned256ByteWindowWithDataBecomesOneBlock() throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(0x2000 - 1, bytes(0xAA, 0xBB)); // spans two windows
        image.write(0x9000 + 0x10, bytes(0xCC));
        ByteBuffer b = write(image, Uf2.WriteOptions.DEFAULT);
        assertEquals(3 * 512, b.capacity());
        long[] targets = {0x1F00, 0x2000, 0x9000};
        for (int i = 0; i < 3; i++) {
            int at = i * 512;
            assertEquals(Uf2.MAGIC_START0, b.getInt(at));
            assertEquals(Uf2.MAGIC_START1, b.getInt(at + 4));
            assertEquals(0, b.getInt(at + 8), "flags");
            assertEquals(targets[i], b.getInt(at + 12));
            assertEquals(256, b.getInt(at + 16));
            assertEquals(i, b.getInt(at + 20), "block number");
            assertEquals(3, b.getInt(at + 24), "number of blocks");
            assertEquals(0, b.getInt(at + 28), "family");
            assertEquals(Uf2.MAGIC_END, b.getInt(at + 508));
            byte[] tail = Arrays.copyOfRange(b.array(), at + 32 + 256, at + 508);
            assertArrayEquals(new byte[tail.length], tail, "unused data area is zero");
        }
        assertEquals((byte) 0xAA, b.get(32 + 255));
        assertEquals((byte) 0xFF, b.get(32 + 254), "gaps are filled with 0xFF");
        assertEquals((byte) 0xBB, b.get(512 + 32));
        assertEquals((byte) 0xCC, b.get(1024 + 32 + 0x10));
    }

    @Test
    void familyIdSetsTheFlagAndTheField() throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(0, bytes(1));
        ByteBuffer b =
                write(image, Uf2.WriteOptions.DEFAULT.withFamilyId(0xADA52840L).withFill((byte) 0));
        assertEquals(Uf2.FLAG_FAMILY_ID_PRESENT, b.getInt(8));
        assertEquals(0xADA52840, b.getInt(28));
        assertEquals(0, b.get(33), "custom fill");
    }

    @Test
    void largeImageHasConsecutiveBlockNumbers() throws Exception {
        MemoryImage image = new MemoryImage();
        image.write(0x1000, new byte[256 * 40 + 1]);
        ByteBuffer b = write(image, Uf2.WriteOptions.DEFAULT);
        assertEquals(41 * 512, b.capacity());
        for (int i = 0; i < 41; i++) {
            assertEquals(i, b.getInt(i * 512 + 20));
            assertEquals(41, b.getInt(i * 512 + 24));
            assertEquals(0x1000 + 256 * i, b.getInt(i * 512 + 12));
        }
    }
}
