package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.toolchain.MemoryRegion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryMapTextTest {

    @Test
    void everyRowGainsTheFillOfTheImagesLivingInIt() throws Exception {
        String text = MemoryMapText.render(FirmwareMemoryReport.of(
                ReportFixtures.images(), ReportFixtures.layouts(), Optional.empty(), List.of()));

        assertTrue(
                text.contains("domain CPUAPP, region flash_primary [0x0, 0x100000) 0x100000 bytes (1 MiB), 516 KiB"
                        + " free\n"),
                text);
        assertTrue(
                text.contains("  start        end          size       kind           share  fill (used/size)"
                        + "         name\n"),
                text);
        assertTrue(
                text.contains(
                        "  0xd200       0x7d000      0x6fe00                   43.7%  app 7.2%                 | app\n"),
                text);
        assertTrue(
                text.contains(
                        "  0xc000       0xd000       0x1000     alignment-gap   0.4%                           | EMPTY_0\n"),
                text);
        assertTrue(text.contains("app RAM 1.6%, mcuboot RAM 3.1%"), text);
        assertTrue(text.contains("spare -"), "a skipped image has no figures: " + text);
        assertTrue(text.contains("+ mcuboot_primary spans mcuboot_pad, app"), text);
    }

    @Test
    void imagesPlacedByLoadOffsetFollowTheirDomainsRegions() throws Exception {
        ReportedImage offset = new ReportedImage(
                "late",
                "CPUNET",
                "from-source",
                "late",
                new MemoryRegion(0x1038000, 0x8000),
                ReportFixtures.NET_RAM,
                Optional.of("late/prj.conf:3"),
                ReportFixtures.elfUsage(0x100, 0x8000, 0x10, 0x10000));

        String text = MemoryMapText.render(FirmwareMemoryReport.of(
                List.of(ReportFixtures.app(1, 1), offset), ReportFixtures.layouts(), Optional.empty(), List.of()));

        assertTrue(
                text.endsWith("placed by CONFIG_FLASH_LOAD_OFFSET (outside the partition manager)\n"
                        + "  start        end          size       domain    fill   name (origin)\n"
                        + "  0x1038000    0x1040000    0x8000     CPUNET    0.8%   | late (late/prj.conf:3)\n\n"),
                text);
    }
}
