package io.multiimage.core.pipeline;

import io.multiimage.partition.MemoryReport;
import io.multiimage.partition.OutputDomain;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tree after configure and place, before anything is compiled: what
 * {@code firmware:config} and {@code firmware:partitions} show.
 *
 * @param images every image taking part, in tree pre-order
 * @param placements where each image lives
 * @param domains every domain's layout (the default domain first), as the header generator sees it
 */
public record PreparedTree(Map<String, ConfiguredImage> images, Map<String, ImagePlacement> placements,
        List<OutputDomain> domains) {

    /** Freezes the parts. */
    public PreparedTree {
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
        placements = Collections.unmodifiableMap(new LinkedHashMap<>(placements));
        domains = List.copyOf(domains);
    }

    /** The image named {@code name}, if it takes part. */
    public Optional<ConfiguredImage> image(String name) {
        return Optional.ofNullable(images.get(name));
    }

    /** The memory map of every domain and region as a table. */
    public String memoryMap() {
        return MemoryReport.text(domains);
    }
}
