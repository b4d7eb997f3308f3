package io.multiimage.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory map as the text table {@code firmware:partitions} prints: per domain and region,
 * every row's start, end, size, kind and share of the region, then the fill of the images living
 * in it ({@code app 12.5%}, {@code -} when not measured); then the images placed by
 * {@code CONFIG_FLASH_LOAD_OFFSET}, by domain and address, with their fill and where the offset was set.
 */
public final class MemoryMapText {

    private static final String ROW = "  %-12s %-12s %-10s %-13s %6s  %-24s %s%n";
    private static final String OFFSET_ROW = "  %-12s %-12s %-10s %-9s %-6s %s%n";

    private MemoryMapText() {}

    /** The table of {@code report}. */
    public static String render(FirmwareMemoryReport report) {
        StringBuilder out = new StringBuilder();
        for (DomainReport domain : report.domains()) {
            for (RegionReport region : domain.regions()) {
                out.append("domain ")
                        .append(domain.name())
                        .append(", region ")
                        .append(region.name())
                        .append(" [")
                        .append(Html.hex(region.start()))
                        .append(", ")
                        .append(Html.hex(region.end()))
                        .append(") ")
                        .append(Html.hex(region.size()))
                        .append(" bytes (")
                        .append(Html.human(region.size()))
                        .append("), ")
                        .append(Html.human(region.free()))
                        .append(" free\n");
                out.append(String.format(
                        Locale.ROOT, ROW, "start", "end", "size", "kind", "share", "fill (used/size)", "name"));
                for (RegionRow row : region.rows()) {
                    String name = row.kind() == RegionRow.Kind.CONTAINER
                            ? "+ " + row.name() + " spans " + String.join(", ", row.span())
                            : "| " + row.name();
                    out.append(String.format(
                            Locale.ROOT,
                            ROW,
                            Html.hex(row.start()),
                            Html.hex(row.end()),
                            Html.hex(row.size()),
                            row.kind() == RegionRow.Kind.PARTITION
                                    ? ""
                                    : row.kind().key(),
                            share(row.size(), region.size()),
                            fill(row),
                            name));
                }
                out.append('\n');
            }
        }
        List<ReportedImage> byOffset = report.domains().stream()
                .flatMap(domain -> domain.placedByLoadOffset().stream())
                .toList();
        if (!byOffset.isEmpty()) {
            out.append("placed by CONFIG_FLASH_LOAD_OFFSET (outside the partition manager)\n");
            out.append(
                    String.format(Locale.ROOT, OFFSET_ROW, "start", "end", "size", "domain", "fill", "name (origin)"));
            for (ReportedImage image : byOffset) {
                out.append(String.format(
                        Locale.ROOT,
                        OFFSET_ROW,
                        Html.hex(image.flash().origin()),
                        Html.hex(image.flash().end()),
                        Html.hex(image.flash().size()),
                        image.domain(),
                        image.usage().flash().map(f -> f.percent() + "%").orElse("-"),
                        "| " + image.name() + " (" + image.loadOffsetOrigin().orElseThrow() + ")"));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String fill(RegionRow row) {
        if (row.occupants().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (RegionRow.Occupant occupant : row.occupants()) {
            parts.add(occupant.image()
                    + (occupant.memory() == Budget.Memory.RAM ? " RAM " : occupant.header() ? " header " : " ")
                    + occupant.fill().map(f -> f.percent() + "%").orElse("-"));
        }
        return String.join(", ", parts);
    }

    private static String share(long size, long total) {
        return total <= 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * size / total);
    }
}
