package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

/** Small builders for tests: regions and request files given as YAML text. */
final class Fixtures {

    private Fixtures() {}

    static Region flash(long size) {
        return Region.of("flash_primary", 0, size, PlacementStrategy.COMPLEX)
                .withDevice("flash_controller", "CONFIG_SOC_FLASH_NRF");
    }

    static Region sram(long base, long size) {
        return Region.of("sram_primary", base, size, PlacementStrategy.COMPLEX).withDynamicPartition("sram_primary");
    }

    /** Request files as label, text, label, text, ... */
    static List<RequestSource> requests(String... labelAndText) {
        List<RequestSource> list = new ArrayList<>();
        for (int i = 0; i < labelAndText.length; i += 2) {
            list.add(RequestSource.ofText(labelAndText[i], labelAndText[i + 1]));
        }
        return list;
    }

    static Layout place(List<Region> regions, String staticYaml, String... labelAndText) throws PartitionException {
        RequestSource st = staticYaml == null ? null : RequestSource.ofText("pm_static.yml", staticYaml);
        return new PartitionManager().place(DomainConfig.root(requests(labelAndText), st, regions));
    }

    static PartitionException fails(List<Region> regions, String staticYaml, String... labelAndText) {
        return assertThrows(PartitionException.class, () -> place(regions, staticYaml, labelAndText));
    }
}
