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
 * @param pmExternalFlashPath path of {@code chosen/nordic,pm-ext-flash}, the external flash
 *     the partition manager may place partitions in, if set
 * @param flashEraseBlockSize the flash node's {@code erase-block-size} (page size), if given
 * @param flashControllerLabel first label of the flash node's parent (the partition
 *     manager's device name, {@code flash_controller}), if it has one
 */
public record MemoryFacts(
        MemoryRegion flash,
        MemoryRegion sram,
        Optional<String> codePartitionPath,
        List<ExternalFlash> externalFlash,
        List<PartitionTable> partitionTables,
        Optional<String> pmExternalFlashPath,
        Optional<Long> flashEraseBlockSize,
        Optional<String> flashControllerLabel) {

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

    /** The external flash {@code chosen/nordic,pm-ext-flash} names, if any. */
    public Optional<ExternalFlash> pmExternalFlash() {
        if (pmExternalFlashPath.isEmpty()) {
            return Optional.empty();
        }
        return externalFlash.stream()
                .filter(f -> f.nodePath().equals(pmExternalFlashPath.get()))
                .findFirst();
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
