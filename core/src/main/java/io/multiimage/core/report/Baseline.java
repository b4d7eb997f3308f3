package io.multiimage.core.report;

import io.multiimage.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A released build to compare with, read from its {@code build-info.json}: every image's
 * domain, partition and (when the build recorded them) flash and RAM used, and every domain's
 * partitions. A {@code build-info.json} written before memory figures were recorded has no
 * {@code memory} per image nor {@code layout}: its images' partitions are still compared, their
 * sizes are unknown.
 *
 * @param label what the baseline is, for the report: coordinates or a path
 * @param images every image of the baseline by name, in its order
 * @param layout per domain, every partition by name
 */
public record Baseline(String label, Map<String, Image> images, Map<String, Map<String, PartitionFacts>> layout) {

    /**
     * One image of the baseline.
     *
     * @param name the image
     * @param domain its domain
     * @param flashUsed its flash used; empty when not recorded
     * @param ramUsed its RAM used; empty when not recorded
     */
    public record Image(String name, String domain, Optional<Long> flashUsed, Optional<Long> ramUsed) {}

    /** Freezes the parts. */
    public Baseline {
        Objects.requireNonNull(label, "label");
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
        Map<String, Map<String, PartitionFacts>> copy = new LinkedHashMap<>();
        layout.forEach(
                (domain, partitions) -> copy.put(domain, Collections.unmodifiableMap(new LinkedHashMap<>(partitions))));
        layout = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads the {@code build-info.json} {@code file}, which {@code label} names in the report and
     * in messages.
     *
     * @throws InvalidConfigurationException when the file does not exist or is not a build-info.json
     * @throws IOException when it cannot be read
     */
    public static Baseline read(Path file, String label) throws IOException, InvalidConfigurationException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidConfigurationException("Baseline " + label + ": " + file + " does not exist; give the"
                    + " build-info.json of the build to compare with");
        }
        return parse(text, label, file.toString());
    }

    /**
     * Parses the text of a {@code build-info.json} read from {@code source}.
     *
     * @throws InvalidConfigurationException when it is not JSON or not a build-info.json
     */
    public static Baseline parse(String text, String label, String source) throws InvalidConfigurationException {
        Object root = JsonReader.parse(text, source);
        if (!(root instanceof Map<?, ?> document) || !(document.get("images") instanceof List<?> list)) {
            throw new InvalidConfigurationException("Baseline " + label + ": " + source + " is not a build-info.json"
                    + " (expected an object with an \"images\" array)");
        }
        Map<String, Image> images = new LinkedHashMap<>();
        Map<String, Map<String, PartitionFacts>> layout = new LinkedHashMap<>();
        for (Object item : list) {
            Map<?, ?> image = object(item, "an entry of \"images\"", label, source);
            String name = string(image.get("name"), "an image's \"name\"", label, source);
            String domain = image.get("domain") instanceof String d ? d : "";
            Optional<Long> flashUsed = Optional.empty();
            Optional<Long> ramUsed = Optional.empty();
            if (image.get("memory") instanceof Map<?, ?> memory) {
                flashUsed = number(memory.get("flashUsed"));
                ramUsed = number(memory.get("ramUsed"));
            }
            images.put(name, new Image(name, domain, flashUsed, ramUsed));
            // What a build-info.json without a layout still tells: each image's own partition.
            if (image.get("partition") instanceof Map<?, ?> partition && partition.get("name") instanceof String p) {
                facts(partition, label, source)
                        .ifPresent(f -> layout.computeIfAbsent(domain, d -> new LinkedHashMap<>())
                                .put(p, f));
            }
        }
        if (document.get("layout") instanceof Map<?, ?> domains) {
            layout.clear();
            for (Map.Entry<?, ?> domain : domains.entrySet()) {
                Map<String, PartitionFacts> partitions = new LinkedHashMap<>();
                for (Map.Entry<?, ?> partition : object(domain.getValue(), "a domain of \"layout\"", label, source)
                        .entrySet()) {
                    facts(object(partition.getValue(), "a partition of \"layout\"", label, source), label, source)
                            .ifPresent(f -> partitions.put(String.valueOf(partition.getKey()), f));
                }
                layout.put(String.valueOf(domain.getKey()), partitions);
            }
        }
        return new Baseline(label, images, layout);
    }

    /** True when the baseline recorded its images' flash and RAM use (written by a build that did). */
    public boolean hasMemoryFigures() {
        return images.values().stream().anyMatch(image -> image.flashUsed().isPresent());
    }

    private static Optional<PartitionFacts> facts(Map<?, ?> node, String label, String source)
            throws InvalidConfigurationException {
        if (!(node.get("address") instanceof String address) || !(node.get("size") instanceof String size)) {
            return Optional.empty();
        }
        return Optional.of(new PartitionFacts(hex(address, label, source), hex(size, label, source)));
    }

    private static long hex(String text, String label, String source) throws InvalidConfigurationException {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException("Baseline " + label + ": " + source + " has the address or size '"
                    + text + "' (expected a number such as 0x14000)");
        }
    }

    private static Optional<Long> number(Object value) {
        return value instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    private static Map<?, ?> object(Object value, String what, String label, String source)
            throws InvalidConfigurationException {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new InvalidConfigurationException(
                "Baseline " + label + ": " + source + " is not a build-info.json (" + what + " is not an object)");
    }

    private static String string(Object value, String what, String label, String source)
            throws InvalidConfigurationException {
        if (value instanceof String s) {
            return s;
        }
        throw new InvalidConfigurationException(
                "Baseline " + label + ": " + source + " is not a build-info.json (" + what + " is not a string)");
    }
}
