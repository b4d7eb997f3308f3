package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.toolchain.MemoryRegion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirmwareMemoryReportTest {

    private static final String POM = "app/pom.xml";

    private static FirmwareMemoryReport report(
            List<ReportedImage> images, Optional<Baseline> baseline, List<Budget> budgets) throws Exception {
        return FirmwareMemoryReport.of(images, ReportFixtures.layouts(), baseline, budgets);
    }

    private static RegionReport region(FirmwareMemoryReport report, String domain, String name) {
        return report.domains().stream()
                .filter(d -> d.name().equals(domain))
                .findFirst()
                .orElseThrow()
                .regions()
                .stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static RegionRow row(RegionReport region, String name) {
        return region.rows().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyPartitionGapPaddingAndFreeRangeIsARowInAddressOrder() throws Exception {
        RegionReport flash =
                region(report(ReportFixtures.images(), Optional.empty(), List.of()), "CPUAPP", "flash_primary");

        assertEquals(
                List.of(
                        "mcuboot:partition",
                        "EMPTY_0:alignment-gap",
                        "mcuboot_primary:container",
                        "mcuboot_pad:padding",
                        "app:partition",
                        "settings_storage:partition",
                        "(free):free"),
                flash.rows().stream().map(r -> r.name() + ":" + r.kind().key()).toList());
        assertEquals(0x100000 - 0x7f000, flash.free());
        assertEquals(0x1000, flash.alignmentGaps());
        assertEquals(0x200, flash.padding());
        assertEquals(
                List.of("mcuboot_pad", "app"), row(flash, "mcuboot_primary").span());
    }

    @Test
    void eachImageLivesInItsFlashPartitionAndItsRamWithItsFill() throws Exception {
        FirmwareMemoryReport report = report(ReportFixtures.images(), Optional.empty(), List.of());

        RegionRow app = row(region(report, "CPUAPP", "flash_primary"), "app");
        assertEquals(
                List.of(new RegionRow.Occupant("app", Budget.Memory.FLASH, Optional.of(new Fill(0x8000, 0x6fe00)))),
                app.occupants());
        RegionRow sram = row(region(report, "CPUAPP", "sram_primary"), "sram_primary");
        assertEquals(
                List.of("app", "mcuboot"),
                sram.occupants().stream().map(RegionRow.Occupant::image).toList(),
                "a bootloader and the application it starts share the RAM");
        assertEquals(Optional.of(new Fill(0x2000, 0x40000)), sram.largestFill());
        assertEquals(
                List.of(),
                row(region(report, "CPUAPP", "flash_primary"), "settings_storage")
                        .occupants());
        RegionRow spare = row(region(report, "CPUNET", "flash_primary"), "spare");
        assertEquals(
                List.of(new RegionRow.Occupant("spare", Budget.Memory.FLASH, Optional.empty())),
                spare.occupants(),
                "a skipped image's partition is shown, without figures");
    }

    @Test
    void thePadOfASignedImageHoldsItsHeaderAndItsPartitionItsTlvsAndTrailer() throws Exception {
        ReportedImage app = ReportFixtures.app(0x8000, 0x1000);
        ReportedImage signed = ReportFixtures.image(
                "app",
                "CPUAPP",
                "from-source",
                "app",
                app.flash(),
                app.ram(),
                app.usage().signed(new SignedFraming("mcuboot_primary", "mcuboot_pad", 0x200, 0x150, 0x30)));

        RegionReport flash = region(
                report(List.of(signed, ReportFixtures.mcuboot()), Optional.empty(), List.of()),
                "CPUAPP",
                "flash_primary");

        assertEquals(
                List.of(new RegionRow.Occupant("app", Budget.Memory.FLASH, Optional.of(new Fill(0x200, 0x200)), true)),
                row(flash, "mcuboot_pad").occupants());
        assertEquals(
                List.of(new RegionRow.Occupant(
                        "app", Budget.Memory.FLASH, Optional.of(new Fill(0x8000 + 0x180, 0x6fe00)))),
                row(flash, "app").occupants());
        assertEquals(List.of(), row(flash, "mcuboot_primary").occupants(), "the slot is drawn as a bracket");
        assertTrue(MemoryMapText.render(report(List.of(signed), Optional.empty(), List.of()))
                .contains("app header 100.0%"));
    }

    @Test
    void imagesPlacedByLoadOffsetAreListedUnderTheirDomain() throws Exception {
        ReportedImage offset = new ReportedImage(
                "late",
                "CPUNET",
                "from-source",
                "late",
                new MemoryRegion(0x1038000, 0x8000),
                ReportFixtures.NET_RAM,
                Optional.of("late/prj.conf:3"),
                ReportFixtures.elfUsage(0x100, 0x8000, 0x10, 0x10000));

        FirmwareMemoryReport report = report(List.of(ReportFixtures.app(1, 1), offset), Optional.empty(), List.of());

        assertEquals(List.of(offset), report.domains().get(1).placedByLoadOffset());
        assertTrue(report.domains().get(1).regions().stream()
                .flatMap(r -> r.rows().stream())
                .noneMatch(r -> r.occupants().stream()
                        .anyMatch(o -> o.image().equals("late") && o.memory() == Budget.Memory.FLASH)));
    }

    @Test
    void aBaselineGivesImageDeltasNewAndRemovedImagesAndMovedPartitions() throws Exception {
        Baseline baseline = new Baseline(
                "com.acme:app:1.0.0",
                Map.of(
                        "app",
                        new Baseline.Image("app", "CPUAPP", Optional.of(0x7000L), Optional.of(0x1100L)),
                        "old",
                        new Baseline.Image("old", "CPUAPP", Optional.of(10L), Optional.empty())),
                Map.of(
                        "CPUAPP",
                        Map.of(
                                "app",
                                new PartitionFacts(0xd200, 0x6ee00),
                                "settings_storage",
                                new PartitionFacts(0x7c000, 0x2000),
                                "mcuboot",
                                new PartitionFacts(0, 0xc000),
                                "storage",
                                new PartitionFacts(0xfe000, 0x2000))));

        FirmwareMemoryReport report = report(
                List.of(ReportFixtures.app(0x8000, 0x1000), ReportFixtures.mcuboot()),
                Optional.of(baseline),
                List.of());

        Comparison comparison = report.comparison().orElseThrow();
        ImageChange app = comparison.image("app").orElseThrow();
        assertEquals(Optional.of(0x1000L), app.flashDelta());
        assertEquals(Optional.of(-0x100L), app.ramDelta());
        assertEquals(
                ImageChange.Status.NEW,
                comparison.image("mcuboot").orElseThrow().status());
        assertEquals(
                ImageChange.Status.REMOVED,
                comparison.image("old").orElseThrow().status());
        RegionReport flash = region(report, "CPUAPP", "flash_primary");
        assertEquals(
                PartitionChange.Status.RESIZED,
                row(flash, "app").change().orElseThrow().status());
        assertEquals(
                Optional.of(0x1000L), row(flash, "app").change().orElseThrow().sizeDelta());
        assertEquals(
                "settings_storage: moved 0x7c000 (0x2000 bytes) -> 0x7d000 (0x2000 bytes)",
                row(flash, "settings_storage").change().orElseThrow().describe());
        assertEquals(Optional.empty(), row(flash, "mcuboot").change());
        assertEquals(
                PartitionChange.Status.NEW,
                row(flash, "mcuboot_pad").change().orElseThrow().status());
        assertEquals(
                "storage: removed (was at 0xfe000 (0x2000 bytes))",
                comparison.partition("CPUAPP", "storage").orElseThrow().describe());
        assertTrue(comparison.partitions().stream()
                .anyMatch(c -> c.domain().equals("CPUNET")
                        && c.name().equals("net")
                        && c.status() == PartitionChange.Status.NEW));
    }

    @Test
    void budgetsAreCheckedAgainstTheImagesFigures() throws Exception {
        List<Budget> budgets = List.of(
                new Budget("app", Budget.Memory.FLASH, Budget.Limit.parse("10%", POM), POM),
                new Budget("mcuboot", Budget.Memory.FLASH, Budget.Limit.parse("16K", POM), POM),
                new Budget("net", Budget.Memory.RAM, Budget.Limit.parse("1K", POM), POM));

        FirmwareMemoryReport report = report(ReportFixtures.images(), Optional.empty(), budgets);

        assertEquals(
                List.of("passed", "exceeded", "unchecked"),
                report.budgets().stream().map(BudgetVerdict::status).toList());
        BudgetExceededException e = assertThrows(BudgetExceededException.class, report::enforceBudgets);
        assertTrue(
                e.getMessage()
                        .startsWith("Memory budget exceeded: image 'mcuboot' uses 24576 bytes of flash (50.0%"
                                + " of its 49152 bytes), over its limit of 16K declared in app/pom.xml"),
                e.getMessage());
    }

    @Test
    void aBudgetForAnImageNotInTheFirmwareNamesTheImagesThereAre() throws Exception {
        List<Budget> budgets = List.of(new Budget("ap", Budget.Memory.FLASH, Budget.Limit.parse("10%", POM), POM));

        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> report(ReportFixtures.images(), Optional.empty(), budgets));

        assertEquals(
                "app/pom.xml: a memory budget for image 'ap', which is not part of this firmware (images: app,"
                        + " mcuboot, net, spare)",
                e.getMessage());
    }

    @Test
    void externalFlashIsARegionOfItsOwnWithItsPartitionsAndFreeSpace() throws Exception {
        String partitions = ReportFixtures.APP_PARTITIONS + """
                mcuboot_secondary:
                  address: 0x0
                  end_address: 0x70000
                  region: external_flash
                  size: 0x70000
                """;
        String regions = ReportFixtures.APP_REGIONS + """
                external_flash:
                  base_address: 0x0
                  size: 0x800000
                """;
        List<DomainLayout> layouts = List.of(new DomainLayout(
                "CPUAPP",
                io.multiimage.partition.OutputDomain.parse("", "partitions.yml", partitions, "regions.yml", regions)));

        FirmwareMemoryReport report =
                FirmwareMemoryReport.of(List.of(ReportFixtures.app(1, 1)), layouts, Optional.empty(), List.of());

        RegionReport external = region(report, "CPUAPP", "external_flash");
        assertEquals(
                List.of("mcuboot_secondary:partition", "(free):free"),
                external.rows().stream()
                        .map(r -> r.name() + ":" + r.kind().key())
                        .toList());
        assertEquals(0x800000 - 0x70000, external.free());
        assertEquals(
                List.of("external_flash", "flash_primary", "sram_primary"),
                report.domains().get(0).regions().stream()
                        .map(RegionReport::name)
                        .toList());
    }

    @Test
    void theLayoutForLaterComparisonsLeavesOutGapsAndFreeSpace() throws Exception {
        Map<String, Map<String, PartitionFacts>> layout =
                report(ReportFixtures.images(), Optional.empty(), List.of()).layout();

        assertEquals(
                List.of("mcuboot", "mcuboot_primary", "mcuboot_pad", "app", "settings_storage", "sram_primary"),
                List.copyOf(layout.get("CPUAPP").keySet()));
        assertEquals(
                List.of("net", "spare", "sram_primary"),
                List.copyOf(layout.get("CPUNET").keySet()));
    }
}
