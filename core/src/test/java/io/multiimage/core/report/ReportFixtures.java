package io.multiimage.core.report;

import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.partition.OutputDomain;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A two-domain firmware for the report's tests: in CPUAPP, mcuboot, an alignment gap, MCUboot's
 * primary slot (padding + app), settings storage and free flash, all sharing sram_primary; in
 * CPUNET, a prebuilt network core and a skipped image's reserved partition.
 */
final class ReportFixtures {

    private ReportFixtures() {}

    static final String APP_PARTITIONS = """
            EMPTY_0:
              address: 0xc000
              end_address: 0xd000
              region: flash_primary
              size: 0x1000
            app:
              address: 0xd200
              end_address: 0x7d000
              region: flash_primary
              size: 0x6fe00
            mcuboot:
              address: 0x0
              end_address: 0xc000
              region: flash_primary
              size: 0xc000
            mcuboot_pad:
              address: 0xd000
              end_address: 0xd200
              region: flash_primary
              size: 0x200
            mcuboot_primary:
              address: 0xd000
              end_address: 0x7d000
              region: flash_primary
              size: 0x70000
              span: [mcuboot_pad, app]
            settings_storage:
              address: 0x7d000
              end_address: 0x7f000
              region: flash_primary
              size: 0x2000
            sram_primary:
              address: 0x20000000
              end_address: 0x20040000
              region: sram_primary
              size: 0x40000
            """;

    static final String APP_REGIONS = """
            flash_primary:
              base_address: 0x0
              size: 0x100000
            sram_primary:
              base_address: 0x20000000
              size: 0x40000
            """;

    static final String NET_PARTITIONS = """
            net:
              address: 0x1000000
              end_address: 0x1030000
              region: flash_primary
              size: 0x30000
            spare:
              address: 0x1030000
              end_address: 0x1040000
              region: flash_primary
              size: 0x10000
            sram_primary:
              address: 0x21000000
              end_address: 0x21010000
              region: sram_primary
              size: 0x10000
            """;

    static final String NET_REGIONS = """
            flash_primary:
              base_address: 0x1000000
              size: 0x40000
            sram_primary:
              base_address: 0x21000000
              size: 0x10000
            """;

    static final MemoryRegion APP_RAM = new MemoryRegion(0x20000000L, 0x40000);
    static final MemoryRegion NET_RAM = new MemoryRegion(0x21000000L, 0x10000);

    static List<DomainLayout> layouts() throws Exception {
        return List.of(
                new DomainLayout(
                        "CPUAPP", OutputDomain.parse("", "partitions.yml", APP_PARTITIONS, "regions.yml", APP_REGIONS)),
                new DomainLayout(
                        "CPUNET",
                        OutputDomain.parse(
                                "CPUNET", "partitions_CPUNET.yml", NET_PARTITIONS, "regions_CPUNET.yml", NET_REGIONS)));
    }

    static ReportedImage app(long flashUsed, long ramUsed) {
        return image(
                "app",
                "CPUAPP",
                "from-source",
                "app",
                new MemoryRegion(0xd200, 0x6fe00),
                APP_RAM,
                elfUsage(flashUsed, 0x6fe00, ramUsed, 0x40000));
    }

    static ReportedImage mcuboot() {
        return image(
                "mcuboot",
                "CPUAPP",
                "from-source",
                "mcuboot",
                new MemoryRegion(0, 0xc000),
                APP_RAM,
                elfUsage(0x6000, 0xc000, 0x2000, 0x40000));
    }

    static ReportedImage net() {
        return image(
                "net",
                "CPUNET",
                "use-hex",
                "net",
                new MemoryRegion(0x1000000, 0x30000),
                NET_RAM,
                new ImageUsage(
                        ImageUsage.Source.HEX,
                        Optional.of("net.hex"),
                        Optional.of(new Fill(0x3000, 0x30000)),
                        0x2f00,
                        Optional.empty(),
                        Map.of(),
                        List.of(ImageMeasurement.PREBUILT)));
    }

    static ReportedImage spare() {
        return image(
                "spare",
                "CPUNET",
                "skip",
                "spare",
                new MemoryRegion(0x1030000, 0x10000),
                NET_RAM,
                ImageUsage.none("skipped (build strategy skip): its partition stays reserved, nothing is built"));
    }

    static ImageUsage elfUsage(long flashUsed, long flashSize, long ramUsed, long ramSize) {
        return new ImageUsage(
                ImageUsage.Source.ELF,
                Optional.of("x.elf"),
                Optional.of(new Fill(flashUsed, flashSize)),
                flashUsed,
                Optional.of(new Fill(ramUsed, ramSize)),
                Map.of(SectionKind.TEXT, flashUsed - 16, SectionKind.DATA, 16L, SectionKind.BSS, ramUsed - 16),
                List.of());
    }

    static ReportedImage image(
            String name,
            String domain,
            String strategy,
            String partition,
            MemoryRegion flash,
            MemoryRegion ram,
            ImageUsage usage) {
        return new ReportedImage(name, domain, strategy, partition, flash, ram, Optional.empty(), usage);
    }

    static List<ReportedImage> images() {
        return List.of(app(0x8000, 0x1000), mcuboot(), net(), spare());
    }
}
