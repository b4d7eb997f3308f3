package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a request file says about the regions it needs. */
class RequestSourceTest {

    @Test
    void theRegionsNamedAreThoseOfTheRegionKeysOnly() throws PartitionException {
        RequestSource source = RequestSource.ofText(
                "mcuboot/pm.yml",
                String.join(
                        "\n",
                        "# a comment about external_flash does not ask for it",
                        "mcuboot_secondary:",
                        "  region: external_flash",
                        "  share_size: [mcuboot_primary]",
                        "  placement: {after: [external_flash]}",
                        "settings:",
                        "  size: 0x2000",
                        "  region: flash_primary",
                        "spare:",
                        "  size: 0x1000",
                        "  extra_params: {region: otp}",
                        ""));
        assertEquals(List.of("external_flash", "flash_primary"), List.copyOf(source.regionsNamed()));
        assertEquals(
                Set.of(),
                RequestSource.ofText("app/pm.yml", "# external_flash\napp: {size: 0x1000}\n")
                        .regionsNamed());
        assertEquals(
                Set.of("otp"),
                RequestSource.ofMap("m", Map.of("p", Map.of("region", "otp"))).regionsNamed());
    }

    @Test
    void invalidYamlNamesItsFileAndLine() {
        PartitionException e = assertThrows(
                PartitionException.class,
                () -> RequestSource.ofText("app/pm.yml", "a: 1\nb: [\n").regionsNamed());
        assertEquals(List.of("app/pm.yml:2"), e.sources());
    }
}
