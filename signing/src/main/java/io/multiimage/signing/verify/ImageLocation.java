package io.multiimage.signing.verify;

import io.multiimage.signing.format.Hex;
import java.util.Objects;

/**
 * Where a verified image lives, so that every message names the image, its partition and the
 * flash address of a problem rather than only an offset.
 *
 * @param image     the image's name ({@code app}, {@code net_core_app})
 * @param partition the partition it is in ({@code mcuboot_primary})
 * @param address   the flash address of the image's first byte (its header)
 */
public record ImageLocation(String image, String partition, long address) {

    /** Checks the names are present. */
    public ImageLocation {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(partition, "partition");
    }

    /** {@code offset 0x1204 (address 0x0000d204)}. */
    String offset(long offset) {
        return "offset " + Hex.offset(offset) + " (address " + Hex.address(address + offset) + ")";
    }

    /** {@code image 'app' in partition 'mcuboot_primary' at 0x0000c000}. */
    @Override
    public String toString() {
        return "image '" + image + "' in partition '" + partition + "' at " + Hex.address(address);
    }
}
