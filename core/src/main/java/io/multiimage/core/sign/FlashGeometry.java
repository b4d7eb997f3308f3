package io.multiimage.core.sign;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeException;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.devicetree.Property;
import io.multiimage.core.spi.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The flash geometry of an image's board, from the flash node {@code chosen/zephyr,flash} names in
 * the image's merged devicetree ({@code zephyr.dts}): {@code write-block-size}, to which MCUboot's
 * trailer is aligned (NCS's {@code CONFIG_MCUBOOT_FLASH_WRITE_BLOCK_SIZE} defaults to it), and
 * {@code erase-block-size}, the sector size the layout lock records.
 *
 * @param writeBlock the write block size; {@link #DEFAULT_WRITE_BLOCK} when the node gives none
 * @param eraseBlock the erase block (sector) size, when the node gives one
 */
public record FlashGeometry(int writeBlock, OptionalLong eraseBlock) {

    /** What a flash node without {@code write-block-size} gets: NCS's default, 4 bytes. */
    public static final int DEFAULT_WRITE_BLOCK = 4;

    /**
     * The geometry in {@code zephyrDts}; the defaults when the file does not exist.
     *
     * @throws InvalidConfigurationException the devicetree cannot be read, or a value is not one cell
     */
    public static FlashGeometry of(Path zephyrDts) throws InvalidConfigurationException {
        if (!Files.isRegularFile(zephyrDts)) {
            return new FlashGeometry(DEFAULT_WRITE_BLOCK, OptionalLong.empty());
        }
        try {
            // Quietly: the tree was merged and logged by the devicetree step already.
            DeviceTree tree = new DevicetreeMerger(BuildLog.silent()).parse(zephyrDts, List.of());
            OptionalLong write = cell(tree, "write-block-size");
            return new FlashGeometry((int) write.orElse(DEFAULT_WRITE_BLOCK), cell(tree, "erase-block-size"));
        } catch (DevicetreeException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
    }

    private static OptionalLong cell(DeviceTree tree, String name) throws InvalidConfigurationException {
        Optional<Property> property = tree.chosen("zephyr,flash").flatMap(node -> node.property(name));
        if (property.isEmpty()) {
            return OptionalLong.empty();
        }
        long[] cells = property.get().value().cells();
        if (cells.length != 1 || cells[0] < 1 || cells[0] > 0x100000) {
            throw new InvalidConfigurationException(property.get().location() + ": " + name + " of the flash node"
                    + " must be one cell between 1 and 0x100000");
        }
        return OptionalLong.of(cells[0]);
    }
}
