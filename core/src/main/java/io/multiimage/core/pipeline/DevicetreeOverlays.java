package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.Board;
import io.multiimage.core.bridge.DevicetreeExporter;
import io.multiimage.core.bridge.RegionNodes;
import io.multiimage.core.config.SelectedFile;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.OutputDomain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code firmware:export-devicetree}: the placed layout of a prepared tree written as one
 * devicetree overlay per image this module owns, {@code target/firmware/<image>/partitions.overlay}
 * ({@link DevicetreeExporter}). Each overlay is made for the image's own devicetree (its board,
 * the board's revision overlay and the image's overlays) and points
 * {@code zephyr,code-partition} at the partition the image was placed in, with the layout's
 * addresses seen through the image's own board ({@link AliasedLayout}). An image placed by
 * {@code CONFIG_FLASH_LOAD_OFFSET} has no partition and gets no overlay.
 */
public final class DevicetreeOverlays {

    /** The file name of each image's overlay. */
    public static final String FILE_NAME = "partitions.overlay";

    private DevicetreeOverlays() {}

    /**
     * Writes the overlays; returns the files written, in tree order. Every overlay is made before
     * the first is written, so a layout the devicetree cannot take leaves no file behind.
     *
     * @throws InvalidConfigurationException when a region has no node in an image's devicetree, a
     *     partition lies outside it, or a partition name cannot be a devicetree label
     */
    public static List<Path> write(BuildRequest request, PreparedTree tree, RegionNodes regions, BuildLog log)
            throws InvalidConfigurationException, IOException {
        String rootDomain = tree.images().get(request.rootImage()).domain();
        ImageDirectories dirs = ImageDirectories.of(request);
        DevicetreeExporter exporter = new DevicetreeExporter(regions);
        Map<Path, String> overlays = new LinkedHashMap<>();
        for (ConfiguredImage image : tree.images().values()) {
            if (!request.scope().includes(image.name())) {
                continue;
            }
            ImagePlacement placement = tree.placements().get(image.name());
            if (placement.byLoadOffset()) {
                log.info("Image '" + image.name() + "' is placed by " + placement.describe()
                        + ", not by a partition: no devicetree overlay");
                continue;
            }
            String pmDomain = image.domain().equals(rootDomain) ? "" : image.domain();
            // As the image's own board sees the memory: a secure image linked at the secure alias
            // of its partition gets its partitions there.
            OutputDomain layout = AliasedLayout.seenWith(
                    tree.domains().stream()
                            .filter(d -> d.name().equals(pmDomain))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no layout for domain " + image.domain())),
                    placement.aliasShift());
            String source = new DomainConfig(pmDomain, List.of(), null, List.of()).partitionsFileName();
            try {
                overlays.put(
                        dirs.of(image.name()).resolve(FILE_NAME),
                        exporter.overlay(layout, source, devicetreeOf(image), image.name(), placement.partition()));
            } catch (InvalidConfigurationException e) {
                e.blameImage(image.name());
                throw e;
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> overlay : overlays.entrySet()) {
            OutputFiles.writeIfChanged(overlay.getKey(), overlay.getValue());
            log.info("Devicetree overlay: " + request.layout().relative(overlay.getKey()));
            written.add(overlay.getKey());
        }
        return List.copyOf(written);
    }

    /** The image's devicetree as the devicetree step merges it. */
    private static DeviceTree devicetreeOf(ConfiguredImage image) throws InvalidConfigurationException {
        Board board = image.board();
        List<Path> overlays = new ArrayList<>(board.boardOverlays());
        if (image.configuration().isPresent()) {
            for (SelectedFile overlay : image.configuration().get().plan().overlays()) {
                overlays.add(overlay.path());
            }
        }
        return new DevicetreeMerger().merge(board.dts(), overlays, board.includeDirs());
    }
}
