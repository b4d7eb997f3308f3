package io.multiimage.core.sign;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the layout puts an MCUboot-format image: a slot partition that spans a header pad and
 * the image's own partition, the pad right in front of the image.
 *
 * @param image the image's name
 * @param domain the image's domain ({@code ""} for the top image's)
 * @param prefix the NCS file-name prefix: {@code app} for the application in MCUboot's primary
 *     slot of the top domain, {@code net_core_app} for that of another domain, else the image name
 * @param slot the slot ({@code mcuboot_primary}, {@code s0}): the signed image plus trailer must fit it
 * @param header the pad before the image ({@code mcuboot_pad}, {@code s0_pad}): its size is the header size
 * @param partition the image's own partition, linked right after the pad
 * @param secondary the slot the update is written to ({@code mcuboot_secondary}, {@code s1}), if any
 */
public record SigningSlot(
        String image,
        String domain,
        String prefix,
        SlotPartition slot,
        SlotPartition header,
        SlotPartition partition,
        Optional<SlotPartition> secondary) {

    /** Checks the parts. */
    public SigningSlot {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(secondary, "secondary");
    }

    /** True for the application slot MCUboot boots ({@code mcuboot_primary}): its files get NCS's names. */
    public boolean isMcubootApplication() {
        return slot.name().equals(SigningSlots.MCUBOOT_PRIMARY);
    }

    /** {@code <prefix>_signed.hex}. */
    public String signedHexName() {
        return prefix + "_signed.hex";
    }

    /** {@code <prefix>_update.bin}. */
    public String updateBinName() {
        return prefix + "_update.bin";
    }

    /** {@code <prefix>_test_update.hex}. */
    public String testUpdateHexName() {
        return prefix + "_test_update.hex";
    }

    /** {@code <prefix>_moved_test_update.hex}. */
    public String movedTestUpdateHexName() {
        return prefix + "_moved_test_update.hex";
    }
}
