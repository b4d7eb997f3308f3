package io.multiimage.core.bridge;

import java.util.Map;
import java.util.Optional;

/**
 * The node labels Zephyr's boards, MCUboot and the settings subsystem know partitions by, for the
 * partition manager's names of the same areas. The exporter adds them beside its own
 * {@code <name>_partition} label, so code written for Zephyr's labels finds the partitions; the
 * importer reads them back where a node has no usable {@code label} property.
 */
final class ZephyrLabels {

    private static final Map<String, String> BY_PARTITION = Map.of(
            "mcuboot", "boot_partition",
            "mcuboot_primary", "slot0_partition",
            "mcuboot_secondary", "slot1_partition",
            "mcuboot_primary_1", "slot2_partition",
            "mcuboot_secondary_1", "slot3_partition",
            "mcuboot_scratch", "scratch_partition",
            "settings_storage", "storage_partition");

    private ZephyrLabels() {}

    /** Zephyr's label for the partition manager's {@code partition}, if it has one. */
    static Optional<String> forPartition(String partition) {
        return Optional.ofNullable(BY_PARTITION.get(partition));
    }

    /** The partition manager's name for Zephyr's node label {@code label}, if it is one of those. */
    static Optional<String> partitionFor(String label) {
        return BY_PARTITION.entrySet().stream()
                .filter(e -> e.getValue().equals(label))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The exporter's own label of a partition: {@code <name>_partition}. */
    static String ownLabel(String partition) {
        return partition + "_partition";
    }
}
