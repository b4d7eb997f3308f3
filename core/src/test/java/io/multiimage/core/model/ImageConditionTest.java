package io.multiimage.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.spi.BuildLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageConditionTest {

    @Test
    void kconfigConditionNeedsTheParentSymbolToBeYes() throws Exception {
        KconfigResult parent = new FragmentOnlyResolver()
                .resolve(
                        List.of(new FragmentSource(
                                "p",
                                "p",
                                "CONFIG_BOOTLOADER_MCUBOOT=y\n# CONFIG_SECURE_BOOT is not set\nCONFIG_NUM=1\n")),
                        BuildLog.silent());
        assertTrue(ImageCondition.kconfig("CONFIG_BOOTLOADER_MCUBOOT").holds(parent::isYes, BuildProperties.none()));
        assertFalse(ImageCondition.kconfig("SECURE_BOOT").holds(parent::isYes, BuildProperties.none()));
        assertFalse(ImageCondition.kconfig("NUM").holds(parent::isYes, BuildProperties.none()));
        assertFalse(ImageCondition.kconfig("ABSENT").holds(parent::isYes, BuildProperties.none()));
        assertEquals(
                "CONFIG_BOOTLOADER_MCUBOOT",
                ImageCondition.kconfig("CONFIG_BOOTLOADER_MCUBOOT").describe());
    }

    @Test
    void propertyConditionNeedsThePropertySetAndNotFalse() throws Exception {
        KconfigResult empty = new FragmentOnlyResolver().resolve(List.of(), BuildLog.silent());
        ImageCondition withNet = ImageCondition.property("with.net");
        assertTrue(withNet.holds(empty::isYes, BuildProperties.commandLine(Map.of("with.net", ""))));
        assertTrue(withNet.holds(empty::isYes, BuildProperties.commandLine(Map.of("with.net", "true"))));
        assertFalse(withNet.holds(empty::isYes, BuildProperties.commandLine(Map.of("with.net", "FALSE"))));
        assertFalse(withNet.holds(empty::isYes, BuildProperties.commandLine(Map.of())));
    }
}
