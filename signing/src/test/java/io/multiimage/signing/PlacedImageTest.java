package io.multiimage.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacedImageTest {

    private static PlacedImage.Chunk chunk(long address, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return new PlacedImage.Chunk(address, data);
    }

    @Test
    void chunksAreSortedAndAdjacentOnesJoined() {
        PlacedImage image = new PlacedImage(List.of(chunk(0x20, 3), chunk(0x10, 1), chunk(0x11, 2)));
        assertEquals(List.of(chunk(0x10, 1, 2), chunk(0x20, 3)), image.chunks());
        assertEquals(0x10, image.start());
        assertEquals(0x21, image.end());
    }

    @Test
    void overlapsAreRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new PlacedImage(List.of(chunk(0x10, 1, 2), chunk(0x11, 3))));
        assertEquals("chunks overlap: 2 bytes at 0x00000010 and 1 bytes at 0x00000011", e.getMessage());
    }

    @Test
    void shiftingAndFillingGapsWorkLikeObjcopy() {
        PlacedImage image = new PlacedImage(List.of(chunk(0x10, 1), chunk(0x13, 2)));
        PlacedImage moved = image.shifted(0x1000).gapFilled((byte) 0xff);
        assertEquals(List.of(chunk(0x1010, 1, 0xff, 0xff, 2)), moved.chunks());
        assertArrayEquals(new byte[] {1, 0, 0, 2}, image.contiguous((byte) 0));
    }

    @Test
    void theAddressSpaceIsThirtyTwoBits() {
        assertThrows(IllegalArgumentException.class, () -> chunk(0xffff_ffffL, 1, 2));
        assertEquals(0x1_0000_0000L, PlacedImage.of(0xffff_ffffL, new byte[1]).end());
    }
}
