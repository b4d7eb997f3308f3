package io.multiimage.core.devicetree;

import java.util.List;

/**
 * A {@code /memreserve/ ADDRESS SIZE;} entry.
 *
 * @param labels labels written before it, in output order
 * @param address start address
 * @param size size in bytes
 */
public record MemoryReservation(List<String> labels, long address, long size) {

    /** Copies the label list. */
    public MemoryReservation {
        labels = List.copyOf(labels);
    }
}
