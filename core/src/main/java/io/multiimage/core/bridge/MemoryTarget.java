package io.multiimage.core.bridge;

import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeException;
import io.multiimage.core.devicetree.MemoryFactsExtractor;
import io.multiimage.core.devicetree.Node;
import io.multiimage.core.devicetree.Property;
import java.util.Optional;

/**
 * The devicetree node a region's partitions live under, with where it starts in the partition
 * manager's address space and how large it is.
 *
 * @param region the region name
 * @param device the node: a flash memory, an external flash chip, or another labelled memory
 * @param base the address the node's offset 0 stands for: the node's own {@code reg} address for
 *     memory in the address map; for an external chip (whose {@code reg} is a chip select) 0, as
 *     the partition manager counts an external flash from 0
 * @param size the node's size in bytes ({@code reg} size, or an external chip's {@code size}
 *     property in bits / 8), if it has one
 */
record MemoryTarget(String region, Node device, long base, Optional<Long> size) {

    /** Region of the memory {@code chosen/zephyr,flash} names. */
    static final String FLASH_PRIMARY = "flash_primary";
    /** Region of the chip {@code chosen/nordic,pm-ext-flash} names. */
    static final String EXTERNAL_FLASH = "external_flash";
    /** Region of the RAM, written under {@code /reserved-memory}. */
    static final String SRAM_PRIMARY = "sram_primary";

    /**
     * The node of {@code region} in {@code tree}, if there is one.
     *
     * @throws DevicetreeException when a mapping names a label no node has, or the node's
     *     {@code reg} or {@code size} has the wrong shape
     */
    static Optional<MemoryTarget> find(DeviceTree tree, String region, RegionNodes mapping) throws DevicetreeException {
        Optional<String> label = mapping.labelFor(region);
        Optional<Node> device;
        if (label.isPresent()) {
            device = tree.nodeByLabel(label.get());
            if (device.isEmpty()) {
                throw new DevicetreeException("region " + region + " is mapped to node label '" + label.get()
                        + "', which no node of the devicetree carries");
            }
        } else if (region.equals(FLASH_PRIMARY)) {
            device = tree.chosen("zephyr,flash");
        } else if (region.equals(EXTERNAL_FLASH)) {
            device = tree.chosen("nordic,pm-ext-flash");
        } else {
            device = tree.nodeByLabel(region);
        }
        if (device.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(region, device.get()));
    }

    /** The target of {@code region} at {@code device}. */
    static MemoryTarget of(String region, Node device) throws DevicetreeException {
        boolean chip = MemoryFactsExtractor.EXTERNAL_FLASH_COMPATIBLES.stream().anyMatch(device::isCompatible);
        if (chip) {
            Optional<Long> size = Optional.empty();
            Optional<Property> bits = device.property("size");
            if (bits.isPresent()) {
                if (bits.get().value().length() != 4) {
                    throw new DevicetreeException(
                            bits.get().location(),
                            "'size' of " + device.path() + " must be one 32-bit cell (capacity in bits)");
                }
                size = Optional.of(bits.get().value().cells()[0] / 8);
            }
            return new MemoryTarget(region, device, 0, size);
        }
        if (device.property("reg").isEmpty() || device.parent().isEmpty()) {
            return new MemoryTarget(region, device, 0, Optional.empty());
        }
        long[] reg = MemoryFactsExtractor.firstReg(device);
        return new MemoryTarget(region, device, reg[0], Optional.of(reg[1]));
    }

    /** How an overlay names the node: {@code &label}, or {@code &{/path}} for a node without one. */
    String reference() {
        return device.labels().isEmpty()
                ? "&{" + device.path() + "}"
                : "&" + device.labels().get(0);
    }
}
