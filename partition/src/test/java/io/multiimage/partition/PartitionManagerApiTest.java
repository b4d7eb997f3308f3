package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process API the build pipeline calls gives the same results as the drop-in CLI. */
class PartitionManagerApiTest {

    private static final List<Region> NRF52840 = List.of(Fixtures.sram(0x20000000L, 0x40000), Fixtures.flash(0x100000));

    private static List<RequestSource> mcubootAppSources() throws IOException {
        Path dir = Golden.dir("mcuboot-app");
        return List.of(
                RequestSource.ofFile(dir.resolve("1-mcuboot.pm.yml")),
                RequestSource.ofFile(dir.resolve("2-settings.pm.yml")),
                RequestSource.ofFile(dir.resolve("3-sram.pm.yml")));
    }

    @Test
    void placeGivesTheReferenceLayoutAndLooksPartitionsUp() throws Exception {
        Layout layout = new PartitionManager().place(DomainConfig.root(mcubootAppSources(), null, NRF52840));
        Set<String> unordered = Golden.unorderedSpans("mcuboot-app");
        Path expected = Golden.dir("mcuboot-app").resolve("expected");
        assertEquals(
                Golden.normalise(Files.readString(expected.resolve("partitions.yml")), unordered),
                Golden.normalise(layout.partitionsYaml(), unordered));
        assertEquals(Files.readString(expected.resolve("regions.yml")), layout.regionsYaml());

        assertEquals(0xc200, layout.addressOf("app"));
        Partition primary = layout.get("mcuboot_primary");
        assertTrue(primary.isContainer());
        assertEquals(Set.of("mcuboot_pad", "app"), Set.copyOf(primary.span()));
        assertEquals(primary.address() + primary.size(), primary.endAddress());
        assertEquals(layout.sizeOf("mcuboot_primary"), layout.sizeOf("mcuboot_secondary"));
        assertFalse(layout.isStatic("app"));
        assertFalse(layout.get("app").isGap());
        assertTrue(layout.find("EMPTY_0").isEmpty(), "every alignment is met without gaps here");
        List<Partition> flash = layout.inRegion("flash_primary");
        assertEquals("mcuboot", flash.get(0).name());
        assertEquals("mcuboot_primary", flash.get(1).name(), "container before its first member");
    }

    @Test
    void headerAndPmConfigFromTheLayoutMatchTheReference() throws Exception {
        Layout layout = new PartitionManager().place(DomainConfig.root(mcubootAppSources(), null, NRF52840));
        List<OutputDomain> domains = List.of(layout.toOutputDomain());
        Path expected = Golden.dir("mcuboot-app").resolve("expected");
        String header = ConfigGenerator.header(domains, ":app", "pm_config_app.h");
        String want = Files.readString(expected.resolve("pm_config_app.h"));
        assertEquals(want.substring(want.indexOf('\n')), header.substring(header.indexOf('\n')));
        assertTrue(header.contains("#define PM_ADDRESS 0xc200\n#define PM_SIZE 0x78e00\n"));
        Set<String> unordered = Golden.unorderedSpans("mcuboot-app");
        assertEquals(
                Golden.normalise(Files.readString(expected.resolve("pm.config")), unordered),
                Golden.normalise(ConfigGenerator.pmConfig(domains), unordered));
    }

    @Test
    void staticPartitionsAreReportedAsStatic() throws Exception {
        Layout layout = Fixtures.place(
                List.of(Fixtures.flash(0x10000)),
                "boot:\n  address: 0x0\n  size: 0x2000\n",
                "pm.yml",
                "boot:\n  size: 0x1000\n  placement: {after: [start]}\nlog:\n  size: 0x1000\n"
                        + "  placement: {before: [end]}\n");
        assertTrue(layout.isStatic("boot"));
        assertFalse(layout.isStatic("log"));
        assertEquals(0x2000, layout.sizeOf("boot"));
        assertEquals(0x2000, layout.addressOf("app"));
        assertEquals(
                Map.of("address", 0L, "end_address", 0x2000L, "region", "flash_primary", "size", 0x2000L),
                layout.get("boot").properties());
    }

    @Test
    void parsedMapSourcesAreCopiedAndNeverModified() throws Exception {
        Map<String, Object> placement = new LinkedHashMap<>(Map.of("after", "start"));
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("size", 0x1000);
        boot.put("placement", placement);
        Map<String, Object> requests = new LinkedHashMap<>(Map.of("boot", boot));
        Layout layout = new PartitionManager()
                .place(DomainConfig.root(
                        List.of(RequestSource.ofMap("generated", requests)), null, List.of(Fixtures.flash(0x8000))));
        assertEquals(0x1000, layout.addressOf("app"));
        assertEquals("start", placement.get("after"), "the caller's map is untouched");
        assertEquals(0x1000, boot.get("size"));
    }

    @Test
    void warningsReportDroppedPartitions() throws Exception {
        List<String> warnings = new ArrayList<>();
        new PartitionManager(warnings::add)
                .place(DomainConfig.root(
                        Fixtures.requests(
                                "a.yml", "gone:\n  size: 0\n  placement: {after: [start]}\nempty_box:\n  span: []\n"),
                        null,
                        List.of(Fixtures.flash(0x8000))));
        assertTrue(warnings.contains("Dropping partition 'gone' since its size is 0."), warnings.toString());
        assertTrue(warnings.contains("Dropping partition 'empty_box' since it is empty."), warnings.toString());
    }

