package io.multiimage.core.config;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which files configure an image and why: the Kconfig fragments in merge order, the single
 * values of the generated {@code command line} fragment, and the devicetree overlays in
 * order.
 *
 * @param image the image name
 * @param row the §3 row that chose the base and board files
 * @param kconfigFiles the fragment files in merge order (steps 1–5 of §4)
 * @param commandLineValues the single values {@code CONFIG_X} → verbatim value (step 6), sorted
 * @param overlays the devicetree overlays in order (§5)
 * @param notes free-text lines explaining the choices
 * @param warnings deprecation notes and similar
 */
public record ConfigurationPlan(
        String image,
        KconfigRow row,
        List<SelectedFile> kconfigFiles,
        SortedMap<String, String> commandLineValues,
        List<SelectedFile> overlays,
        List<String> notes,
        List<String> warnings) {

    /** Freezes the parts. */
    public ConfigurationPlan {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(row, "row");
        kconfigFiles = List.copyOf(kconfigFiles);
        commandLineValues = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(commandLineValues));
        overlays = List.copyOf(overlays);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** The generated fragment: one {@code CONFIG_X=v} line per value, sorted by symbol. */
    public String commandLineFragment() {
        StringBuilder text = new StringBuilder();
        commandLineValues.forEach(
                (symbol, value) -> text.append(symbol).append('=').append(value).append('\n'));
        return text.toString();
    }
}
