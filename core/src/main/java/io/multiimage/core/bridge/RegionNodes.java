package io.multiimage.core.bridge;

import io.multiimage.core.InvalidConfigurationException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which devicetree node holds the partitions of a region, where the standard choice does not
 * apply: {@code flash_primary} is the memory {@code chosen/zephyr,flash} names,
 * {@code external_flash} the chip {@code chosen/nordic,pm-ext-flash} names, {@code sram_primary}
 * the RAM under {@code /reserved-memory}, and any other region the node labelled like the
 * region ({@code otp:}, {@code ram_flash:}) unless a mapping here names another label.
 *
 * <pre>{@code
 * RegionNodes regions = RegionNodes.parse(List.of("otp=uicr", "ram_flash=flash_sim0"));
 * }</pre>
 */
public final class RegionNodes {

    private static final RegionNodes STANDARD = new RegionNodes(Map.of());

    private final Map<String, String> labels;

    private RegionNodes(Map<String, String> labels) {
        this.labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** Only the standard choices. */
    public static RegionNodes standard() {
        return STANDARD;
    }

    /**
     * Mappings written {@code REGION=NODE_LABEL}, e.g. {@code otp=uicr}.
     *
     * @throws InvalidConfigurationException for an entry without {@code =}, with an empty side, or
     *     naming a region twice
     */
    public static RegionNodes parse(List<String> entries) throws InvalidConfigurationException {
        Map<String, String> labels = new TreeMap<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            String region = eq < 0 ? "" : trimmed.substring(0, eq).strip();
            String label = eq < 0 ? "" : trimmed.substring(eq + 1).strip();
            if (label.startsWith("&")) {
                label = label.substring(1);
            }
            if (region.isEmpty() || label.isEmpty()) {
                throw new InvalidConfigurationException(
                        "region mapping '" + entry + "' is not REGION=NODE_LABEL (e.g. otp=uicr)");
            }
            if (labels.put(region, label) != null) {
                throw new InvalidConfigurationException("region '" + region + "' is mapped twice");
            }
        }
        return new RegionNodes(labels);
    }

    /** The node label given for {@code region}, if any. */
    Optional<String> labelFor(String region) {
        return Optional.ofNullable(labels.get(region));
    }

    /** The regions given a node, sorted. */
    Map<String, String> mappings() {
        return labels;
    }
}
