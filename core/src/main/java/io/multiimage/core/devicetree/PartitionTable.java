package io.multiimage.core.devicetree;

import java.util.List;
import java.util.Optional;

/**
 * A {@code fixed-partitions} node and the flash device it divides.
 *
 * @param nodePath path of the {@code partitions} node
 * @param flashDevicePath path of its parent, the flash device
 * @param flashBase the device's own {@code reg} address when it has one (0x0 for internal
 *     flash, absent for an external SPI/QSPI chip); partition offsets are relative to it
 * @param partitions the partitions in output order
 */
public record PartitionTable(
        String nodePath, String flashDevicePath, Optional<Long> flashBase, List<FlashPartition> partitions) {

    /** Copies the partition list. */
    public PartitionTable {
        partitions = List.copyOf(partitions);
    }
}
