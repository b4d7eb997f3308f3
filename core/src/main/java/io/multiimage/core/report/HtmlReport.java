package io.multiimage.core.report;

import java.util.List;
import java.util.Optional;

/**
 * {@code memory-report.html}: the memory report as one self-contained page — inline CSS, an
 * inline SVG map per domain and region, tables beside them; no script, no external resource —
 * so it opens from a CI artifact store or a mail attachment as it is.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; max-width: 1100px; }
            h1 { font-size: 22px; margin-bottom: 4px; }
            h2 { font-size: 18px; margin-top: 28px; border-bottom: 1px solid #ccc; padding-bottom: 3px; }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
            th, td { border: 1px solid #d0d0d0; padding: 3px 7px; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .mono { font-family: ui-monospace, monospace; }
            .bar { width: 110px; height: 10px; background: #e6e6e6; border: 1px solid #bbb; display: inline-block; vertical-align: middle; }
            .bar > span { display: block; height: 100%; background: #1f5f99; }
            .bar.over > span { background: #c0392b; }
            .exceeded { color: #b00020; font-weight: bold; }
            .passed { color: #1b6e2a; }
            .unchecked { color: #8a6d00; }
            .plus { color: #b00020; }
            .minus { color: #1b6e2a; }
            .note { color: #555; font-size: 12px; }
            svg.map { display: block; margin: 4px 0 2px; max-width: 100%; height: auto; }
            svg.map text { fill: #222; }
            .legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
            .legend i { display: inline-block; width: 12px; height: 12px; border: 1px solid #777; vertical-align: middle; margin-right: 4px; }
            """;

    /** Columns of the image table with a baseline: name, domain, strategy, partition, 3 flash, 2 RAM, 2 deltas, notes. */
    private static final int IMAGE_COLUMNS = 12;

    private HtmlReport() {}

    /** The page of {@code report}. */
    public static String render(FirmwareMemoryReport report) {
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Memory report</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>Memory report</h1>\n<p>").append(summary(report)).append("</p>\n");
        budgets(report, html);
        images(report, html);
        for (DomainReport domain : report.domains()) {
            domain(report, domain, html);
        }
        report.comparison().ifPresent(comparison -> changes(comparison, html));
        html.append("<p class=\"note\">Flash used: from the partition's start to the end of the image's last stored"
                + " byte (text, rodata, initial values of data), from its ELF file; for a prebuilt image, from its HEX."
                + " RAM used: data + bss + noinit (+ stack and heap sections), from its ELF file."
                + " The same figures are in memory-report.json.</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String summary(FirmwareMemoryReport report) {
        long exceeded = report.exceeded().size();
        StringBuilder s = new StringBuilder();
        s.append(report.images().size())
                .append(report.images().size() == 1 ? " image" : " images")
                .append(" in ")
                .append(report.domains().size())
                .append(report.domains().size() == 1 ? " domain" : " domains");
        report.comparison().ifPresent(c -> s.append("; compared with ").append(Html.escape(c.baseline())));
        if (!report.budgets().isEmpty()) {
            s.append("; budgets: ")
                    .append(
                            exceeded == 0
                                    ? "<span class=\"passed\">none exceeded</span>"
                                    : "<span class=\"exceeded\">" + exceeded + " exceeded</span>");
        }
        return s.append('.').toString();
    }

    private static void budgets(FirmwareMemoryReport report, StringBuilder html) {
        if (report.budgets().isEmpty()) {
            return;
        }
        html.append("<h2>Budgets</h2>\n<table>\n<tr><th>image</th><th>memory</th><th>used</th><th>limit</th>"
                + "<th>status</th><th>declared in</th></tr>\n");
        for (BudgetVerdict verdict : report.budgets()) {
            Budget budget = verdict.budget();
            html.append("<tr><td>")
                    .append(Html.escape(budget.image()))
                    .append("</td><td>")
                    .append(budget.memory().label())
                    .append("</td><td class=\"n\">")
                    .append(verdict.fill()
                            .map(f -> f.used() + " (" + f.percent() + "%)")
                            .orElse("unknown"))
                    .append("</td><td class=\"n\">")
                    .append(Html.escape(budget.limit().text()))
                    .append(verdict.limitBytes().map(b -> " = " + b + " B").orElse(""))
                    .append("</td><td class=\"")
                    .append(verdict.status())
                    .append("\">")
                    .append(verdict.status())
                    .append("</td><td>")
                    .append(Html.escape(budget.declaredIn()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void images(FirmwareMemoryReport report, StringBuilder html) {
        boolean compared = report.comparison().isPresent();
        html.append("<h2>Images</h2>\n<table>\n<tr><th>image</th><th>domain</th><th>strategy</th><th>partition</th>"
                + "<th>flash used / size</th><th>flash fill</th><th>flash free</th><th>RAM used / size</th>"
                + "<th>RAM fill</th>");
        if (compared) {
            html.append("<th>&Delta; flash</th><th>&Delta; RAM</th>");
        }
        html.append("<th>notes</th></tr>\n");
        for (ReportedImage image : report.images()) {
            ImageUsage usage = image.usage();
            html.append("<tr><td><b>")
                    .append(Html.escape(image.name()))
                    .append("</b></td><td>")
                    .append(Html.escape(image.domain()))
                    .append("</td><td>")
                    .append(Html.escape(image.strategy()))
                    .append("</td><td class=\"mono\">")
                    .append(Html.escape(
                            image.byLoadOffset()
                                    ? "CONFIG_FLASH_LOAD_OFFSET "
                                            + Html.hex(image.flash().origin())
                                    : image.partition()))
                    .append(
                            image.aliasShift() == 0
                                    ? ""
                                    : " (linked at "
                                            + Html.hex(image.linkedFlash().origin()) + ")")
                    .append("</td>");
            fillCells(usage.flash(), image.flash().size(), true, html);
            fillCells(usage.ram(), image.ram().size(), false, html);
            if (compared) {
                Optional<ImageChange> change = report.comparison().get().image(image.name());
                html.append("<td class=\"n\">")
                        .append(delta(change.flatMap(ImageChange::flashDelta), change.map(ImageChange::status)))
                        .append("</td><td class=\"n\">")
                        .append(delta(change.flatMap(ImageChange::ramDelta), change.map(ImageChange::status)))
                        .append("</td>");
            }
            html.append("<td class=\"note\">")
                    .append(Html.escape(String.join("; ", usage.notes())))
                    .append("</td></tr>\n");
        }
        report.comparison().ifPresent(comparison -> {
            for (ImageChange change : comparison.images()) {
                if (change.status() == ImageChange.Status.REMOVED) {
                    html.append("<tr><td><s>")
                            .append(Html.escape(change.image()))
                            .append("</s></td><td colspan=\"")
                            .append(IMAGE_COLUMNS - 1)
                            .append("\" class=\"note\">removed: in the baseline, not in this build")
                            .append(change.flashBefore()
                                    .map(b -> " (it used " + b + " bytes of flash)")
                                    .orElse(""))
                            .append("</td></tr>\n");
                }
            }
        });
        html.append("</table>\n");
    }

    private static void fillCells(Optional<Fill> fill, long size, boolean withFree, StringBuilder html) {
        if (fill.isEmpty()) {
            html.append("<td class=\"n\">? / ").append(size).append("</td><td></td>");
            if (withFree) {
                html.append("<td></td>");
            }
            return;
        }
        Fill f = fill.get();
        html.append("<td class=\"n\">")
                .append(f.used())
                .append(" / ")
                .append(f.size())
                .append("</td><td>")
                .append(bar(f))
                .append(' ')
                .append(f.percent())
                .append("%</td>");
        if (withFree) {
            html.append("<td class=\"n\">").append(Html.human(f.free())).append("</td>");
        }
    }

    private static String bar(Fill fill) {
        return "<span class=\"bar" + (fill.used() > fill.size() ? " over" : "") + "\"><span style=\"width:"
                + fill.percent().min(java.math.BigDecimal.valueOf(100)) + "%\"></span></span>";
    }

    private static String delta(Optional<Long> delta, Optional<ImageChange.Status> status) {
        if (status.isPresent() && status.get() == ImageChange.Status.NEW) {
            return "new";
        }
        if (delta.isEmpty()) {
            return "?";
        }
        long d = delta.get();
        String cls = d > 0 ? "plus" : d < 0 ? "minus" : "";
        return "<span class=\"" + cls + "\">" + ImageChange.signed(d) + "</span>";
    }

    private static void domain(FirmwareMemoryReport report, DomainReport domain, StringBuilder html) {
        html.append("<h2>Domain ").append(Html.escape(domain.name())).append("</h2>\n");
        if (domain.regions().isEmpty()) {
            html.append(
                    "<p>No partition layout: every image of this domain is placed by CONFIG_FLASH_LOAD_OFFSET.</p>\n");
        }
        for (RegionReport region : domain.regions()) {
            html.append("<h3>")
                    .append(Html.escape(region.name()))
                    .append(" <span class=\"mono\">")
                    .append(Html.hex(region.start()))
                    .append("..")
                    .append(Html.hex(region.end()))
                    .append("</span> (")
                    .append(Html.human(region.size()))
                    .append("): ")
                    .append(Html.human(region.free()))
                    .append(" free");
            if (region.padding() > 0) {
                html.append(", ").append(Html.human(region.padding())).append(" padding");
            }
            if (region.alignmentGaps() > 0) {
                html.append(", ").append(Html.human(region.alignmentGaps())).append(" alignment gaps");
            }
            html.append("</h3>\n").append(RegionSvg.render(region));
            rows(region, report.comparison().isPresent(), html);
        }
        if (!domain.placedByLoadOffset().isEmpty()) {
            html.append(
                    "<h3>Placed by CONFIG_FLASH_LOAD_OFFSET (outside the partition manager)</h3>\n<table>\n"
                            + "<tr><th>image</th><th>start</th><th>end</th><th>size</th><th>flash fill</th><th>set in</th></tr>\n");
            for (ReportedImage image : domain.placedByLoadOffset()) {
                html.append("<tr><td>")
                        .append(Html.escape(image.name()))
                        .append("</td><td class=\"mono\">")
                        .append(Html.hex(image.flash().origin()))
                        .append("</td><td class=\"mono\">")
                        .append(Html.hex(image.flash().end()))
                        .append("</td><td class=\"n\">")
                        .append(image.flash().size())
                        .append("</td><td>")
                        .append(image.usage()
                                .flash()
                                .map(f -> bar(f) + " " + f.percent() + "%")
                                .orElse("?"))
                        .append("</td><td class=\"mono\">")
                        .append(Html.escape(image.loadOffsetOrigin().orElseThrow()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static void rows(RegionReport region, boolean compared, StringBuilder html) {
        html.append("<div class=\"legend\">")
                .append(legend("#b9d7f0", "image partition"))
                .append(legend("#cde8c9", "image RAM"))
                .append(legend("#d9d2e9", "other partition"))
                .append(legend("#fdd9a8", "padding"))
                .append(legend("#f5b971", "alignment gap"))
                .append(legend("#eeeeee", "free"))
                .append(legend("#1f5f99", "used"))
                .append("</div>\n");
        html.append("<table>\n<tr><th>start</th><th>end</th><th>size</th><th>kind</th><th>name</th><th>images</th>");
        if (compared) {
            html.append("<th>against baseline</th>");
        }
        html.append("</tr>\n");
        for (RegionRow row : region.rows()) {
            html.append("<tr><td class=\"mono\">")
                    .append(Html.hex(row.start()))
                    .append("</td><td class=\"mono\">")
                    .append(Html.hex(row.end()))
                    .append("</td><td class=\"n\">")
                    .append(Html.human(row.size()))
                    .append("</td><td>")
                    .append(row.kind().key())
                    .append("</td><td class=\"mono\">")
                    .append(Html.escape(row.name()));
            if (row.kind() == RegionRow.Kind.CONTAINER) {
                html.append(" <span class=\"note\">spans ")
                        .append(Html.escape(String.join(", ", row.span())))
                        .append("</span>");
            }
            html.append("</td><td>");
            List<RegionRow.Occupant> occupants = row.occupants();
            for (int i = 0; i < occupants.size(); i++) {
                RegionRow.Occupant occupant = occupants.get(i);
                html.append(i == 0 ? "" : "<br>")
                        .append(Html.escape(occupant.image()))
                        .append(" (")
                        .append(
                                occupant.header()
                                        ? "MCUboot header"
                                        : occupant.memory().label())
                        .append(") ")
                        .append(occupant.fill()
                                .map(f -> bar(f) + " " + f.used() + " B, " + f.percent() + "%")
                                .orElse("not measured"));
            }
            html.append("</td>");
            if (compared) {
                html.append("<td>")
                        .append(row.change().map(c -> Html.escape(c.describe())).orElse(""))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static String legend(String colour, String what) {
        return "<span><i style=\"background:" + colour + "\"></i>" + what + "</span>";
    }

    private static void changes(Comparison comparison, StringBuilder html) {
        html.append("<h2>Changes against ")
                .append(Html.escape(comparison.baseline()))
                .append("</h2>\n");
        for (String note : comparison.notes()) {
            html.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
        }
        html.append("<table>\n<tr><th>image</th><th>status</th><th>flash before</th><th>flash now</th><th>&Delta;</th>"
                + "<th>RAM before</th><th>RAM now</th><th>&Delta;</th></tr>\n");
        for (ImageChange change : comparison.images()) {
            html.append("<tr><td>")
                    .append(Html.escape(change.image()))
                    .append("</td><td>")
                    .append(change.status().key())
                    .append("</td><td class=\"n\">")
                    .append(number(change.flashBefore()))
                    .append("</td><td class=\"n\">")
                    .append(number(change.flashAfter()))
                    .append("</td><td class=\"n\">")
                    .append(delta(change.flashDelta(), Optional.empty()))
                    .append("</td><td class=\"n\">")
                    .append(number(change.ramBefore()))
                    .append("</td><td class=\"n\">")
                    .append(number(change.ramAfter()))
                    .append("</td><td class=\"n\">")
                    .append(delta(change.ramDelta(), Optional.empty()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (comparison.partitions().isEmpty()) {
            html.append("<p>No partition moved, changed size, appeared or disappeared.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>domain</th><th>partition</th><th>change</th><th>before</th><th>now</th>"
                + "<th>&Delta; size</th></tr>\n");
        for (PartitionChange change : comparison.partitions()) {
            html.append("<tr><td>")
                    .append(Html.escape(change.domain()))
                    .append("</td><td class=\"mono\">")
                    .append(Html.escape(change.name()))
                    .append("</td><td>")
                    .append(change.status().key())
                    .append("</td><td class=\"mono\">")
                    .append(change.before().map(PartitionFacts::toString).orElse(""))
                    .append("</td><td class=\"mono\">")
                    .append(change.after().map(PartitionFacts::toString).orElse(""))
                    .append("</td><td class=\"n\">")
                    .append(change.sizeDelta().map(ImageChange::signed).orElse(""))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String number(Optional<Long> value) {
        return value.map(String::valueOf).orElse("");
    }
}
