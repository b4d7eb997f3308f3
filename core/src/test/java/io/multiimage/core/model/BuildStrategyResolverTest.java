package io.multiimage.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.spi.BuildLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildStrategyResolverTest {

    private static KconfigResult parent(String text) throws Exception {
        return new FragmentOnlyResolver().resolve(List.of(new FragmentSource("prj.conf", "app/prj.conf", text)),
                BuildLog.silent());
    }

    private static final Optional<BuildStrategy> POM_SKIP = Optional.of(new BuildStrategy.Skip());

    @Test
    void userPropertyBeatsPomBeatsKconfigBeatsDefault() throws Exception {
        KconfigResult kconfig = parent("CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE=y\nCONFIG_MCUBOOT_HEX_FILE=\"prebuilt/mcuboot.hex\"\n");
        ResolvedBuildStrategy property = BuildStrategyResolver.resolve("mcuboot",
                Map.of("mcuboot.buildStrategy", "use-hex", "mcuboot.hexArtifact", "org.acme:boot:1.0"), POM_SKIP, kconfig);
        assertEquals(StrategySource.USER_PROPERTY, property.source());
        assertEquals("mcuboot: build strategy use-hex (from -Dmcuboot.buildStrategy)", property.describe());
        assertEquals(new HexCoordinates("org.acme", "boot", "1.0", Optional.empty()),
                ((BuildStrategy.UseHex) property.strategy()).source());

        ResolvedBuildStrategy pom = BuildStrategyResolver.resolve("mcuboot", Map.of(), POM_SKIP, kconfig);
        assertEquals("mcuboot: build strategy skip (from POM <childImage> configuration)", pom.describe());

        ResolvedBuildStrategy fromKconfig = BuildStrategyResolver.resolve("mcuboot", Map.of(), Optional.empty(), kconfig);
        assertEquals("mcuboot: build strategy use-hex (from CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE at app/prj.conf:1)",
                fromKconfig.describe());
        assertEquals(new HexFile(Path.of("prebuilt/mcuboot.hex")), ((BuildStrategy.UseHex) fromKconfig.strategy()).source());

        ResolvedBuildStrategy byDefault = BuildStrategyResolver.resolve("mcuboot", Map.of(), Optional.empty(), parent(""));
        assertEquals("mcuboot: build strategy from-source (default)", byDefault.describe());
        assertEquals(StrategySource.DEFAULT, byDefault.source());
    }

    @Test
    void kconfigSkipAndFromSourceAndImageNamePrefix() throws Exception {
        assertEquals("hci_ipc: build strategy skip (from CONFIG_HCI_IPC_BUILD_STRATEGY_SKIP_BUILD at app/prj.conf:2)",
                BuildStrategyResolver.resolve("hci_ipc", Map.of(), Optional.empty(),
                        parent("# x\nCONFIG_HCI_IPC_BUILD_STRATEGY_SKIP_BUILD=y\n")).describe());
        assertEquals(StrategySource.PARENT_KCONFIG, BuildStrategyResolver.resolve("b0", Map.of(), Optional.empty(),
                parent("CONFIG_B0_BUILD_STRATEGY_FROM_SOURCE=y\n")).source());
        assertEquals(StrategySource.DEFAULT, BuildStrategyResolver.resolve("b0", Map.of(), Optional.empty(),
                parent("CONFIG_B0_BUILD_STRATEGY_SKIP_BUILD=n\n")).source());
        assertEquals("NET_CORE", BuildStrategyResolver.kconfigPrefix("net-core"));
    }

    @Test
    void aHexFilePropertyAloneImpliesUseHexAndCarriesTheDigest() throws Exception {
        ResolvedBuildStrategy r = BuildStrategyResolver.resolve("mcuboot",
                Map.of("mcuboot.hexFile", "m.hex", "mcuboot.sha256", "0".repeat(64)), Optional.empty(), parent(""));
        assertEquals("mcuboot: build strategy use-hex (from -Dmcuboot.hexFile)", r.describe());
        assertEquals(Optional.of("0".repeat(64)), ((BuildStrategy.UseHex) r.strategy()).sha256());
    }

    @Test
    void inconsistentSettingsAreErrorsThatSayWhatToDo() throws Exception {
        KconfigResult none = parent("");
        assertEquals("Image 'mcuboot': -Dmcuboot.buildStrategy=fast is not a build strategy: expected from-source,"
                + " use-hex or skip", message(Map.of("mcuboot.buildStrategy", "fast"), none));
        assertEquals("Image 'mcuboot': -Dmcuboot.buildStrategy=use-hex needs -Dmcuboot.hexFile=<path> or"
                + " -Dmcuboot.hexArtifact=<groupId:artifactId:version[:classifier]>",
                message(Map.of("mcuboot.buildStrategy", "use-hex"), none));
        assertEquals("Image 'mcuboot': -Dmcuboot.hexFile and -Dmcuboot.hexArtifact are both set; give one of them",
                message(Map.of("mcuboot.hexFile", "a.hex", "mcuboot.hexArtifact", "g:a:1"), none));
        assertEquals("Image 'mcuboot': -Dmcuboot.buildStrategy=skip cannot be combined with -Dmcuboot.hexFile,"
                + " which only applies to use-hex",
                message(Map.of("mcuboot.buildStrategy", "skip", "mcuboot.hexFile", "a.hex"), none));
        assertEquals("Image 'mcuboot': -Dmcuboot.sha256 needs -Dmcuboot.hexFile or -Dmcuboot.hexArtifact",
                message(Map.of("mcuboot.sha256", "0".repeat(64)), none));
        assertEquals("Image 'mcuboot': CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE at app/prj.conf:1 selects use-hex,"
                + " but CONFIG_MCUBOOT_HEX_FILE is not set to a \"path\" of the HEX file",
                message(Map.of(), parent("CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE=y\n")));
        String two = message(Map.of(), parent("CONFIG_MCUBOOT_BUILD_STRATEGY_SKIP_BUILD=y\n"
                + "CONFIG_MCUBOOT_BUILD_STRATEGY_FROM_SOURCE=y\n"));
        assertTrue(two.contains("CONFIG_MCUBOOT_BUILD_STRATEGY_FROM_SOURCE at app/prj.conf:2, "
                + "CONFIG_MCUBOOT_BUILD_STRATEGY_SKIP_BUILD at app/prj.conf:1; set exactly one of them to y"), two);
    }

    private static String message(Map<String, String> properties, KconfigResult parent) {
        return assertThrows(ImageModelException.class,
                () -> BuildStrategyResolver.resolve("mcuboot", properties, Optional.empty(), parent)).getMessage();
    }
}
