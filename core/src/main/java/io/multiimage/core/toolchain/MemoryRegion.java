package io.multiimage.core.toolchain;

/**
 * A range of the 32-bit address space: an image's flash partition or the RAM it may use.
 *
 * @param origin first address
 * @param size length in bytes, positive
 */
public record MemoryRegion(long origin, long size) {

    private static final long ADDRESS_SPACE = 1L << 32;

    /** Checks that the region is non-empty and lies inside the 32-bit address space. */
    public MemoryRegion {
        if (origin < 0 || size <= 0 || origin + size > ADDRESS_SPACE) {
            throw new IllegalArgumentException(
                    "not a memory region of a 32-bit CPU: origin " + hex(origin) + ", size " + hex(size));
        }
    }

    /** The first address after the region. */
    public long end() {
        return origin + size;
    }

    /** {@code 0x14000..0x40000 (0x2c000 bytes)}. */
    @Override
    public String toString() {
        return hex(origin) + ".." + hex(end()) + " (" + hex(size) + " bytes)";
    }

    /** {@code value} as lower-case hex with a {@code 0x} prefix, the style of pm_config.h. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
