package io.multiimage.hex;

/**
 * A maximal run of consecutive addresses that all hold data.
 *
 * @param start  first address
 * @param length number of bytes (at least 1)
 */
public record Segment(long start, long length) {

    /** Validates that the segment lies in the 32-bit address space. */
    public Segment {
        if (start < 0 || length < 1 || start + length > MemoryImage.ADDRESS_LIMIT) {
            throw new IllegalArgumentException("segment outside the 32-bit address space: start 0x"
                    + Long.toHexString(start) + ", length " + length);
        }
    }

    /** One past the last address. */
    public long end() {
        return start + length;
    }

    /** The last address. */
    public long last() {
        return start + length - 1;
    }

    /** {@code 0x00001000-0x00001fff}: inclusive bounds, as people and srec_cat's info print them. */
    @Override
    public String toString() {
        return Hex.range(start, end());
    }
}
