package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static final String POM = "app/pom.xml";

    private static FirmwareMemoryReport report() throws Exception {
        Baseline baseline = Baseline.parse(BaselineTest.WITH_MEMORY, "com.acme:app:1.0.0", "build-info.json");
        return FirmwareMemoryReport.of(
                ReportFixtures.images(),
                ReportFixtures.layouts(),
                Optional.of(baseline),
                List.of(new Budget("app", Budget.Memory.FLASH, Budget.Limit.parse("90%", POM), POM)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @Test
    void topLevelKeysComeInTheDocumentedOrder() throws Exception {
        Map<String, Object> json = ReportJson.of(report());

        assertEquals(List.of("format", "domains", "images", "baseline", "budgets"), List.copyOf(json.keySet()));
        assertEquals(1, json.get("format"));
    }

    @Test
    void aRegionHasItsTotalsAndRowsWithTheirImagesFillsAndChanges() throws Exception {
        Map<String, Object> domain =
                map(list(ReportJson.of(report()).get("domains")).get(0));
        Map<String, Object> flash = map(list(domain.get("regions")).get(0));

        assertEquals("CPUAPP", domain.get("name"));
        assertEquals(
                List.of("name", "start", "end", "size", "partitioned", "padding", "alignmentGaps", "free", "rows"),
                List.copyOf(flash.keySet()));
        assertEquals("flash_primary", flash.get("name"));
        assertEquals("0x100000", flash.get("end"));
        assertEquals(0x81000L, flash.get("free"));
        Map<String, Object> app = list(flash.get("rows")).stream()
                .map(ReportJsonTest::map)
                .filter(row -> row.get("name").equals("app"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("name", "kind", "start", "end", "size", "images", "change"), List.copyOf(app.keySet()));
        assertEquals(
                List.of(Map.of(
                        "image",
                        "app",
                        "memory",
                        "flash",
                        "used",
                        0x8000L,
                        "free",
                        0x6fe00L - 0x8000,
                        "fillPercent",
                        new BigDecimal("7.2"))),
                app.get("images"));
        assertEquals(
                List.of("status", "before", "after", "sizeDelta"),
                List.copyOf(map(app.get("change")).keySet()));
        assertEquals(
                Map.of(
                        "status",
                        "moved-and-resized",
                        "before",
                        Map.of("address", "0x14000", "size", 0x2c000L),
                        "after",
                        Map.of("address", "0xd200", "size", 0x6fe00L),
                        "sizeDelta",
                        0x6fe00L - 0x2c000),
                app.get("change"));
    }

    @Test
    void anImageCarriesItsPlacementFiguresSectionsAndNotes() throws Exception {
        List<Object> images = list(ReportJson.of(report()).get("images"));
        Map<String, Object> app = map(images.get(0));
        Map<String, Object> net = map(images.get(2));

        assertEquals(
                List.of(
                        "name",
                        "domain",
                        "strategy",
                        "partition",
                        "source",
                        "file",
                        "flash",
                        "ram",
                        "sections",
                        "notes"),
                List.copyOf(app.keySet()));
        assertEquals(
                List.of("address", "size", "used", "contents", "padding", "free", "fillPercent"),
                List.copyOf(map(app.get("flash")).keySet()));
        assertEquals(
                List.of("text", "rodata", "data", "bss", "noinit", "stack", "heap"),
                List.copyOf(map(app.get("sections")).keySet()));
        assertEquals("hex", net.get("source"));
        assertEquals(Map.of("address", "0x21000000", "size", 0x10000L), net.get("ram"), "no RAM figures without ELF");
        assertFalse(net.containsKey("sections"));
        assertEquals(List.of(ImageMeasurement.PREBUILT), net.get("notes"));
        Map<String, Object> spare = map(images.get(3));
        assertEquals(Map.of("address", "0x1030000", "size", 0x10000L), spare.get("flash"));
    }

    @Test
    void aSignedImageAndAnImageLinkedAtAnotherAliasSayWhere() throws Exception {
        ReportedImage app = ReportFixtures.app(0x8000, 0x1000);
        ReportedImage secure = new ReportedImage(
                "app",
                "CPUAPP",
                "from-source",
                "app",
                app.flash(),
                app.ram(),
                Optional.empty(),
                app.usage().signed(new SignedFraming("mcuboot_primary", "mcuboot_pad", 0x200, 0x150, 0x30)),
                0x10000000L);

        Map<String, Object> json = map(list(ReportJson.of(FirmwareMemoryReport.of(
                                List.of(secure), ReportFixtures.layouts(), Optional.empty(), List.of()))
                        .get("images"))
                .get(0));

        Map<String, Object> flash = map(json.get("flash"));
        assertEquals(
                List.of(
                        "address",
                        "size",
                        "linkedAddress",
                        "used",
                        "contents",
                        "padding",
                        "tlvs",
                        "trailer",
                        "free",
                        "fillPercent",
                        "header"),
                List.copyOf(flash.keySet()));
        assertEquals("0xd200", flash.get("address"), "where the layout puts it");
        assertEquals("0x1000d200", flash.get("linkedAddress"), "where it runs");
        assertEquals(0x8180L, flash.get("used"));
        assertEquals(0x150L, flash.get("tlvs"));
        assertEquals(0x30L, flash.get("trailer"));
        assertEquals(
                Map.of("slot", "mcuboot_primary", "partition", "mcuboot_pad", "size", 0x200L), flash.get("header"));
        assertEquals("0x30000000", map(json.get("ram")).get("linkedAddress"));
    }

    @Test
    void theBaselineSectionHasImageDeltasAndPartitionChanges() throws Exception {
        Map<String, Object> baseline = map(ReportJson.of(report()).get("baseline"));

        assertEquals("com.acme:app:1.0.0", baseline.get("label"));
        Map<String, Object> app = map(list(baseline.get("images")).get(0));
        assertEquals(
                List.of(
                        "name",
                        "status",
                        "flashBefore",
                        "flashAfter",
                        "flashDelta",
                        "ramBefore",
                        "ramAfter",
                        "ramDelta"),
                List.copyOf(app.keySet()));
        assertEquals(0x8000L - 723, app.get("flashDelta"));
        Map<String, Object> first = map(list(baseline.get("partitions")).get(0));
        assertEquals(List.of("domain", "name", "status", "before", "after", "sizeDelta"), List.copyOf(first.keySet()));
        assertEquals("mcuboot", first.get("name"));
        assertEquals("resized", first.get("status"));
    }

    @Test
    void budgetsAndBuildInfoFactsAreRecorded() throws Exception {
        FirmwareMemoryReport report = report();

        Map<String, Object> budget =
                map(list(ReportJson.of(report).get("budgets")).get(0));
        assertEquals(
                List.of("image", "memory", "limit", "limitBytes", "used", "size", "status", "declaredIn"),
                List.copyOf(budget.keySet()));
        assertEquals("passed", budget.get("status"));
        assertEquals(
                Map.of(
                        "source",
                        "elf",
                        "flashUsed",
                        0x8000L,
                        "flashSize",
                        0x6fe00L,
                        "ramUsed",
                        0x1000L,
                        "ramSize",
                        0x40000L),
                ReportJson.buildInfoMemory(report.images().get(0)));
        assertEquals(
                Map.of("source", "none"),
                ReportJson.buildInfoMemory(report.images().get(3)));
        assertEquals(
                Map.of("address", "0xd200", "size", "0x6fe00"),
                map(map(ReportJson.buildInfoLayout(report).get("CPUAPP")).get("app")));
    }

    @Test
    void buildInfoFactsReadBackAsTheSameBaseline() throws Exception {
        FirmwareMemoryReport report = report();
        Map<String, Map<String, PartitionFacts>> layout = report.layout();

        StringBuilder json = new StringBuilder("{\"images\":[");
        for (ReportedImage image : report.images()) {
            Map<String, Object> memory = ReportJson.buildInfoMemory(image);
            json.append(image == report.images().get(0) ? "" : ",")
                    .append("{\"name\":\"")
                    .append(image.name())
                    .append("\",\"domain\":\"")
                    .append(image.domain())
                    .append("\",\"memory\":{");
            String separator = "";
            for (Map.Entry<String, Object> e : memory.entrySet()) {
                json.append(separator)
                        .append('"')
                        .append(e.getKey())
                        .append("\":")
                        .append(e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue());
                separator = ",";
            }
            json.append("}}");
        }
        json.append("],\"layout\":{");
        String d = "";
        for (Map.Entry<String, Object> domain :
                ReportJson.buildInfoLayout(report).entrySet()) {
            json.append(d).append('"').append(domain.getKey()).append("\":{");
            String p = "";
            for (Map.Entry<String, Object> partition : map(domain.getValue()).entrySet()) {
                Map<String, Object> facts = map(partition.getValue());
                json.append(p)
                        .append('"')
                        .append(partition.getKey())
                        .append("\":{\"address\":\"")
                        .append(facts.get("address"))
                        .append("\",\"size\":\"")
                        .append(facts.get("size"))
                        .append("\"}");
                p = ",";
            }
            json.append('}');
            d = ",";
        }
        json.append("}}");

        Baseline again = Baseline.parse(json.toString(), "again", "build-info.json");

        assertEquals(layout, again.layout());
        assertEquals(Optional.of(0x8000L), again.images().get("app").flashUsed());
        assertEquals(Optional.of(0x1000L), again.images().get("app").ramUsed());
        assertEquals(Optional.empty(), again.images().get("net").ramUsed());
    }
}
