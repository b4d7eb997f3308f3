package io.multiimage.core.report;

import java.util.Objects;

/**
 * What signing adds around an image the layout puts in an MCUboot-format slot: the header in the
 * pad partition in front of it, the TLV area (hash, key, signature) right after its last byte, and
 * the trailer MCUboot keeps at the end of the slot. The TLVs and the trailer lie in the image's
 * own partition, so they count as flash it uses; the header fills the pad.
 *
 * @param slot the slot ({@code mcuboot_primary}, {@code s0})
 * @param header the pad partition holding the header ({@code mcuboot_pad}, {@code s0_pad})
 * @param headerBytes the header's size (the pad's size)
 * @param tlvBytes bytes of the TLV areas after the image
 * @param trailerBytes bytes MCUboot's trailer takes at the end of the slot
 */
public record SignedFraming(String slot, String header, long headerBytes, long tlvBytes, long trailerBytes) {

    /** Checks the parts. */
    public SignedFraming {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(header, "header");
        if (headerBytes < 0 || tlvBytes < 0 || trailerBytes < 0) {
            throw new IllegalArgumentException("negative size in " + slot);
        }
    }

    /** Bytes of the image's own partition signing takes: TLVs and trailer. */
    public long inPartition() {
        return tlvBytes + trailerBytes;
    }
}
