package io.multiimage.core.bridge;

import io.multiimage.partition.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A static layout read from a devicetree.
 *
 * @param partitions every partition found, by region and address
 * @param codePartition the partition {@code chosen/zephyr,code-partition} names, if it is one of them
 * @param warnings what was left out and why (tables under a node of no region)
 */
public record ImportedLayout(List<LayoutPartition> partitions, Optional<String> codePartition, List<String> warnings) {

    /** Copies the lists. */
    public ImportedLayout {
        partitions = List.copyOf(partitions);
        warnings = List.copyOf(warnings);
    }

    /**
     * The comment {@code pm_static.yml} starts with: which devicetree files it was imported from
     * (file names only, so the text does not depend on where the project lies).
     */
    public static List<String> comment(List<java.nio.file.Path> files) {
        List<String> names =
                files.stream().map(f -> String.valueOf(f.getFileName())).toList();
        return List.of(
                "Static partition layout imported by multiimage from the devicetree partitions of",
                String.join(" + ", names) + ".");
    }

    /**
     * The text of {@code pm_static.yml}: the comment lines (each written after {@code # }), then
     * one entry per partition with {@code address}, {@code end_address}, {@code region},
     * {@code size} and, for a container, {@code span}; entries sorted by name, numbers in hex, as
     * the partition manager writes {@code partitions.yml}.
     */
    public String pmStaticYaml(List<String> comment) {
        StringBuilder text = new StringBuilder();
        for (String line : comment) {
            text.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        codePartition.ifPresent(name ->
                text.append("# chosen zephyr,code-partition: ").append(name).append('\n'));
        Map<String, Object> root = new LinkedHashMap<>();
        for (LayoutPartition p : partitions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("address", p.address());
            entry.put("end_address", p.end());
            entry.put("region", p.region());
            entry.put("size", p.size());
            if (p.isContainer()) {
                entry.put("span", new ArrayList<>(p.span()));
            }
            root.put(p.name(), entry);
        }
        return text.append(YamlWriter.write(root)).toString();
    }
}