    @Test
    void ambiguousPlacementsAreResolvedInDefinitionOrderWithAWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        Layout layout = new PartitionManager(warnings::add)
                .place(DomainConfig.root(
                        Fixtures.requests(
                                "a.yml",
                                "first:\n  size: 0x1000\n  placement: {before: [end], align: {start: 0x1000}}\n"
                                        + "second:\n  size: 0x1000\n  placement: {before: [end]}\n"),
                        null,
                        List.of(Fixtures.flash(0x10000))));
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.startsWith("Partitions 'first' and 'second' are both placed"
                                + " before 'end' with different placements")),
                warnings.toString());
        assertTrue(
                warnings.stream().anyMatch(w -> w.contains("which puts 'second' next to 'end'")), warnings.toString());
        assertEquals(0xf000, layout.addressOf("second"), "placed last, so next to 'end'");
        assertEquals(0xe000, layout.addressOf("first"));
    }

    @Test
    void staleFreeSpaceAndGapRecordsInTheStaticFileAreAcceptedWithAWarning() throws Exception {
        List<Region> regions = List.of(
                Fixtures.flash(0x10000),
                Region.of("external_flash", 0, 0x100000, PlacementStrategy.START_TO_END)
                        .withDevice("spi_nor", ""));
        List<String> warnings = new ArrayList<>();
        String statics = "external_flash:\n  address: 0x0\n  size: 0x100000\n  region: external_flash\n"
                + "slot:\n  address: 0x0\n  size: 0x20000\n  region: external_flash\n"
                + "EMPTY_0:\n  address: 0xe000\n  size: 0x2000\n"
                + "storage:\n  address: 0xf000\n  size: 0x1000\n";
        Layout layout = new PartitionManager(warnings::add)
                .place(DomainConfig.root(
                        Fixtures.requests("a.yml", "boot:\n  size: 0x1000\n  placement: {after: [start]}\n"),
                        RequestSource.ofText("pm_static.yml", statics),
                        regions));
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.startsWith("Static partitions 'external_flash' and 'slot'"
                                + " overlap; 'external_flash' is a generated free-space or gap record")),
                warnings.toString());
        assertTrue(
                warnings.stream().anyMatch(w -> w.startsWith("Static partitions 'EMPTY_0' and 'storage' overlap")),
                warnings.toString());
        assertEquals(0x1000, layout.addressOf("app"));
        assertEquals(0xd000, layout.sizeOf("app"));
    }

    @Test
    void partitionsOfUnconfiguredRegionsAreLeftOutWithAWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        Layout layout = new PartitionManager(warnings::add)
                .place(DomainConfig.root(
                        Fixtures.requests(
                                "ext.yml",
                                "boot:\n  size: 0x1000\n  placement: {after: [start]}\nlogs:\n  region: external_flash\n"
                                        + "  size: 0x1000\n"),
                        null,
                        List.of(Fixtures.flash(0x8000))));
        assertTrue(layout.find("logs").isEmpty());
        assertTrue(
                warnings.contains("ext.yml:4: partition 'logs' is in region 'external_flash', which is not configured"
                        + " for this domain; it is left out of the layout."),
                warnings.toString());
    }

    @Test
    void layoutFilesAreWrittenTogether(@TempDir Path dir) throws Exception {
        Layout layout = new PartitionManager().place(DomainConfig.root(mcubootAppSources(), null, NRF52840));
        AtomicFiles.writeLayout(layout, dir.resolve("out/partitions.yml"), dir.resolve("out/regions.yml"));
        assertEquals(layout.partitionsYaml(), Files.readString(dir.resolve("out/partitions.yml")));
        assertEquals(layout.regionsYaml(), Files.readString(dir.resolve("out/regions.yml")));
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void headerForAContainerImageWithoutImagePartitionIsRejected() throws Exception {
        Layout layout = new PartitionManager().place(DomainConfig.root(mcubootAppSources(), null, NRF52840));
        PartitionException e = assertThrows(
                PartitionException.class,
                () -> ConfigGenerator.header(List.of(layout.toOutputDomain()), ":mcuboot_primary", "pm_config.h"));
        assertTrue(e.getMessage().contains("partition 'mcuboot_primary' is a container"), e.getMessage());
        PartitionException unknown = assertThrows(
                PartitionException.class,
                () -> ConfigGenerator.header(List.of(layout.toOutputDomain()), ":nope", "pm_config.h"));
        assertTrue(unknown.getMessage().contains("unknown partition 'nope'"), unknown.getMessage());
    }

    @Test
    void headerOfAContainerImageUsesItsImagePartitionWithAWarning() throws Exception {
        Path dir = Golden.dir("header-quirks").resolve("expected");
        OutputDomain root = OutputDomain.parse(
                "",
                "partitions.yml",
                Files.readString(dir.resolve("partitions.yml")),
                "regions.yml",
                Files.readString(dir.resolve("regions.yml")));
        List<String> warnings = new ArrayList<>();
        String header = ConfigGenerator.header(List.of(root), ":fw", "pm_config.h", warnings::add);
        assertTrue(header.contains("#define PM_ADDRESS 0x4000\n"), header);
        assertTrue(
                warnings.get(0)
                        .startsWith("Partition image 'fw' is a container spanning [app] with the name of its"
                                + " image; 'fw_image'"),
                warnings.toString());
    }

    @Test
    void domainNamesFollowTheFileNames() {
        assertEquals("CPUNET", OutputDomain.domainOfFile("partitions_CPUNET.yml", "partitions"));
        assertEquals("", OutputDomain.domainOfFile("partitions.yml", "partitions"));
        assertEquals(
                "partitions_CPUNET.yml", new DomainConfig("CPUNET", List.of(), null, List.of()).partitionsFileName());
        assertEquals(
                "regions.yml", DomainConfig.root(List.of(), null, List.of()).regionsFileName());
    }
}
