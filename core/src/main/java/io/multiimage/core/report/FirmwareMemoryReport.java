package io.multiimage.core.report;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.partition.MemoryReport;
import io.multiimage.partition.OutputDomain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The memory report of a whole firmware: for every domain, every region's partitions, gaps,
 * padding and free space with the images living in them and how full they are; every image's
 * flash and RAM figures; optionally the changes against a baseline and the verdicts of the
 * declared budgets. The partition rows come from the partition library's {@link MemoryReport}.
 *
 * @param domains every domain, the top image's first
 * @param images every image, in tree order
 * @param comparison the changes against the baseline, when one was given
 * @param budgets every declared budget's verdict, in declaration order
 */
public record FirmwareMemoryReport(
        List<DomainReport> domains,
        List<ReportedImage> images,
        Optional<Comparison> comparison,
        List<BudgetVerdict> budgets) {

    /** Freezes the parts. */
    public FirmwareMemoryReport {
        domains = List.copyOf(domains);
        images = List.copyOf(images);
        Objects.requireNonNull(comparison, "comparison");
        budgets = List.copyOf(budgets);
    }

    /**
     * The report of {@code images} laid out as {@code layouts}, compared with {@code baseline} and
     * checked against {@code budgets}.
     *
     * @throws InvalidConfigurationException when a budget names an image that is not part of the firmware
     */
    public static FirmwareMemoryReport of(
            List<ReportedImage> images, List<DomainLayout> layouts, Optional<Baseline> baseline, List<Budget> budgets)
            throws InvalidConfigurationException {
        List<DomainReport> domains = domains(images, layouts);
        Optional<Comparison> comparison = baseline.map(b -> Comparison.of(b, images, Comparison.layoutOf(domains)));
        return new FirmwareMemoryReport(
                comparison.map(c -> withChanges(domains, c)).orElse(domains),
                images,
                comparison,
                verdicts(images, budgets));
    }

    /** The image named {@code name}. */
    public Optional<ReportedImage> image(String name) {
        return images.stream().filter(image -> image.name().equals(name)).findFirst();
    }

    /** The verdicts of the budgets an image exceeded, in declaration order. */
    public List<BudgetVerdict> exceeded() {
        return budgets.stream().filter(BudgetVerdict::exceeded).toList();
    }

    /**
     * Fails when an image passes one of its budgets, naming every image over its limit.
     *
     * @throws BudgetExceededException naming each image, its size, the limit and where it was declared
     */
    public void enforceBudgets() throws BudgetExceededException {
        List<BudgetVerdict> over = exceeded();
        if (!over.isEmpty()) {
            throw new BudgetExceededException(over);
        }
    }

    /** Every partition of every domain (no gaps, no free space), for a later comparison. */
    public Map<String, Map<String, PartitionFacts>> layout() {
        return Comparison.layoutOf(domains);
    }

    private static List<DomainReport> domains(List<ReportedImage> images, List<DomainLayout> layouts) {
        Map<String, OutputDomain> layoutOf = new LinkedHashMap<>();
        layouts.forEach(layout -> layoutOf.put(layout.domain(), layout.layout()));
        List<String> names = new ArrayList<>(layoutOf.keySet());
        for (ReportedImage image : images) {
            if (!names.contains(image.domain())) {
                names.add(image.domain());
            }
        }
        List<DomainReport> domains = new ArrayList<>();
        for (String name : names) {
            List<RegionReport> regions = new ArrayList<>();
            OutputDomain layout = layoutOf.get(name);
            if (layout != null) {
                for (MemoryReport.RegionMap map : MemoryReport.build(List.of(layout))) {
                    regions.add(region(name, map, images));
                }
            }
            List<ReportedImage> byOffset = images.stream()
                    .filter(image -> image.domain().equals(name) && image.byLoadOffset())
                    .sorted(Comparator.comparingLong(
                                    (ReportedImage image) -> image.flash().origin())
                            .thenComparing(ReportedImage::name))
                    .toList();
            domains.add(new DomainReport(name, regions, byOffset));
        }
        return domains;
    }

    private static RegionReport region(String domain, MemoryReport.RegionMap map, List<ReportedImage> images) {
        List<RegionRow> rows = new ArrayList<>();
        for (MemoryReport.Row row : map.rows()) {
            RegionRow.Kind kind = row.container()
                    ? RegionRow.Kind.CONTAINER
                    : row.gap()
                            ? RegionRow.Kind.ALIGNMENT_GAP
                            : row.unassigned()
                                    ? RegionRow.Kind.FREE
                                    : row.name().endsWith("_pad") ? RegionRow.Kind.PADDING : RegionRow.Kind.PARTITION;
            List<RegionRow.Occupant> occupants = new ArrayList<>();
            if (kind != RegionRow.Kind.FREE && kind != RegionRow.Kind.ALIGNMENT_GAP) {
                for (ReportedImage image : images) {
                    if (!image.domain().equals(domain)) {
                        continue;
                    }
                    Optional<SignedFraming> signing = image.usage().signing();
                    if (!image.byLoadOffset() && image.partition().equals(row.name())) {
                        occupants.add(new RegionRow.Occupant(
                                image.name(), Budget.Memory.FLASH, image.usage().flash()));
                    } else if (signing.isPresent() && signing.get().header().equals(row.name())) {
                        occupants.add(new RegionRow.Occupant(
                                image.name(),
                                Budget.Memory.FLASH,
                                Optional.of(new Fill(signing.get().headerBytes(), row.size())),
                                true));
                    } else if (image.ram().origin() == row.start()
                            && image.ram().size() == row.size()) {
                        occupants.add(new RegionRow.Occupant(
                                image.name(), Budget.Memory.RAM, image.usage().ram()));
                    }
                }
            }
            rows.add(new RegionRow(
                    kind == RegionRow.Kind.FREE ? "(free)" : row.name(),
                    kind,
                    row.start(),
                    row.size(),
                    row.span(),
                    occupants,
                    Optional.empty()));
        }
        return new RegionReport(domain, map.region(), map.start(), map.size(), rows);
    }

    private static List<DomainReport> withChanges(List<DomainReport> domains, Comparison comparison) {
        List<DomainReport> changed = new ArrayList<>();
        for (DomainReport domain : domains) {
            List<RegionReport> regions = new ArrayList<>();
            for (RegionReport region : domain.regions()) {
                List<RegionRow> rows = region.rows().stream()
                        .map(row -> new RegionRow(
                                row.name(),
                                row.kind(),
                                row.start(),
                                row.size(),
                                row.span(),
                                row.occupants(),
                                comparison.partition(domain.name(), row.name())))
                        .toList();
                regions.add(new RegionReport(region.domain(), region.name(), region.start(), region.size(), rows));
            }
            changed.add(new DomainReport(domain.name(), regions, domain.placedByLoadOffset()));
        }
        return changed;
    }

    private static List<BudgetVerdict> verdicts(List<ReportedImage> images, List<Budget> budgets)
            throws InvalidConfigurationException {
        List<BudgetVerdict> verdicts = new ArrayList<>();
        for (Budget budget : budgets) {
            ReportedImage image = images.stream()
                    .filter(i -> i.name().equals(budget.image()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidConfigurationException(budget.declaredIn()
                            + ": a memory budget for image '" + budget.image() + "', which is not part of this firmware"
                            + " (images: "
                            + images.stream().map(ReportedImage::name).collect(Collectors.joining(", "))
                            + ")"));
            Optional<Fill> fill = budget.memory() == Budget.Memory.FLASH
                    ? image.usage().flash()
                    : image.usage().ram();
            verdicts.add(BudgetVerdict.of(budget, fill));
        }
        return verdicts;
    }
}
