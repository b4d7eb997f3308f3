package io.multiimage.core.report;

import io.multiimage.core.toolchain.MemoryRegion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory report as a JSON document tree ({@code memory-report.json}), and the memory facts
 * a build adds to {@code build-info.json} so a later build can compare with it. Maps keep their
 * insertion order, which is the documented key order (docs/memory-report.md); addresses are
 * hex strings ({@code "0x14000"}), sizes and byte counts are numbers.
 */
public final class ReportJson {

    /** The version of the {@code memory-report.json} layout. */
    public static final int FORMAT = 1;

    private ReportJson() {}

    /** The document of {@code memory-report.json}. */
    public static Map<String, Object> of(FirmwareMemoryReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        List<Object> domains = new ArrayList<>();
        for (DomainReport domain : report.domains()) {
            domains.add(domain(domain));
        }
        root.put("domains", domains);
        List<Object> images = new ArrayList<>();
        for (ReportedImage image : report.images()) {
            images.add(image(image));
        }
        root.put("images", images);
        report.comparison().ifPresent(comparison -> root.put("baseline", comparison(comparison)));
        List<Object> budgets = new ArrayList<>();
        for (BudgetVerdict verdict : report.budgets()) {
            budgets.add(budget(verdict));
        }
        root.put("budgets", budgets);
        return root;
    }

    /**
     * What {@code build-info.json} records of {@code image} for later comparisons:
     * {@code source}, {@code flashUsed}, {@code flashSize}, {@code ramUsed}, {@code ramSize}
     * (the figures that were measured).
     */
    public static Map<String, Object> buildInfoMemory(ReportedImage image) {
        Map<String, Object> node = new LinkedHashMap<>();
        ImageUsage usage = image.usage();
        node.put("source", usage.source().key());
        usage.flash().ifPresent(fill -> {
            node.put("flashUsed", fill.used());
            node.put("flashSize", fill.size());
        });
        usage.ram().ifPresent(fill -> {
            node.put("ramUsed", fill.used());
            node.put("ramSize", fill.size());
        });
        return node;
    }

    /** What {@code build-info.json} records of the layout: per domain, every partition's address and size. */
    public static Map<String, Object> buildInfoLayout(FirmwareMemoryReport report) {
        Map<String, Object> layout = new LinkedHashMap<>();
        report.layout().forEach((domain, partitions) -> {
            Map<String, Object> node = new LinkedHashMap<>();
            partitions.forEach((name, facts) -> {
                Map<String, Object> partition = new LinkedHashMap<>();
                partition.put("address", hex(facts.address()));
                partition.put("size", hex(facts.size()));
                node.put(name, partition);
            });
            layout.put(domain, node);
        });
        return layout;
    }

