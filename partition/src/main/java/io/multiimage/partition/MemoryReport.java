package io.multiimage.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A readable memory map per domain and region: every partition with start, end, size and
 * share of the region, containers with what they span, alignment gaps and unassigned ranges;
 * as text or as an SVG drawing.
 */
public final class MemoryReport {

    /** One row of the map. */
    public record Row(
            String name,
            long start,
            long end,
            long size,
            boolean container,
            boolean gap,
            boolean unassigned,
            List<String> span) {}

    /** One region of one domain. */
    public record RegionMap(String domain, String region, long start, long end, List<Row> rows) {
        /** Region size in bytes. */
        public long size() {
            return end - start;
        }
    }

    private MemoryReport() {}

    /** Builds the maps of every region of the given domains, regions in name order. */
    public static List<RegionMap> build(List<OutputDomain> domains) {
        List<RegionMap> maps = new ArrayList<>();
        for (OutputDomain d : domains) {
            TreeSet<String> regionNames = new TreeSet<>(PythonForms::compareCodePoints);
            for (Map<String, Object> p : d.partitions().values()) {
                regionNames.add(String.valueOf(p.get("region")));
            }
            for (String region : regionNames) {
                maps.add(regionMap(d, region));
            }
        }
        return maps;
    }

    private static long num(Object o) {
        return o instanceof Long l ? l : 0L;
    }

    private static RegionMap regionMap(OutputDomain d, String region) {
        List<Row> rows = new ArrayList<>();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (Map.Entry<String, Map<String, Object>> e : d.partitions().entrySet()) {
            Map<String, Object> p = e.getValue();
            if (!region.equals(String.valueOf(p.get("region")))) {
                continue;
            }
            long a = num(p.get("address"));
            long s = num(p.get("size"));
            List<String> span = new ArrayList<>();
            List<Object> sp = Props.asList(p.get("span"));
            if (sp != null) {
                sp.forEach(x -> span.add(String.valueOf(x)));
            }
            boolean container = p.containsKey("span");
            boolean gap = e.getKey().startsWith("EMPTY_");
            rows.add(new Row(e.getKey(), a, a + s, s, container, gap, false, span));
            lo = Math.min(lo, a);
            hi = Math.max(hi, a + s);
        }
        Map<String, Object> r = d.regions().get(region);
        if (r != null && r.get("size") instanceof Long size) {
            lo = num(r.get("base_address"));
            hi = lo + size;
        }
        List<Row> leaves = new ArrayList<>();
        for (Row row : rows) {
            if (!row.container()) {
                leaves.add(row);
            }
        }
        leaves.sort(Comparator.comparingLong(Row::start));
        long cursor = lo;
        for (Row leaf : leaves) {
            if (leaf.start() > cursor) {
                rows.add(new Row(
                        "(unassigned)", cursor, leaf.start(), leaf.start() - cursor, false, false, true, List.of()));
            }
            cursor = Math.max(cursor, leaf.end());
        }
        if (cursor < hi) {
            rows.add(new Row("(unassigned)", cursor, hi, hi - cursor, false, false, true, List.of()));
        }
        rows.sort(Comparator.comparingLong(Row::start)
                .thenComparing(row -> row.container() ? 0 : 1)
                .thenComparing(Comparator.comparingLong(Row::size).reversed())
                .thenComparing(Row::name));
        return new RegionMap(d.name(), region, lo, hi, rows);
    }

    private static String human(long size) {
        return size >= 1024 ? (size / 1024) + " kB" : size + " B";
    }

    private static String share(long size, long total) {
        return total <= 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * size / total);
    }

    /** The text report. */
    public static String text(List<OutputDomain> domains) {
        StringBuilder b = new StringBuilder();
        for (RegionMap m : build(domains)) {
            b.append(m.domain().isEmpty() ? "" : "domain " + m.domain() + ", ")
                    .append("region ")
                    .append(m.region())
                    .append(" [")
                    .append(Props.hex(m.start()))
                    .append(", ")
                    .append(Props.hex(m.end()))
                    .append(") ")
                    .append(Props.hex(m.size()))
                    .append(" bytes (")
                    .append(human(m.size()))
                    .append(")\n");
            b.append(String.format(
                    Locale.ROOT, "  %-12s %-12s %-10s %-9s %6s  %s%n", "start", "end", "size", "", "share", "name"));
            for (Row row : m.rows()) {
                String kind = row.container() ? "container" : row.gap() ? "align-gap" : row.unassigned() ? "free" : "";
                String name = row.container()
                        ? "+ " + row.name() + " spans " + String.join(", ", row.span())
                        : "| " + row.name();
                b.append(String.format(
                        Locale.ROOT,
                        "  %-12s %-12s %-10s %-9s %6s  %s%n",
                        Props.hex(row.start()),
                        Props.hex(row.end()),
                        Props.hex(row.size()),
                        kind,
                        share(row.size(), m.size()),
                        name));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The same map as an SVG drawing: one column per region, lowest address at the bottom. */
    public static String svg(List<OutputDomain> domains) {
        List<RegionMap> maps = build(domains);
        int colWidth = 340;
        int height = 640;
        int top = 40;
        StringBuilder b = new StringBuilder();
        int width = Math.max(1, maps.size()) * (colWidth + 20) + 20;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height + top + 20)
                .append("\" font-family=\"monospace\" font-size=\"11\">\n");
        int x = 20;
        for (RegionMap m : maps) {
            String title = (m.domain().isEmpty() ? "" : m.domain() + " ") + m.region() + " (" + human(m.size()) + ")";
            b.append("  <text x=\"")
                    .append(x)
                    .append("\" y=\"20\" font-weight=\"bold\">")
                    .append(xml(title))
                    .append("</text>\n");
            double scale = m.size() <= 0 ? 0 : (double) height / m.size();
            for (Row row : m.rows()) {
                double y0 = top + height - (row.end() - m.start()) * scale;
                double h = Math.max(row.size() * scale, 1.0);
                int indent = row.container() ? 0 : 40;
                int w = row.container() ? 36 : colWidth - 40;
                String fill =
                        row.container() ? "#c6dbef" : row.gap() ? "#fdd0a2" : row.unassigned() ? "#eeeeee" : "#9ecae1";
                b.append(String.format(
                        Locale.ROOT,
                        "  <rect x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"%s\" stroke=\"#333\">"
                                + "<title>%s %s-%s (%s)</title></rect>%n",
                        x + indent,
                        y0,
                        w,
                        h,
                        fill,
                        xml(row.name()),
                        Props.hex(row.start()),
                        Props.hex(row.end()),
                        Props.hex(row.size())));
                if (!row.container() && h >= 11) {
                    b.append(String.format(
                            Locale.ROOT,
                            "  <text x=\"%d\" y=\"%.2f\">%s %s %s</text>%n",
                            x + indent + 4,
                            y0 + Math.min(h, 24) / 2 + 4,
                            xml(row.name()),
                            Props.hex(row.start()),
                            share(row.size(), m.size())));
                }
            }
            x += colWidth + 20;
        }
        b.append("</svg>\n");
        return b.toString();
    }
}
