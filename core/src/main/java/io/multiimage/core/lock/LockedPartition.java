package io.multiimage.core.lock;

import java.util.Objects;

/**
 * A partition the layout lock holds still.
 *
 * @param name the partition
 * @param address where it starts
 * @param size its size
 * @param kind {@code immutable} (an image or pad before the application slot: it cannot move) or
 *     {@code slot} (an MCUboot-format slot: its size and address are what bootloaders were built for)
 */
public record LockedPartition(String name, long address, long size, String kind) {

    /** An image or pad before the application slot. */
    public static final String IMMUTABLE = "immutable";
    /** An MCUboot-format slot. */
    public static final String SLOT = "slot";

    /** Checks the parts. */
    public LockedPartition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
