package io.multiimage.partition;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which RAM partition an image runs in: its own {@code <image>_sram} when the layout has one,
 * else its domain's {@code sram_primary}. The place step, the devicetree export and the memory
 * report all ask here, so they cannot disagree about an image's RAM.
 */
public final class ImageRam {

    /** The RAM partition (and region) every image of a domain shares unless it has its own. */
    public static final String DOMAIN_RAM = "sram_primary";

    private static final String OWN_SUFFIX = "_sram";

    private ImageRam() {}

    /** {@code <image>_sram}: the name of a RAM partition reserved for {@code image}. */
    public static String ownPartition(String image) {
        return image + OWN_SUFFIX;
    }

    /** Whether {@code partition} names an image's own RAM partition, which belongs in {@link #DOMAIN_RAM}. */
    public static boolean isOwnPartition(String partition) {
        return partition.endsWith(OWN_SUFFIX);
    }

    /** The partitions {@code image} may run in, preferred first. */
    public static List<String> candidates(String image) {
        return List.of(ownPartition(image), DOMAIN_RAM);
    }

    /**
     * The first of {@link #candidates(String)} that {@code lookup} finds, so callers keep their own
     * partition type.
     */
    public static <P> Optional<P> choose(String image, Function<String, Optional<P>> lookup) {
        for (String name : candidates(image)) {
            Optional<P> found = lookup.apply(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
