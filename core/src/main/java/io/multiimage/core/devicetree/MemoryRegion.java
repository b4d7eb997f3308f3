package io.multiimage.core.devicetree;

import java.util.List;

/**
 * A block of memory taken from a node's {@code reg}: the flash or SRAM an image runs from.
 *
 * @param nodePath full path of the node, e.g. {@code /soc/flash-controller@4001e000/flash@0}
 * @param labels labels on the node
 * @param address start address (the first {@code reg} entry)
 * @param size size in bytes
 */
public record MemoryRegion(String nodePath, List<String> labels, long address, long size) {

    /** Copies the label list. */
    public MemoryRegion {
        labels = List.copyOf(labels);
    }

    /** First address after the region. */
    public long end() {
        return address + size;
    }
}
