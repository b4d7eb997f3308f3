package io.multiimage.core.state;

import io.multiimage.partition.PlacedDomain;
import io.multiimage.partition.Region;
import io.multiimage.partition.RequestSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A domain's last placement, kept in {@code .state/placement} (root domain) or
 * {@code .state/placement_<D>} of the tree's output directory: what it was placed from — the
 * domain, the label and text of every request (the {@code pm.yml} files after the C
 * preprocessor), of the static layout, and every region the devicetree offers, each as a sha256
 * — the partition names of the static layout, the sha256 of the {@code partitions.yml} and
 * {@code regions.yml} written, and the placement itself as {@link PlacedDomain#lines()}.
 * Placement is a function of exactly these inputs, so while they are unchanged a no-op build
 * takes the layout, its warnings and the static names from here and parses no YAML. Believed
 * only by the same code: the jars of core and of the partition manager ({@link CodeIdentity}).
 */
public final class PlacementRecord {

    private static final String KIND = "placement";
    private static final Pattern DOMAIN_NAME = Pattern.compile("[A-Za-z0-9_]*");

    private final Optional<String> codeIdentity;

    /** What a recorded placement gives back: the placement and the sha256 of the YAML files written for it. */
    public record Recalled(PlacedDomain placed, Map<String, String> written) {}

    /** Records tied to {@code codeIdentity}; empty keeps nothing. */
    public PlacementRecord(Optional<String> codeIdentity) {
        this.codeIdentity = codeIdentity;
    }

    /** Records tied to the jars of core and the partition manager, or none when either runs from class directories. */
    public static PlacementRecord forRunningCode() {
        return new PlacementRecord(CodeIdentity.RUNNING.flatMap(
                core -> CodeIdentity.of(PlacedDomain.class).map(partition -> core + "\t" + partition)));
    }

    /** The record file of domain {@code pmDomain} ({@code ""} for the root domain); empty for a name unfit for a file name. */
    public static Optional<Path> file(Path outputDirectory, String pmDomain) {
        if (!DOMAIN_NAME.matcher(pmDomain).matches()) {
            return Optional.empty();
        }
        return Optional.of(
                outputDirectory.resolve(".state").resolve(pmDomain.isEmpty() ? KIND : KIND + "_" + pmDomain));
    }

    /**
     * The inputs of a placement, as the record keeps them.
     *
     * @throws IllegalArgumentException for a request or static layout given as a parsed mapping, not as text
     */
    public static List<String> inputs(
            String pmDomain, List<RequestSource> requests, Optional<RequestSource> staticConfig, List<Region> regions) {
        List<String> lines = new ArrayList<>();
        lines.add("input\tdomain\t" + pmDomain);
        for (RequestSource request : requests) {
            lines.add("input\trequest\t" + digest(request));
        }
        lines.add(staticLine(staticConfig));
        for (Region region : regions) {
            lines.add("input\tregion\t"
                    + digest(String.join(
                            "\0",
                            region.name(),
                            Long.toString(region.baseAddress()),
                            Long.toString(region.size()),
                            region.strategy().yamlName(),
                            region.device(),
                            region.defaultDriverKconfig(),
                            String.valueOf(region.dynamicPartition()))));
        }
        return lines;
    }

    /**
     * The partition names of the static layout {@code staticConfig}, when the record holds a
     * placement from exactly this text (whatever else changed since).
     */
    public Optional<Set<String>> staticNames(Path file, Optional<RequestSource> staticConfig) {
        Optional<List<String>> lines = read(file);
        if (lines.isEmpty() || !lines.get().contains(staticLine(staticConfig))) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        for (String line : lines.get()) {
            if (line.startsWith("static-name\t")) {
                names.add(line.substring("static-name\t".length()));
            }
        }
        return Optional.of(names);
    }

    /** The recorded placement, when it was placed from exactly {@code inputs} and is whole. */
    public Optional<Recalled> load(Path file, List<String> inputs) {
        Optional<List<String>> record = read(file);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<String> lines = record.get();
            if (lines.size() <= inputs.size() + 1
                    || !lines.subList(1, inputs.size() + 1).equals(inputs)) {
                return Optional.empty();
            }
            int i = inputs.size() + 1;
            while (lines.get(i).startsWith("static-name\t")) {
                i++;
            }
            Map<String, String> written = new LinkedHashMap<>();
            while (lines.get(i).startsWith("written\t")) {
                String[] f = lines.get(i++).split("\t", -1);
                if (f.length != 3) {
                    return Optional.empty();
                }
                written.put(f[1], f[2]);
            }
            List<String> placed = new ArrayList<>();
            for (String line : lines.subList(i, lines.size())) {
                if (!line.startsWith("placed\t")) {
                    return Optional.empty();
                }
                placed.add(line.substring("placed\t".length()));
            }
            return PlacedDomain.fromLines(placed).map(domain -> new Recalled(domain, written));
        } catch (RuntimeException e) {
            return Optional.empty(); // damaged: place again
        }
    }

    /**
     * Records {@code placed}, placed from {@code inputs}; {@code staticNames} are the partition
     * names of the static layout, {@code written} the sha256 of each YAML file written for it.
     * Nothing is kept when a name cannot be written on one line.
     */
    public void save(
            Path file, List<String> inputs, Set<String> staticNames, PlacedDomain placed, Map<String, String> written)
            throws IOException {
        if (codeIdentity.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("code\t" + codeIdentity.get());
        lines.addAll(inputs);
        for (String name : new TreeSet<>(staticNames)) {
            if (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
                Files.deleteIfExists(file);
                return;
            }
            lines.add("static-name\t" + name);
        }
        written.forEach((name, digest) -> lines.add("written\t" + name + "\t" + digest));
        List<String> placedLines;
        try {
            placedLines = placed.lines();
        } catch (IllegalArgumentException e) {
            Files.deleteIfExists(file); // a value the line form cannot hold: place again next time
            return;
        }
        placedLines.forEach(line -> lines.add("placed\t" + line));
        StateFile.write(file, KIND, lines);
    }

    /** The record's lines after a matching code line; empty when absent, damaged or of other code. */
    private Optional<List<String>> read(Path file) {
        if (codeIdentity.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> lines = StateFile.read(file, KIND);
        if (lines.isEmpty() || lines.get().isEmpty() || !lines.get().get(0).equals("code\t" + codeIdentity.get())) {
            return Optional.empty();
        }
        return lines;
    }

    private static String staticLine(Optional<RequestSource> staticConfig) {
        return "input\tstatic\t" + staticConfig.map(PlacementRecord::digest).orElse("none");
    }

    private static String digest(RequestSource source) {
        if (source.text() == null) {
            throw new IllegalArgumentException(source.label() + " is no text");
        }
        return digest(source.label() + "\0" + source.text());
    }

    private static String digest(String text) {
        return Fingerprint.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
