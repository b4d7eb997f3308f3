package io.multiimage.core.verify;

import io.multiimage.core.sign.SigningSlot;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.core.toolchain.MemoryRegion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a merged file must hold for one image.
 *
 * @param name the image
 * @param partition its own partition: its vector table starts there
 * @param ram the RAM its initial stack pointer must point into (the top of it included)
 * @param slot the MCUboot-format slot it is signed for, if any
 * @param bootsInto for a bootloader, the partitions it was built to boot into, with the addresses it was built for
 * @param origin where {@link #bootsInto} comes from, for messages ({@code built here}, {@code build-info of g:a:v})
 */
public record ExpectedImage(
        String name,
        SlotPartition partition,
        MemoryRegion ram,
        Optional<SigningSlot> slot,
        List<BootTarget> bootsInto,
        String origin) {

    /** Checks the parts. */
    public ExpectedImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(ram, "ram");
        Objects.requireNonNull(slot, "slot");
        bootsInto = List.copyOf(bootsInto);
        Objects.requireNonNull(origin, "origin");
    }
}
