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
        require(image, strategy, staticPartitions, suggestion, "pm_static.yml");
    }

    /**
     * As {@link #require(String, BuildStrategy, Set, Optional)}, naming the static layout file
     * the image's domain is read from (e.g. {@code app/pm_static_CPUNET.yml}) in the message.
     *
     * @param staticFile the file to add the entry to, as the user should see it
     * @throws ImageModelException naming the image, the file and the entry to add
     */
    public static void require(String image, BuildStrategy strategy, Set<String> staticPartitions,
            Optional<PartitionSuggestion> suggestion, String staticFile) throws ImageModelException {
        if (!strategy.needsStaticPartition() || staticPartitions.contains(image)) {
            return;
        }
        String entry = suggestion.map(s -> s.yamlEntry(image))
                .orElse(image + ":\n  address: <address>\n  size: <size>\n  region: flash_primary");
        throw new ImageModelException(image, "Image '" + image + "' uses build strategy " + strategy.id()
                + ", which needs a static partition, but " + staticFile + " has no partition '" + image
                + "'. Add this entry to " + staticFile + ":\n" + entry);
    }
}
