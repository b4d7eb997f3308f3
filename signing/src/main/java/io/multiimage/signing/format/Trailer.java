package io.multiimage.signing.format;

import java.util.Arrays;

/**
 * The MCUboot image trailer at the end of a slot, as imgtool lays it out for {@code --pad}: from
 * the end backwards the magic (16 bytes rounded up to the maximum alignment), then one
 * alignment unit each for image_ok, copy_done, swap_info and swap_size, then the swap status
 * area ({@code max-sectors × 3 × align} bytes) — or, for overwrite-only upgrades, just two
 * units and the magic.
 *
 * @param align         flash write alignment (1, 2, 4, 8, 16 or 32)
 * @param maxSectors    sectors the swap status area allows for (imgtool's default 128)
 * @param overwriteOnly whether the bootloader upgrades by overwriting (no swap status)
 */
public record Trailer(int align, int maxSectors, boolean overwriteOnly) {

    /** imgtool's default {@code --max-sectors}. */
    public static final int DEFAULT_MAX_SECTORS = 128;

    private static final int DEFAULT_MAX_ALIGN = 8;

    /** Validates the alignment and sector count. */
    public Trailer {
        if (Integer.bitCount(align) != 1 || align > 32) {
            throw new IllegalArgumentException("align must be 1, 2, 4, 8, 16 or 32, got " + align);
        }
        if (maxSectors < 1) {
            throw new IllegalArgumentException("max sectors must be positive, got " + maxSectors);
        }
    }

    /** imgtool's max_align: 8, or the alignment when larger. */
    public int maxAlign() {
        return Math.max(DEFAULT_MAX_ALIGN, align);
    }

    private int magicAlignedSize() {
        return alignUp(ImageFormat.BOOT_MAGIC_SIZE, maxAlign());
    }

    /** Bytes the trailer occupies at the end of the slot. */
    public int size() {
        int magic = magicAlignedSize();
        if (overwriteOnly) {
            return maxAlign() * 2 + magic;
        }
        return maxSectors * 3 * align + maxAlign() * 4 + magic;
    }

    /**
     * The 16 magic bytes: the standard magic for a maximum alignment of 8; otherwise the
     * alignment as a 16-bit little-endian value followed by the second magic's 14 bytes.
     */
    public byte[] magic() {
        if (maxAlign() == DEFAULT_MAX_ALIGN) {
            return ImageFormat.BOOT_MAGIC.clone();
        }
        byte[] magic = new byte[ImageFormat.BOOT_MAGIC_SIZE];
        magic[0] = (byte) maxAlign();
        magic[1] = (byte) (maxAlign() >> 8);
        System.arraycopy(ImageFormat.BOOT_MAGIC_ALIGNED_TAIL, 0, magic, 2, ImageFormat.BOOT_MAGIC_ALIGNED_TAIL.length);
        return magic;
    }

    /** Distance from the slot end back to the image_ok field. */
    public int imageOkFromEnd() {
        return magicAlignedSize() + maxAlign();
    }

    /**
     * The whole trailer as imgtool writes it into a padded binary: erased bytes, image_ok set to
     * 1 when {@code confirm} (and not overwrite-only), the magic in the last 16 bytes.
     */
    public byte[] padded(byte erased, boolean confirm) {
        byte[] trailer = new byte[size()];
        Arrays.fill(trailer, erased);
        byte[] magic = magic();
        System.arraycopy(magic, 0, trailer, trailer.length - magic.length, magic.length);
        if (confirm && !overwriteOnly) {
            trailer[trailer.length - imageOkFromEnd()] = 0x01;
        }
        return trailer;
    }

    static int alignUp(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
