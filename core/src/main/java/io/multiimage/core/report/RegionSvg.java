package io.multiimage.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One region drawn to scale as an SVG bar, lowest address on the left: every partition, gap,
 * padding and free range as a box as wide as its share of the region, each image's fill as a
 * darker box from its partition's start, containers as brackets above, names inside the box
 * when they fit and below it, on staggered lines, when they do not. Every box has a tooltip
 * ({@code <title>}) with its name, addresses and size.
 */
final class RegionSvg {

    static final int WIDTH = 1000;
    private static final int LEFT = 10;
    private static final int BAR_WIDTH = WIDTH - 2 * LEFT;
    private static final int BAR_TOP = 34;
    private static final int BAR_HEIGHT = 56;
    private static final int LANE = 14;
    private static final int LANES = 3;
    private static final double CHAR_WIDTH = 6.6;

    private RegionSvg() {}

    /** The SVG element of {@code region}. */
    static String render(RegionReport region) {
        double scale = region.size() <= 0 ? 0 : (double) BAR_WIDTH / region.size();
        StringBuilder svg = new StringBuilder();
        StringBuilder below = new StringBuilder();
        int lanesUsed = 0;
        int lane = 0;
        for (RegionRow row : region.rows()) {
            if (row.kind() == RegionRow.Kind.CONTAINER) {
                continue;
            }
            double x = LEFT + (row.start() - region.start()) * scale;
            double w = Math.max(row.size() * scale, 1.0);
            svg.append("  <g class=\"")
                    .append(row.kind().key())
                    .append("\">")
                    .append("<rect x=\"")
                    .append(Html.coordinate(x))
                    .append("\" y=\"")
                    .append(BAR_TOP)
                    .append("\" width=\"")
                    .append(Html.coordinate(w))
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\" fill=\"")
                    .append(colour(row))
                    .append("\" stroke=\"#4a4a4a\" stroke-width=\"0.5\">")
                    .append("<title>")
                    .append(Html.escape(tooltip(row)))
                    .append("</title></rect>");
            Optional<Fill> fill = row.largestFill();
            if (fill.isPresent() && fill.get().used() > 0) {
                double fw = Math.max(w * fill.get().fraction(), 1.0);
                svg.append("<rect class=\"fill\" x=\"")
                        .append(Html.coordinate(x))
                        .append("\" y=\"")
                        .append(BAR_TOP + BAR_HEIGHT / 2)
                        .append("\" width=\"")
                        .append(Html.coordinate(fw))
                        .append("\" height=\"")
                        .append(BAR_HEIGHT / 2)
                        .append("\" fill=\"")
                        .append(fill.get().used() > fill.get().size() ? "#c0392b" : "#1f5f99")
                        .append("\"><title>")
                        .append(Html.escape(fillTooltip(row)))
                        .append("</title></rect>");
            }
            String label = label(row);
            if (!label.isEmpty()) {
                if (label.length() * CHAR_WIDTH + 6 <= w) {
                    svg.append("<text x=\"")
                            .append(Html.coordinate(x + 3))
                            .append("\" y=\"")
                            .append(BAR_TOP + 16)
                            .append("\">")
                            .append(Html.escape(label))
                            .append("</text>");
                } else {
                    // Too narrow for its name: a tick down to the name, on the next of a few lines.
                    int y = BAR_TOP + BAR_HEIGHT + 12 + lane * LANE;
                    double cx = x + w / 2;
                    double tx = Math.min(Math.max(cx, LEFT), WIDTH - LEFT - label.length() * CHAR_WIDTH);
                    below.append("  <line x1=\"")
                            .append(Html.coordinate(cx))
                            .append("\" y1=\"")
                            .append(BAR_TOP + BAR_HEIGHT)
                            .append("\" x2=\"")
                            .append(Html.coordinate(cx))
                            .append("\" y2=\"")
                            .append(y - 9)
                            .append("\" stroke=\"#777\" stroke-width=\"0.5\"/>")
                            .append("<text x=\"")
                            .append(Html.coordinate(tx))
                            .append("\" y=\"")
                            .append(y)
                            .append("\">")
                            .append(Html.escape(label))
                            .append("</text>\n");
                    lanesUsed = Math.max(lanesUsed, lane + 1);
                    lane = (lane + 1) % LANES;
                }
            }
            svg.append("</g>\n");
        }
        StringBuilder brackets = new StringBuilder();
        for (RegionRow row : region.rows()) {
            if (row.kind() != RegionRow.Kind.CONTAINER) {
                continue;
            }
            double x = LEFT + (row.start() - region.start()) * scale;
            double w = Math.max(row.size() * scale, 1.0);
            brackets.append("  <g class=\"container\"><path d=\"M")
                    .append(Html.coordinate(x))
                    .append(' ')
                    .append(BAR_TOP - 2)
                    .append(" v-8 h")
                    .append(Html.coordinate(w))
                    .append(" v8\" fill=\"none\"")
                    .append(" stroke=\"#555\"/><text x=\"")
                    .append(Html.coordinate(x + 2))
                    .append("\" y=\"")
                    .append(BAR_TOP - 13)
                    .append("\">")
                    .append(Html.escape(row.name()))
                    .append("</text><title>")
                    .append(Html.escape(tooltip(row)))
                    .append("</title></g>\n");
        }
        int height = BAR_TOP + BAR_HEIGHT + 8 + Math.max(lanesUsed, 1) * LANE + 16;
        int axis = height - 6;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"monospace\" font-size=\"11\">\n");
        out.append("  <title>").append(Html.escape(title(region))).append("</title>\n");
        out.append(brackets).append(svg).append(below);
        out.append("  <text x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(axis)
                .append("\" fill=\"#555\">")
                .append(Html.hex(region.start()))
                .append("</text><text x=\"")
                .append(WIDTH - LEFT)
                .append("\" y=\"")
                .append(axis)
                .append("\" fill=\"#555\" text-anchor=\"end\">")
                .append(Html.hex(region.end()))
                .append("</text>\n");
        out.append("</svg>\n");
        return out.toString();
    }

    private static String title(RegionReport region) {
        return (region.domain().isEmpty() ? "" : region.domain() + " ") + region.name() + " " + Html.hex(region.start())
                + ".." + Html.hex(region.end());
    }

    private static String label(RegionRow row) {
        return switch (row.kind()) {
            case FREE -> "free";
            case ALIGNMENT_GAP -> "";
            default -> {
                Optional<Fill> fill = row.largestFill();
                yield fill.isPresent() ? row.name() + " " + fill.get().percent() + "%" : row.name();
            }
        };
    }

    private static String colour(RegionRow row) {
        return switch (row.kind()) {
            case FREE -> "#eeeeee";
            case ALIGNMENT_GAP -> "#f5b971";
            case PADDING -> "#fdd9a8";
            case CONTAINER -> "#ffffff";
            case PARTITION ->
                row.occupants().isEmpty()
                        ? "#d9d2e9"
                        : row.occupants().get(0).memory() == Budget.Memory.RAM ? "#cde8c9" : "#b9d7f0";
        };
    }

    private static String tooltip(RegionRow row) {
        List<String> parts = new ArrayList<>();
        parts.add(row.name() + " " + Html.hex(row.start()) + ".." + Html.hex(row.end()) + " (" + Html.hex(row.size())
                + " bytes, " + Html.human(row.size()) + ")");
        if (row.kind() == RegionRow.Kind.CONTAINER) {
            parts.add("spans " + String.join(", ", row.span()));
        }
        row.change().ifPresent(change -> parts.add("baseline: " + change.describe()));
        return String.join("; ", parts);
    }

    private static String fillTooltip(RegionRow row) {
        List<String> parts = new ArrayList<>();
        for (RegionRow.Occupant occupant : row.occupants()) {
            occupant.fill()
                    .ifPresent(fill -> parts.add(occupant.image() + ": " + fill.used() + " of " + fill.size()
                            + " bytes of "
                            + (occupant.header()
                                    ? "MCUboot header"
                                    : occupant.memory().label()) + " ("
                            + fill.percent() + "%)"));
        }
        return String.join("; ", parts);
    }
}
