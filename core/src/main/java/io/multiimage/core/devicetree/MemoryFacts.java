package io.multiimage.core.devicetree;

import java.util.List;
import java.util.Optional;

/**
 * What placement needs from an image's devicetree.
 *
 * @param flash the memory {@code chosen/zephyr,flash} points at
 * @param sram the memory {@code chosen/zephyr,sram} points at
 * @param codePartitionPath path of {@code chosen/zephyr,code-partition}, if set
 * @param externalFlash external NOR flash chips in output order
 * @param partitionTables every {@code fixed-partitions} node in output order
 */
public record MemoryFacts(MemoryRegion flash, MemoryRegion sram, Optional<String> codePartitionPath,
        List<ExternalFlash> externalFlash, List<PartitionTable> partitionTables) {

    /** Copies the lists. */
    public MemoryFacts {
        externalFlash = List.copyOf(externalFlash);
        partitionTables = List.copyOf(partitionTables);
    }

    /** The partition {@code chosen/zephyr,code-partition} names, if any. */
    public Optional<FlashPartition> codePartition() {
        if (codePartitionPath.isEmpty()) {
            return Optional.empty();
        }
        for (PartitionTable table : partitionTables) {
            for (FlashPartition partition : table.partitions()) {
                if (partition.nodePath().equals(codePartitionPath.get())) {
                    return Optional.of(partition);
                }
            }
        }
        return Optional.empty();
    }

    /** The partition table of the flash device at {@code flashDevicePath}, if it has one. */
    public Optional<PartitionTable> partitionsOf(String flashDevicePath) {
        for (PartitionTable table : partitionTables) {
            if (table.flashDevicePath().equals(flashDevicePath)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }
}
