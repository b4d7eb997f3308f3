package io.multiimage.core.devicetree;

import java.util.List;
import java.util.Optional;

/**
 * One child of a {@code fixed-partitions} node.
 *
 * @param nodePath full path, e.g. {@code /soc/.../flash@0/partitions/partition@c000}
 * @param nodeLabels labels on the node ({@code slot0_partition})
 * @param label the {@code label} property ({@code "image-0"}), if present
 * @param offset offset from the start of the flash device
 * @param size size in bytes
 * @param readOnly true if the node has {@code read-only;}
 */
public record FlashPartition(
        String nodePath, List<String> nodeLabels, Optional<String> label, long offset, long size, boolean readOnly) {

    /** Copies the label list. */
    public FlashPartition {
        nodeLabels = List.copyOf(nodeLabels);
    }
}
