package io.multiimage.core.toolchain;

import io.multiimage.core.InvalidConfigurationException;

/**
 * An image does not fit where it must go: its code and constants exceed its flash partition,
 * or its variables exceed the RAM it may use. Reported from the linker's overflow error.
 */
public class ImageTooLargeException extends InvalidConfigurationException {

    private static final long serialVersionUID = 1L;

    private final String imageName;
    private final String regionKind;
    private final MemoryRegion region;
    private final long overflowBytes;

    /**
     * Image {@code imageName} overflows {@code region} (a {@code regionKind}: "flash partition"
     * or "RAM") by {@code overflowBytes}; {@code advice} says what to change.
     */
    public ImageTooLargeException(
            String imageName, String regionKind, MemoryRegion region, long overflowBytes, String advice) {
        super("Image '" + imageName + "' does not fit in its " + regionKind + ": it needs "
                + (region.size() + overflowBytes) + " bytes, the " + regionKind + " "
                + MemoryRegion.hex(region.origin())
                + ".." + MemoryRegion.hex(region.end()) + " holds " + region.size() + " bytes ("
                + MemoryRegion.hex(region.size()) + "), " + overflowBytes + " bytes too many. " + advice);
        this.imageName = imageName;
        this.regionKind = regionKind;
        this.region = region;
        this.overflowBytes = overflowBytes;
    }

    /** The image that does not fit. */
    public String imageName() {
        return imageName;
    }

    /** "flash partition" or "RAM". */
    public String regionKind() {
        return regionKind;
    }

    /** The region that is too small. */
    public MemoryRegion region() {
        return region;
    }

    /** How many bytes are missing. */
    public long overflowBytes() {
        return overflowBytes;
    }
}