    private static Map<String, Object> domain(DomainReport domain) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", domain.name());
        List<Object> regions = new ArrayList<>();
        for (RegionReport region : domain.regions()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", region.name());
            r.put("start", hex(region.start()));
            r.put("end", hex(region.end()));
            r.put("size", region.size());
            r.put("partitioned", region.partitioned());
            r.put("padding", region.padding());
            r.put("alignmentGaps", region.alignmentGaps());
            r.put("free", region.free());
            List<Object> rows = new ArrayList<>();
            for (RegionRow row : region.rows()) {
                rows.add(row(row));
            }
            r.put("rows", rows);
            regions.add(r);
        }
        node.put("regions", regions);
        node.put(
                "placedByLoadOffset",
                domain.placedByLoadOffset().stream().map(i -> (Object) i.name()).toList());
        return node;
    }

    private static Map<String, Object> row(RegionRow row) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", row.name());
        node.put("kind", row.kind().key());
        node.put("start", hex(row.start()));
        node.put("end", hex(row.end()));
        node.put("size", row.size());
        if (row.kind() == RegionRow.Kind.CONTAINER) {
            node.put("span", new ArrayList<Object>(row.span()));
        }
        List<Object> occupants = new ArrayList<>();
        for (RegionRow.Occupant occupant : row.occupants()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("image", occupant.image());
            o.put("memory", occupant.memory().key());
            if (occupant.header()) {
                o.put("header", true);
            }
            occupant.fill().ifPresent(fill -> fill(o, fill));
            occupants.add(o);
        }
        node.put("images", occupants);
        row.change().ifPresent(change -> node.put("change", change(change)));
        return node;
    }

    private static Map<String, Object> image(ReportedImage image) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", image.name());
        node.put("domain", image.domain());
        node.put("strategy", image.strategy());
        if (image.byLoadOffset()) {
            node.put("placement", "CONFIG_FLASH_LOAD_OFFSET");
            node.put("placementOrigin", image.loadOffsetOrigin().orElseThrow());
        } else {
            node.put("partition", image.partition());
        }
        ImageUsage usage = image.usage();
        node.put("source", usage.source().key());
        usage.file().ifPresent(file -> node.put("file", file));
        Map<String, Object> flash = new LinkedHashMap<>();
        flash.put("address", hex(image.flash().origin()));
        flash.put("size", image.flash().size());
        linkedAt(image.aliasShift(), image.linkedFlash(), flash);
        usage.flash().ifPresent(fill -> {
            flash.put("used", fill.used());
            flash.put("contents", usage.flashContents());
            flash.put("padding", usage.flashPadding());
            usage.signing().ifPresent(signing -> {
                flash.put("tlvs", signing.tlvBytes());
                flash.put("trailer", signing.trailerBytes());
            });
            flash.put("free", fill.free());
            flash.put("fillPercent", fill.percent());
        });
        usage.signing().ifPresent(signing -> {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("slot", signing.slot());
            header.put("partition", signing.header());
            header.put("size", signing.headerBytes());
            flash.put("header", header);
        });
        node.put("flash", flash);
        Map<String, Object> ram = new LinkedHashMap<>();
        ram.put("address", hex(image.ram().origin()));
        ram.put("size", image.ram().size());
        linkedAt(image.aliasShift(), image.linkedRam(), ram);
        usage.ram().ifPresent(fill -> fill(ram, fill));
        node.put("ram", ram);
        if (usage.source() == ImageUsage.Source.ELF) {
            Map<String, Object> sections = new LinkedHashMap<>();
            for (SectionKind kind : SectionKind.values()) {
                sections.put(kind.key(), usage.sections().getOrDefault(kind, 0L));
            }
            node.put("sections", sections);
        }
        node.put("notes", new ArrayList<Object>(usage.notes()));
        return node;
    }

    /** Where an image seen through another alias than the layout's is linked (absent when the same). */
    private static void linkedAt(long aliasShift, MemoryRegion linked, Map<String, Object> node) {
        if (aliasShift != 0) {
            node.put("linkedAddress", hex(linked.origin()));
        }
    }

    private static Map<String, Object> comparison(Comparison comparison) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("label", comparison.baseline());
        List<Object> images = new ArrayList<>();
        for (ImageChange change : comparison.images()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", change.image());
            c.put("status", change.status().key());
            put(c, "flashBefore", change.flashBefore());
            put(c, "flashAfter", change.flashAfter());
            put(c, "flashDelta", change.flashDelta());
            put(c, "ramBefore", change.ramBefore());
            put(c, "ramAfter", change.ramAfter());
            put(c, "ramDelta", change.ramDelta());
            images.add(c);
        }
        node.put("images", images);
        List<Object> partitions = new ArrayList<>();
        for (PartitionChange change : comparison.partitions()) {
            Map<String, Object> c = change(change);
            c.put("domain", change.domain());
            c.put("name", change.name());
            partitions.add(reorder(c, "domain", "name"));
        }
        node.put("partitions", partitions);
        node.put("notes", new ArrayList<Object>(comparison.notes()));
        return node;
    }

    private static Map<String, Object> change(PartitionChange change) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("status", change.status().key());
        change.before().ifPresent(facts -> node.put("before", facts(facts)));
        change.after().ifPresent(facts -> node.put("after", facts(facts)));
        change.sizeDelta().ifPresent(delta -> node.put("sizeDelta", delta));
        return node;
    }

    private static Map<String, Object> budget(BudgetVerdict verdict) {
        Map<String, Object> node = new LinkedHashMap<>();
        Budget budget = verdict.budget();
        node.put("image", budget.image());
        node.put("memory", budget.memory().key());
        node.put("limit", budget.limit().text());
        put(node, "limitBytes", verdict.limitBytes());
        verdict.fill().ifPresent(fill -> {
            node.put("used", fill.used());
            node.put("size", fill.size());
        });
        node.put("status", verdict.status());
        node.put("declaredIn", budget.declaredIn());
        return node;
    }

    private static void fill(Map<String, Object> node, Fill fill) {
        node.put("used", fill.used());
        node.put("free", fill.free());
        node.put("fillPercent", fill.percent());
    }

    private static Map<String, Object> facts(PartitionFacts facts) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("address", hex(facts.address()));
        node.put("size", facts.size());
        return node;
    }

    private static void put(Map<String, Object> node, String key, Optional<Long> value) {
        value.ifPresent(v -> node.put(key, v));
    }

    /** {@code keys} first, then the rest in their order. */
    private static Map<String, Object> reorder(Map<String, Object> node, String... keys) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : keys) {
            ordered.put(key, node.get(key));
        }
        node.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
