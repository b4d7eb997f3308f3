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

/**
 * The flash write block size of an image's board: {@code write-block-size} of the flash node
 * {@code chosen/zephyr,flash} names in the image's merged devicetree ({@code zephyr.dts}). MCUboot's
 * trailer is aligned to it (NCS's {@code CONFIG_MCUBOOT_FLASH_WRITE_BLOCK_SIZE} defaults to it).
 */
public final class FlashWriteBlock {

    /** What a flash node without {@code write-block-size} gets: NCS's default, 4 bytes. */
    public static final int DEFAULT = 4;

    private FlashWriteBlock() {}

    /**
     * The write block size in {@code zephyrDts}; {@link #DEFAULT} when the flash node does not give one.
     *
     * @throws InvalidConfigurationException the devicetree cannot be read, or the value is not one cell
     */
    public static int of(Path zephyrDts) throws InvalidConfigurationException {
        if (!Files.isRegularFile(zephyrDts)) {
            return DEFAULT;
        }
        try {
            // Quietly: the tree was merged and logged by the devicetree step already.
            DeviceTree tree = new DevicetreeMerger(BuildLog.silent()).parse(zephyrDts, List.of());
            Optional<Property> property = tree.chosen("zephyr,flash").flatMap(node -> node.property("write-block-size"));
            if (property.isEmpty()) {
                return DEFAULT;
            }
            long[] cells = property.get().value().cells();
            if (cells.length != 1 || cells[0] < 1 || cells[0] > 1024) {
                throw new InvalidConfigurationException(property.get().location() + ": write-block-size of the flash"
                        + " node must be one cell between 1 and 1024");
            }
            return (int) cells[0];
        } catch (DevicetreeException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
    }
}
