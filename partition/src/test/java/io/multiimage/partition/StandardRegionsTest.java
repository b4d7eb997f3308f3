package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SDK's standard regions reproduce the reference's regions.yml of a real configuration. */
class StandardRegionsTest {

    @Test
    void nrf9160RegionsMatchTheGoldenRegionsFile() throws Exception {
        List<Region> regions = StandardRegions.inSdkOrder(List.of(
                StandardRegions.flashPrimary(0, 0x100000, null),
                StandardRegions.otpNrf91(),
                StandardRegions.sramPrimary(0x20000000L, 0x40000)));
        assertEquals(
                List.of("sram_primary", "otp", "flash_primary"),
                regions.stream().map(Region::name).toList());
        Layout layout = new PartitionManager().place(DomainConfig.root(List.of(), null, regions));
        assertEquals(
                Files.readString(Golden.dir("nrf9160-tfm-otp").resolve("expected/regions.yml")), layout.regionsYaml());
    }

    @Test
    void networkCoreFlashNamesItsDynamicPartition() {
        Region net = StandardRegions.flashPrimary(0x1000000L, 0x40000, "hci_ipc");
        assertEquals("hci_ipc", net.effectiveDynamicPartition());
        assertEquals("app", StandardRegions.flashPrimary(0, 0x100000, null).effectiveDynamicPartition());
        assertEquals(
                "rram_controller",
                StandardRegions.rramPrimary(0, 0x17d000, null).device());
        assertEquals(0xff8100L, StandardRegions.otpNrf5340().baseAddress());
        assertEquals(1276, StandardRegions.otpNrf54l15().size());
        assertEquals(
                "DT_CHOSEN(nordic_pm_ext_flash)",
                StandardRegions.externalFlash(0, 0x800000, "").device());
        assertEquals(
                PlacementStrategy.START_TO_END,
                StandardRegions.ramFlash(0, 0x40000).strategy());
        assertEquals(
                List.of("sram_primary", "flash_primary", "external_flash", "custom"),
                StandardRegions.inSdkOrder(List.of(
                                Region.of("custom", 0, 1, PlacementStrategy.START_TO_END),
                                StandardRegions.externalFlash(0, 1, ""),
                                StandardRegions.flashPrimary(0, 1, null),
                                StandardRegions.sramPrimary(0, 1)))
                        .stream()
                        .map(Region::name)
                        .toList());
    }
}
