package io.multiimage.partition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What placing one domain produced: the {@link Layout}, the domain as the header and
 * {@code pm.config} generators see it ({@link OutputDomain}), and the warnings placing it gave.
 * {@link #lines()} and {@link #fromLines} turn it into lines of text and back without any YAML,
 * so a build that keeps a placement can take it up again without parsing or writing YAML: the
 * layout read back writes the same {@code partitions.yml} and {@code regions.yml}, shared lists
 * (anchors) included.
 *
 * <pre>{@code
 * PlacedDomain placed = PlacedDomain.place(config, log::warn);
 * List<String> kept = placed.lines();                        // store them
 * PlacedDomain again = PlacedDomain.fromLines(kept).orElseThrow();
 * again.warnings().forEach(log::warn);                       // replay
 * }</pre>
 *
 * @param layout   the layout
 * @param output   the layout as {@link Layout#toOutputDomain()} gives it
 * @param warnings the partition manager's warnings, in the order given
 */
public record PlacedDomain(Layout layout, OutputDomain output, List<String> warnings) {

    private static final String DOMAIN = "domain";
    private static final String REGION = "region";
    private static final String STATIC = "static";
    private static final String WARNING = "warning";
    private static final String PARTITIONS = "partitions";
    private static final String OUTPUT_PARTITIONS = "output-partitions";
    private static final String OUTPUT_REGIONS = "output-regions";

    /** Copies the warnings. */
    public PlacedDomain {
        warnings = List.copyOf(warnings);
    }

    /**
     * Places {@code config}, passing every warning to {@code warnings} as it comes and keeping it.
     *
     * @throws PartitionException as {@link PartitionManager#place} does
     */
    public static PlacedDomain place(DomainConfig config, Consumer<String> warnings) throws PartitionException {
        List<String> given = new ArrayList<>();
        Layout layout = new PartitionManager(warning -> {
                    given.add(warning);
                    warnings.accept(warning);
                })
                .place(config);
        return new PlacedDomain(layout, layout.toOutputDomain(), given);
    }

    /**
     * This placement as lines of printable ASCII without line breaks.
     *
     * @throws IllegalArgumentException when a partition carries a value that is not a mapping,
     *     list, string, number, boolean or null (no YAML file gives one)
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(DOMAIN + "\t" + ValueLines.escape(layout.domain()));
        ValueLines.Writer values = new ValueLines.Writer();
        for (Region region : layout.regions()) {
            lines.add(String.join(
                    "\t",
                    REGION,
                    ValueLines.escape(region.name()),
                    Long.toString(region.baseAddress()),
                    Long.toString(region.size()),
                    region.strategy().yamlName(),
                    ValueLines.escape(region.device()),
                    ValueLines.escape(region.defaultDriverKconfig()),
                    values.token(region.dynamicPartition())));
        }
        for (String name : new TreeSet<>(layout.staticNames())) {
            lines.add(STATIC + "\t" + ValueLines.escape(name));
        }
        for (String warning : warnings) {
            lines.add(WARNING + "\t" + ValueLines.escape(warning));
        }
        String partitions = values.token(layout.raw());
        String outputPartitions = values.token(output.partitions());
        String outputRegions = values.token(output.regions());
        lines.addAll(values.lines());
        lines.add(PARTITIONS + "\t" + partitions);
        lines.add(OUTPUT_PARTITIONS + "\t" + outputPartitions);
        lines.add(OUTPUT_REGIONS + "\t" + outputRegions);
        return lines;
    }

    /**
     * The placement {@link #lines()} gave; empty when the lines are not exactly such lines
     * (cut short, edited, of another format): the caller then places the domain again.
     */
    public static Optional<PlacedDomain> fromLines(List<String> lines) {
        try {
            return Optional.of(read(lines));
        } catch (ValueLines.Malformed | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static PlacedDomain read(List<String> lines) throws ValueLines.Malformed {
        ValueLines.Reader values = new ValueLines.Reader();
        int i = 0;
        String domain = ValueLines.unescape(field(lines.get(i++), DOMAIN));
        List<Region> regions = new ArrayList<>();
        while (lines.get(i).startsWith(REGION + "\t")) {
            String[] f = lines.get(i++).split("\t", -1);
            if (f.length != 8) {
                throw new ValueLines.Malformed("a region needs 7 fields");
            }
            Object dynamic = values.value(f[7]);
            if (dynamic != null && !(dynamic instanceof String)) {
                throw new ValueLines.Malformed("dynamic partition is not a name");
            }
            regions.add(new Region(
                    ValueLines.unescape(f[1]),
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3]),
                    PlacementStrategy.fromYamlName(f[4]),
                    ValueLines.unescape(f[5]),
                    ValueLines.unescape(f[6]),
                    (String) dynamic));
        }
        Set<String> staticNames = new LinkedHashSet<>();
        while (lines.get(i).startsWith(STATIC + "\t")) {
            staticNames.add(ValueLines.unescape(field(lines.get(i++), STATIC)));
        }
        List<String> warnings = new ArrayList<>();
        while (lines.get(i).startsWith(WARNING + "\t")) {
            warnings.add(ValueLines.unescape(field(lines.get(i++), WARNING)));
        }
        while (ValueLines.Reader.isDefinition(lines.get(i))) {
            values.define(lines.get(i++));
        }
        Map<String, Map<String, Object>> raw = mappingOfMappings(values.value(field(lines.get(i++), PARTITIONS)));
        Map<String, Map<String, Object>> outputPartitions =
                mappingOfMappings(values.value(field(lines.get(i++), OUTPUT_PARTITIONS)));
        Map<String, Map<String, Object>> outputRegions =
                mappingOfMappings(values.value(field(lines.get(i++), OUTPUT_REGIONS)));
        if (i != lines.size()) {
            throw new ValueLines.Malformed("lines after the end");
        }
        Layout layout = new Layout(domain, regions, raw, staticNames);
        return new PlacedDomain(layout, new OutputDomain(domain, outputPartitions, outputRegions), warnings);
    }

    private static String field(String line, String name) throws ValueLines.Malformed {
        if (!line.startsWith(name + "\t")) {
            throw new ValueLines.Malformed("expected a line '" + name + "'");
        }
        return line.substring(name.length() + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> mappingOfMappings(Object value) throws ValueLines.Malformed {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ValueLines.Malformed("expected a mapping");
        }
        for (Object entry : map.values()) {
            if (!(entry instanceof Map<?, ?>)) {
                throw new ValueLines.Malformed("expected a mapping of mappings");
            }
        }
        return (Map<String, Map<String, Object>>) map;
    }
}
