package io.multiimage.core.pipeline;

import io.multiimage.core.devicetree.ExternalFlash;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.partition.PlacementStrategy;
import io.multiimage.partition.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The regions a domain's partitions may be placed in, from the devicetree of the domain's main
 * image, in the SDK's order: {@code sram_primary} ({@code chosen/zephyr,sram}),
 * {@code flash_primary} ({@code chosen/zephyr,flash}, taking the domain's dynamic partition),
 * then {@code external_flash} when {@code chosen/nordic,pm-ext-flash} names an enabled external
 * flash chip — the last one only for a domain whose requests ask for it
 * ({@code region: external_flash}).
 */
final class DomainRegions {

    static final String EXTERNAL_FLASH = "external_flash";

    private final List<Region> available;

    private DomainRegions(List<Region> available) {
        this.available = List.copyOf(available);
    }

    /**
     * The regions of a domain.
     *
     * @param facts the memory of the domain's main image
     * @param nordic true for a Nordic SoC, whose flash controller's driver is {@code CONFIG_SOC_FLASH_NRF}
     * @param dynamicPartition the partition taking the free flash ({@code app} for the top-level domain)
     */
    static DomainRegions of(MemoryFacts facts, boolean nordic, String dynamicPartition) {
        List<Region> regions = new ArrayList<>();
        regions.add(
                Region.of("sram_primary", facts.sram().address(), facts.sram().size(), PlacementStrategy.COMPLEX)
                        .withDynamicPartition("sram_primary"));
        regions.add(Region.of(
                        "flash_primary", facts.flash().address(), facts.flash().size(), PlacementStrategy.COMPLEX)
                .withDevice(
                        facts.flashControllerLabel().orElse("flash_controller"), nordic ? "CONFIG_SOC_FLASH_NRF" : "")
                .withDynamicPartition(dynamicPartition));
        Optional<ExternalFlash> chip = facts.pmExternalFlash().filter(ExternalFlash::enabled);
        if (chip.isPresent()) {
            String device = chip.get().labels().isEmpty()
                    ? EXTERNAL_FLASH
                    : chip.get().labels().get(0);
            regions.add(Region.of(EXTERNAL_FLASH, 0, chip.get().size(), PlacementStrategy.START_TO_END)
                    .withDevice(device, ""));
        }
        return new DomainRegions(regions);
    }

    /** Every region the devicetree offers, whether asked for or not (what the placement depends on). */
    List<Region> available() {
        return available;
    }

    /** The regions for requests that name {@code requested} regions: {@code external_flash} only when named. */
    List<Region> forRequests(Set<String> requested) {
        return available.stream()
                .filter(region -> !region.name().equals(EXTERNAL_FLASH) || requested.contains(EXTERNAL_FLASH))
                .toList();
    }
}
