package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.partition.ImageRam;
import io.multiimage.partition.Layout;
import io.multiimage.partition.Partition;
import io.multiimage.partition.Region;

/**
 * Where the partition manager's layout puts an image. The top-level image takes the dynamic
 * partition {@code app} (or the partition its own {@code pm.yml} names after it, when it has
 * one); the main image of any other domain takes a dynamic partition named after itself; every
 * other image takes the partition named after itself. RAM is {@code <image>_sram}, else the
 * domain's {@code sram_primary}.
 */
final class ManagedPlacement {

    static final String ROOT_PARTITION = "app";

    private ManagedPlacement() {}

    /**
     * The partition an image is placed in: the one named after it; for the top-level image the
     * dynamic partition {@code app}, unless the layout has a partition named after the top-level
     * image too (its own {@code pm.yml} asks for one). A bootloader built on its own then lands
     * where it would in a parent's tree, at the start of flash, instead of behind an empty
     * partition reserved for itself.
     */
    static String partitionOf(String rootImage, ConfiguredImage image, Layout layout) {
        if (!image.name().equals(rootImage)) {
            return image.name();
        }
        return layout.find(image.name()).isPresent() ? image.name() : ROOT_PARTITION;
    }

    /**
     * The placement of {@code image} in the partition {@code partitionName} of {@code layout}.
     *
     * @throws InvalidConfigurationException when the layout has no such partition, saying what to add
     */
    static ImagePlacement of(ConfiguredImage image, String partitionName, Layout layout)
            throws InvalidConfigurationException {
        Partition partition = layout.find(partitionName)
                .orElseThrow(() -> new InvalidConfigurationException(
                        "Image '" + image.name() + "': the partition layout has no partition '" + partitionName
                                + "'; add a pm.yml with a '" + partitionName + "' request to "
                                + image.context().imageDir().getFileName() + "/, or an entry to pm_static.yml"));
        Partition ram = ImageRam.choose(image.name(), layout::find)
                .orElseThrow(() -> new InvalidConfigurationException(
                        "Image '" + image.name() + "': the partition layout has no RAM" + " partition; expected one of "
                                + ImageRam.candidates(image.name())));
        // The flash the partition lies in starts where its region does (flash_primary: zephyr,flash).
        long flashBase = layout.regions().stream()
                .filter(region -> region.name().equals(partition.region()))
                .mapToLong(Region::baseAddress)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "partition " + partitionName + " names no region of the" + " layout: " + partition.region()));
        return new ImagePlacement(
                image.domain(),
                partitionName,
                new MemoryRegion(partition.address(), partition.size()),
                flashBase,
                new MemoryRegion(ram.address(), ram.size()),
                layout.isStatic(partitionName));
    }
}
