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
    public static void require(
            String image,
            BuildStrategy strategy,
            Set<String> staticPartitions,
            Optional<PartitionSuggestion> suggestion)
            throws ImageModelException {
        require(image, strategy, staticPartitions, suggestion, "pm_static.yml");
    }

    /**
     * As {@link #require(String, BuildStrategy, Set, Optional)}, naming the static layout file
     * the image's domain is read from (e.g. {@code app/pm_static_CPUNET.yml}) in the message;
     * without the image names it cannot tell a misspelling.
     *
     * @param staticFile the file to add the entry to, as the user should see it
     * @throws ImageModelException naming the image, the file and the entry to add
     */
    public static void require(
            String image,
            BuildStrategy strategy,
            Set<String> staticPartitions,
            Optional<PartitionSuggestion> suggestion,
            String staticFile)
            throws ImageModelException {
        require(image, strategy, staticPartitions, suggestion, staticFile, staticPartitions);
    }

    /**
     * As {@link #require(String, BuildStrategy, Set, Optional, String)}; when the static file
     * has a partition that matches none of {@code expectedNames} and is close to the image's
     * name ({@link ClosestName}), the image's name is more likely a misspelling than the entry
     * missing, and the message says so first.
     *
     * @param expectedNames the names a static partition may have without being a misspelling:
     *     every image of the tree and the dynamic partition ({@code app})
     * @throws ImageModelException naming the image, the file, a likely misspelling and the entry to add
     */
    public static void require(
            String image,
            BuildStrategy strategy,
            Set<String> staticPartitions,
            Optional<PartitionSuggestion> suggestion,
            String staticFile,
            Set<String> expectedNames)
            throws ImageModelException {
        if (!strategy.needsStaticPartition() || staticPartitions.contains(image)) {
            return;
        }
        String entry = suggestion
                .map(s -> s.yamlEntry(image))
                .orElse(image + ":\n  address: <address>\n  size: <size>\n  region: flash_primary");
        Optional<String> meant = ClosestName.among(
                image,
                staticPartitions.stream()
                        .filter(name -> !expectedNames.contains(name))
                        .sorted()
                        .toList());
        if (meant.isPresent()) {
            throw new ImageModelException(
                    image,
                    "Image '" + image + "' uses build strategy " + strategy.id()
                            + ", which needs a static partition '" + image + "'; " + staticFile + " has a partition '"
                            + meant.get() + "' that matches no image: is '" + image + "' a misspelling of '"
                            + meant.get()
                            + "'? Name the image '" + meant.get() + "', or add this entry to " + staticFile + ":\n"
                            + entry);
        }
        throw new ImageModelException(
                image,
                "Image '" + image + "' uses build strategy " + strategy.id()
                        + ", which needs a static partition, but " + staticFile + " has no partition '" + image
                        + "'. Add this entry to " + staticFile + ":\n" + entry);
    }
}
