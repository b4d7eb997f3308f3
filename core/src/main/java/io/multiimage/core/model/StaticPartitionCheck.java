package io.multiimage.core.model;

import java.util.Optional;
import java.util.Set;

/**
 * The rule of the seed: a child built with {@code use-hex} or {@code skip} must have a static
 * partition, because nothing is linked for it that could report its size.
 */
public final class StaticPartitionCheck {

    private StaticPartitionCheck() {}

    /**
     * Fails when {@code strategy} needs a static partition and {@code staticPartitions} (the
     * partition names of {@code pm_static.yml}) does not contain {@code image}.
     *
     * @param suggestion the address, size and region to propose; when empty the entry shows
     *     {@code <address>} and {@code <size>} for the user to fill in, in {@code flash_primary}
     * @throws ImageModelException naming the image and showing the entry to add
     */
    public static void require(String image, BuildStrategy strategy, Set<String> staticPartitions,
            Optional<PartitionSuggestion> suggestion) throws ImageModelException {
        if (!strategy.needsStaticPartition() || staticPartitions.contains(image)) {
            return;
        }
        String entry = suggestion.map(s -> s.yamlEntry(image))
                .orElse(image + ":\n  address: <address>\n  size: <size>\n  region: flash_primary");
        throw new ImageModelException(image, "Image '" + image + "' uses build strategy " + strategy.id()
                + ", which needs a static partition, but pm_static.yml has no partition '" + image
                + "'. Add this entry to pm_static.yml:\n" + entry);
    }
}
