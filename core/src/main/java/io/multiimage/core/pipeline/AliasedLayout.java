package io.multiimage.core.pipeline;

import io.multiimage.partition.OutputDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain's layout as an image sees it whose board shows the domain's memory through another
 * alias ({@link AliasPlacement}): the partitions of the memory-mapped regions ({@code flash_primary},
 * {@code sram_primary}) and those regions' base addresses moved by the image's alias shift. An
 * external flash is addressed by its own offsets and does not move.
 */
final class AliasedLayout {

    /** The regions that lie in the CPU's address space, seen through the alias. */
    private static final List<String> MAPPED_REGIONS = List.of("flash_primary", "sram_primary");

    private AliasedLayout() {}

    /** {@code layout} moved by {@code shift} bytes; {@code layout} itself when the shift is 0. */
    static OutputDomain seenWith(OutputDomain layout, long shift) {
        if (shift == 0) {
            return layout;
        }
        Map<String, Map<String, Object>> partitions = new LinkedHashMap<>();
        layout.partitions()
                .forEach((name, properties) -> partitions.put(
                        name,
                        MAPPED_REGIONS.contains(String.valueOf(properties.get("region")))
                                ? moved(properties, shift, "address", "end_address")
                                : properties));
        Map<String, Map<String, Object>> regions = new LinkedHashMap<>();
        layout.regions()
                .forEach((name, properties) -> regions.put(
                        name, MAPPED_REGIONS.contains(name) ? moved(properties, shift, "base_address") : properties));
        return new OutputDomain(layout.name(), partitions, regions);
    }

    private static Map<String, Object> moved(Map<String, Object> properties, long shift, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        for (String key : keys) {
            if (copy.get(key) instanceof Number number) {
                copy.put(key, number.longValue() + shift);
            }
        }
        return copy;
    }
}
