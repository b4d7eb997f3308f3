package io.multiimage.core.bridge;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeMerger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Exports a golden domain for its synthetic board and merges the overlay, as a build would. */
final class BridgeFixture {

    private BridgeFixture() {}

    /** The overlay, the board file and the merged tree of one domain exported for {@code partition}. */
    record Exported(Path board, Path overlay, String text, DeviceTree merged) {}

    static Exported export(GoldenDomains.Domain domain, String partition, Path dir)
            throws IOException, InvalidConfigurationException {
        Path board = dir.resolve("board.dts");
        Files.writeString(board, SyntheticBoard.dts(domain.layout().regions()));
        DeviceTree tree = new DevicetreeMerger().parse(board, List.of());
        String text = new DevicetreeExporter(RegionNodes.standard())
                .overlay(domain.layout(), domain.fileName(), tree, partition, partition);
        Path overlay = dir.resolve(partition + ".overlay");
        Files.writeString(overlay, text);
        DeviceTree merged = new DevicetreeMerger().merge(board, List.of(overlay), List.of());
        return new Exported(board, overlay, text, merged);
    }

    /** A partition of the domain an image could be linked into: {@code app} if there is one, else the first flash partition. */
    static String imagePartition(GoldenDomains.Domain domain) throws InvalidConfigurationException {
        List<LayoutPartition> partitions = LayoutPartitions.of(domain.layout(), domain.fileName());
        return partitions.stream()
                .filter(p -> p.name().equals("app") && !p.isContainer())
                .map(LayoutPartition::name)
                .findFirst()
                .orElseGet(() -> partitions.stream()
                        .filter(p -> !p.isContainer() && !p.region().equals("sram_primary"))
                        .findFirst()
                        .orElseThrow()
                        .name());
    }
}
