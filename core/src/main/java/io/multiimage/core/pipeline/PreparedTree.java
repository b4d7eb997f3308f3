package io.multiimage.core.pipeline;

import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.partition.MemoryReport;
import io.multiimage.partition.OutputDomain;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
public record PreparedTree(
        Map<String, ConfiguredImage> images, Map<String, ImagePlacement> placements, List<OutputDomain> domains) {

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

    /**
     * The memory map of every domain and region as a table, then the images placed by
     * {@code CONFIG_FLASH_LOAD_OFFSET} outside the partition manager (by domain and address), with
     * where the offset was set.
     */
    public String memoryMap() {
        StringBuilder map = new StringBuilder(MemoryReport.text(domains));
        List<Map.Entry<String, ImagePlacement>> byOffset = placements.entrySet().stream()
                .filter(entry -> entry.getValue().byLoadOffset())
                .sorted(Comparator.comparing((Map.Entry<String, ImagePlacement> e) ->
                                e.getValue().domain())
                        .thenComparingLong(e -> e.getValue().flash().origin())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        if (!byOffset.isEmpty()) {
            map.append("placed by ")
                    .append(ImagePlacement.LOAD_OFFSET_SYMBOL)
                    .append(" (outside the partition manager)\n");
            map.append(String.format(
                    Locale.ROOT, "  %-12s %-12s %-10s %-9s %s%n", "start", "end", "size", "domain", "name (origin)"));
            for (Map.Entry<String, ImagePlacement> entry : byOffset) {
                ImagePlacement placement = entry.getValue();
                map.append(String.format(
                        Locale.ROOT,
                        "  %-12s %-12s %-10s %-9s | %s (%s)%n",
                        MemoryRegion.hex(placement.flash().origin()),
                        MemoryRegion.hex(placement.flash().end()),
                        MemoryRegion.hex(placement.flash().size()),
                        placement.domain(),
                        entry.getKey(),
                        placement.loadOffsetOrigin().orElseThrow()));
            }
            map.append('\n');
        }
        return map.toString();
    }
}
