package io.multiimage.core.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.core.InvalidConfigurationException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Map<String, String> FACTS =
            new TreeMap<>(Map.of("FIRMWARE_IMAGE", "app", "FIRMWARE_FLASH_ORIGIN", "0x14000"));

    @Test
    void replacesKnownNamesAndKeepsOtherDollars() throws Exception {
        assertEquals(
                "out/app-0x14000.hex costs $5 and ${x}",
                Placeholders.expand(
                        "out/${FIRMWARE_IMAGE}-${FIRMWARE_FLASH_ORIGIN}.hex costs $5 and $${x}", FACTS, "here"));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> Placeholders.expand("${FIRMWARE_IMAGES}.hex", FACTS, "Image 'app': exec toolchain hexFile"));
        assertEquals(
                "Image 'app': exec toolchain hexFile: unknown placeholder ${FIRMWARE_IMAGES} in '${FIRMWARE_IMAGES}.hex'; "
                        + "known names: FIRMWARE_FLASH_ORIGIN, FIRMWARE_IMAGE",
                e.getMessage());
    }

    @Test
    void unclosedPlaceholderIsAnError() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> Placeholders.expand("a ${FIRMWARE_IMAGE", FACTS, "cmd"));
        assertEquals("cmd: unclosed '${' in 'a ${FIRMWARE_IMAGE'", e.getMessage());
    }
}
