package io.multiimage.partition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One partition request file ({@code pm.yml} after preprocessing) or static configuration:
 * its label for messages (a path or a name like {@code mcuboot/pm.yml}) and its content,
 * either YAML text or an already parsed mapping.
 *
 * @param label  file path or label used in error messages
 * @param text   the YAML text, or {@code null} when {@code parsed} is given
 * @param parsed a parsed mapping partition name → properties, or {@code null} when {@code text} is given
 */
public record RequestSource(String label, String text, Map<String, ?> parsed) {

    /** Exactly one of text and parsed must be given. */
    public RequestSource {
        Objects.requireNonNull(label, "label");
        if ((text == null) == (parsed == null)) {
            throw new IllegalArgumentException("give either YAML text or a parsed mapping for " + label);
        }
    }

    /** A source holding YAML text. */
    public static RequestSource ofText(String label, String yaml) {
        return new RequestSource(label, yaml, null);
    }

    /** A source holding a parsed mapping (copied before use; never modified). */
    public static RequestSource ofMap(String label, Map<String, ?> parsed) {
        return new RequestSource(label, null, parsed);
    }

    /**
     * The regions the partitions of this file name with {@code region:} (in file order): how a
     * domain tells it needs a region it would otherwise leave out, such as {@code external_flash}.
     *
     * @throws PartitionException when the text is not valid YAML, naming {@code label:line}
     */
    public Set<String> regionsNamed() throws PartitionException {
        Object root = text != null ? YamlReader.parse(label, text).root() : parsed;
        Set<String> regions = new LinkedHashSet<>();
        if (root instanceof Map<?, ?> partitions) {
            for (Object properties : partitions.values()) {
                if (properties instanceof Map<?, ?> map && map.get("region") instanceof String region) {
                    regions.add(region);
                }
            }
        }
        return regions;
    }

    /** Reads a file as UTF-8; its path is the label. */
    public static RequestSource ofFile(Path file) throws IOException {
        return ofText(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
