package io.multiimage.core.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One image after the build step.
 *
 * @param name the image
 * @param placement where it lives
 * @param strategy {@code from-source}, {@code use-hex} or {@code skip}
 * @param strategyOrigin who chose the strategy, e.g. {@code -Dmcuboot.buildStrategy}
 * @param hex the image's HEX in its build directory; empty for a skipped image
 * @param hexOrigin where a prebuilt HEX came from (file or coordinates); empty when built here
 * @param upToDate true when nothing had to be done
 * @param inputs every input that decided the image's content, name → sha256, sorted by name
 * @param outputs every file the image's build produced, file name → sha256, sorted by name
 */
public record BuiltImage(
        String name,
        ImagePlacement placement,
        String strategy,
        String strategyOrigin,
        Optional<Path> hex,
        Optional<String> hexOrigin,
        boolean upToDate,
        Map<String, String> inputs,
        Map<String, String> outputs) {

    /** Checks the parts and takes sorted copies of the maps. */
    public BuiltImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(hex, "hex");
        Objects.requireNonNull(hexOrigin, "hexOrigin");
        inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
        outputs = Collections.unmodifiableSortedMap(new TreeMap<>(outputs));
    }
}
