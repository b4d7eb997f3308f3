package io.multiimage.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * This build against a baseline: every image's flash and RAM delta (and which images are new or
 * gone), and every partition that is new, gone, moved or resized.
 *
 * @param baseline what the baseline is (coordinates or a path)
 * @param images every image of either build: this build's in order, then those only the baseline has
 * @param partitions every partition that changed, by domain, in this build's order then the baseline's
 * @param notes what limits the comparison
 */
public record Comparison(
        String baseline, List<ImageChange> images, List<PartitionChange> partitions, List<String> notes) {

    /** Freezes the parts. */
    public Comparison {
        Objects.requireNonNull(baseline, "baseline");
        images = List.copyOf(images);
        partitions = List.copyOf(partitions);
        notes = List.copyOf(notes);
    }

    /** Compares {@code images} laid out as {@code layout} (domain → partition → facts) with {@code baseline}. */
    static Comparison of(
            Baseline baseline, List<ReportedImage> images, Map<String, Map<String, PartitionFacts>> layout) {
        List<ImageChange> imageChanges = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ReportedImage image : images) {
            seen.add(image.name());
            Optional<Long> flashNow = image.usage().flash().map(Fill::used);
            Optional<Long> ramNow = image.usage().ram().map(Fill::used);
            Baseline.Image before = baseline.images().get(image.name());
            imageChanges.add(
                    before == null
                            ? new ImageChange(
                                    image.name(),
                                    ImageChange.Status.NEW,
                                    Optional.empty(),
                                    flashNow,
                                    Optional.empty(),
                                    ramNow)
                            : new ImageChange(
                                    image.name(),
                                    ImageChange.Status.KEPT,
                                    before.flashUsed(),
                                    flashNow,
                                    before.ramUsed(),
                                    ramNow));
        }
        for (Baseline.Image before : baseline.images().values()) {
            if (!seen.contains(before.name())) {
                imageChanges.add(new ImageChange(
                        before.name(),
                        ImageChange.Status.REMOVED,
                        before.flashUsed(),
                        Optional.empty(),
                        before.ramUsed(),
                        Optional.empty()));
            }
        }
        List<PartitionChange> partitionChanges = new ArrayList<>();
        Set<String> domains = new LinkedHashSet<>(layout.keySet());
        domains.addAll(baseline.layout().keySet());
        for (String domain : domains) {
            Map<String, PartitionFacts> now = layout.getOrDefault(domain, Map.of());
            Map<String, PartitionFacts> then = baseline.layout().getOrDefault(domain, Map.of());
            Set<String> names = new LinkedHashSet<>(now.keySet());
            names.addAll(then.keySet());
            for (String name : names) {
                PartitionChange.between(
                                domain, name, Optional.ofNullable(then.get(name)), Optional.ofNullable(now.get(name)))
                        .ifPresent(partitionChanges::add);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!baseline.hasMemoryFigures()) {
            notes.add("the baseline's build-info.json records no flash or RAM figures (written before multiimage"
                    + " recorded them): image sizes are not compared");
        }
        return new Comparison(baseline.label(), imageChanges, partitionChanges, notes);
    }

    /** The change of partition {@code name} of {@code domain}, if it changed. */
    public Optional<PartitionChange> partition(String domain, String name) {
        return partitions.stream()
                .filter(c -> c.domain().equals(domain) && c.name().equals(name))
                .findFirst();
    }

    /** The change of image {@code name}. */
    public Optional<ImageChange> image(String name) {
        return images.stream().filter(c -> c.image().equals(name)).findFirst();
    }

    /** Every partition as a comparison sees it, per domain, in order: for {@code build-info.json}. */
    static Map<String, Map<String, PartitionFacts>> layoutOf(List<DomainReport> domains) {
        Map<String, Map<String, PartitionFacts>> layout = new LinkedHashMap<>();
        for (DomainReport domain : domains) {
            Map<String, PartitionFacts> partitions = new LinkedHashMap<>();
            for (RegionReport region : domain.regions()) {
                for (RegionRow row : region.rows()) {
                    if (row.kind() != RegionRow.Kind.FREE && row.kind() != RegionRow.Kind.ALIGNMENT_GAP) {
                        partitions.put(row.name(), new PartitionFacts(row.start(), row.size()));
                    }
                }
            }
            layout.put(domain.name(), partitions);
        }
        return layout;
    }
}
