package io.multiimage.partition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One domain as the output generator sees it: the contents of its {@code partitions*.yml} and
 * {@code regions*.yml}.
 *
 * @param name       domain name, {@code ""} for the root domain
 * @param partitions partition name → properties (address, end_address, size, region, span, ...)
 * @param regions    region name → properties (base_address, device, default_driver_kconfig, ...)
 */
public record OutputDomain(
        String name, Map<String, Map<String, Object>> partitions, Map<String, Map<String, Object>> regions) {

    /**
     * Parses the two files of a domain.
     *
     * @throws PartitionException when a file is not valid YAML or not a mapping of mappings
     */
    public static OutputDomain parse(
            String name, String partitionsLabel, String partitionsYaml, String regionsLabel, String regionsYaml)
            throws PartitionException {
        return new OutputDomain(
                name, mappingOfMappings(partitionsLabel, partitionsYaml), mappingOfMappings(regionsLabel, regionsYaml));
    }

    private static Map<String, Map<String, Object>> mappingOfMappings(String label, String yaml)
            throws PartitionException {
        Object root = YamlReader.parse(label, yaml).root();
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (root == null) {
            return out;
        }
        Map<String, Object> m = Props.asMap(root);
        if (m == null) {
            throw new PartitionException("expected a mapping, found " + Props.repr(root), List.of(), List.of(label));
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Map<String, Object> v = Props.asMap(e.getValue());
            if (v == null) {
                throw new PartitionException(
                        "entry '" + e.getKey() + "' must be a mapping", List.of(e.getKey()), List.of(label));
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /**
     * The domain a file belongs to, from its name as the reference derives it:
     * {@code partitions_CPUNET.yml} → {@code CPUNET}, {@code partitions.yml} → {@code ""}.
     */
    public static String domainOfFile(String fileName, String prefix) {
        String marker = prefix + "_";
        int i = fileName.indexOf(marker);
        int dot = fileName.indexOf(".yml");
        if (i < 0 || dot < 0 || dot < i + marker.length()) {
            return "";
        }
        return fileName.substring(i + marker.length(), dot);
    }
}
