package io.multiimage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexCoordinates;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.ImageModelException;
import io.multiimage.core.model.ResolvedBuildStrategy;
import io.multiimage.core.model.StrategySource;
import io.multiimage.core.spi.BuildLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildStrategyResolverTest {

    private static KconfigResult parent(String text) throws Exception {
        return new FragmentOnlyResolver()
                .resolve(List.of(new FragmentSource("prj.conf", "app/prj.conf", text)), BuildLog.silent());
    }

    private static final Optional<BuildStrategy> POM_SKIP = Optional.of(new BuildStrategy.Skip());

    @Test
    void userPropertyBeatsPomBeatsKconfigBeatsDefault() throws Exception {
        KconfigResult kconfig = parent(
                "CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE=y\nCONFIG_MCUBOOT_HEX_FILE=\"prebuilt/mcuboot.hex\"\n");
        ResolvedBuildStrategy property = BuildStrategyResolver.resolve(
                "mcuboot",
                props("mcuboot.buildStrategy", "use-hex", "mcuboot.hexArtifact", "org.acme:boot:1.0"),
                POM_SKIP,
                "",
                kconfig);
        assertEquals(StrategySource.USER_PROPERTY, property.source());
        assertEquals("mcuboot: build strategy use-hex (from -Dmcuboot.buildStrategy)", property.describe());
        assertEquals(
                new HexCoordinates("org.acme", "boot", "1.0", Optional.empty()),
                ((BuildStrategy.UseHex) property.strategy()).source());

        ResolvedBuildStrategy pom = BuildStrategyResolver.resolve("mcuboot", props(), POM_SKIP, "", kconfig);
        assertEquals("mcuboot: build strategy skip (from its declaration)", pom.describe());

        ResolvedBuildStrategy fromKconfig =
                BuildStrategyResolver.resolve("mcuboot", props(), Optional.empty(), "", kconfig);
        assertEquals(
                "mcuboot: build strategy use-hex (from CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE at app/prj.conf:1)",
                fromKconfig.describe());
        assertEquals(
                new HexFile(Path.of("prebuilt/mcuboot.hex")), ((BuildStrategy.UseHex) fromKconfig.strategy()).source());

        ResolvedBuildStrategy byDefault =
                BuildStrategyResolver.resolve("mcuboot", props(), Optional.empty(), "", parent(""));
        assertEquals("mcuboot: build strategy from-source (default)", byDefault.describe());
        assertEquals(StrategySource.DEFAULT, byDefault.source());
    }

    @Test
    void kconfigSkipAndFromSourceAndImageNamePrefix() throws Exception {
        assertEquals(
                "hci_ipc: build strategy skip (from CONFIG_HCI_IPC_BUILD_STRATEGY_SKIP_BUILD at app/prj.conf:2)",
                BuildStrategyResolver.resolve(
                                "hci_ipc",
                                props(),
                                Optional.empty(),
                                "",
                                parent("# x\nCONFIG_HCI_IPC_BUILD_STRATEGY_SKIP_BUILD=y\n"))
                        .describe());
        assertEquals(
                StrategySource.PARENT_KCONFIG,
                BuildStrategyResolver.resolve(
                                "b0", props(), Optional.empty(), "", parent("CONFIG_B0_BUILD_STRATEGY_FROM_SOURCE=y\n"))
                        .source());
        assertEquals(
                StrategySource.DEFAULT,
                BuildStrategyResolver.resolve(
                                "b0", props(), Optional.empty(), "", parent("CONFIG_B0_BUILD_STRATEGY_SKIP_BUILD=n\n"))
                        .source());
        assertEquals("NET_CORE", BuildStrategyResolver.kconfigPrefix("net-core"));
    }

    @Test
    void aHexFilePropertyAloneImpliesUseHexAndCarriesTheDigest() throws Exception {
        ResolvedBuildStrategy r = BuildStrategyResolver.resolve(
                "mcuboot",
                props("mcuboot.hexFile", "m.hex", "mcuboot.sha256", "0".repeat(64)),
                Optional.empty(),
                "",
                parent(""));
        assertEquals(
                "mcuboot: build strategy use-hex (from -Dmcuboot.hexFile), sha256 pinned by -Dmcuboot.sha256",
                r.describe());
        assertEquals(Optional.of("0".repeat(64)), ((BuildStrategy.UseHex) r.strategy()).sha256());
    }

    private static final String PIN = "ab".repeat(32);
    private static final String OTHER_PIN = "cd".repeat(32);
    private static final String DECLARED_BY = "<childImage> 'ssbl' in app/pom.xml";
    private static final Optional<BuildStrategy> POM_PINNED = Optional.of(new BuildStrategy.UseHex(
            new HexCoordinates("com.acme", "ssbl", "1.0", Optional.empty()), Optional.of(PIN)));

    @Test
    void aHexFilePropertyReplacingAPinnedChildKeepsThePomPin() throws Exception {
        ResolvedBuildStrategy r = BuildStrategyResolver.resolve(
                "ssbl", props("ssbl.hexFile", "x.hex"), POM_PINNED, DECLARED_BY, parent(""));
        BuildStrategy.UseHex useHex = (BuildStrategy.UseHex) r.strategy();
        assertEquals(new HexFile(Path.of("x.hex")), useHex.source());
        assertEquals(Optional.of(PIN), useHex.sha256());
        assertEquals(
                "ssbl: build strategy use-hex (from -Dssbl.hexFile), sha256 pinned by the sha256 of <childImage>"
                        + " 'ssbl' in app/pom.xml (still applies; give ssbl.sha256 to pin the new HEX)",
                r.describe());
    }

    @Test
    void aNewPinReplacesThePomPinAndTheLogSaysSo() throws Exception {
        ResolvedBuildStrategy withFile = BuildStrategyResolver.resolve(
                "ssbl", props("ssbl.hexFile", "x.hex", "ssbl.sha256", OTHER_PIN), POM_PINNED, DECLARED_BY, parent(""));
        assertEquals(Optional.of(OTHER_PIN), ((BuildStrategy.UseHex) withFile.strategy()).sha256());
        assertTrue(
                withFile.describe()
                        .endsWith("sha256 pinned by -Dssbl.sha256, replacing the pin " + PIN
                                + " of <childImage> 'ssbl' in app/pom.xml"),
                withFile.describe());

        ResolvedBuildStrategy pinOnly = BuildStrategyResolver.resolve(
                "ssbl", props("ssbl.sha256", OTHER_PIN), POM_PINNED, DECLARED_BY, parent(""));
        assertEquals(StrategySource.POM_CONFIGURATION, pinOnly.source());
        assertEquals(
                new BuildStrategy.UseHex(
                        new HexCoordinates("com.acme", "ssbl", "1.0", Optional.empty()), Optional.of(OTHER_PIN)),
                pinOnly.strategy());
        assertTrue(
                pinOnly.describe().contains("sha256 pinned by -Dssbl.sha256, replacing the pin"), pinOnly.describe());
    }

    @Test
    void aPomPinIsNamedInTheLog() throws Exception {
        assertEquals(
                "ssbl: build strategy use-hex (from <childImage> 'ssbl' in app/pom.xml), sha256 pinned by"
                        + " the sha256 of <childImage> 'ssbl' in app/pom.xml",
                BuildStrategyResolver.resolve("ssbl", props(), POM_PINNED, DECLARED_BY, parent(""))
                        .describe());
    }

    @Test
    void aPomPropertyIsNamedAsOneAndNotAsTheCommandLine() throws Exception {
        BuildProperties pom = new BuildProperties(Map.of(), Map.of("ssbl.hexFile", "x.hex"), "app/pom.xml");
        ResolvedBuildStrategy r = BuildStrategyResolver.resolve("ssbl", pom, POM_PINNED, DECLARED_BY, parent(""));
        assertTrue(
                r.describe().startsWith("ssbl: build strategy use-hex (from property ssbl.hexFile in app/pom.xml)"),
                r.describe());
        assertEquals(Optional.of(PIN), ((BuildStrategy.UseHex) r.strategy()).sha256());
        BuildProperties both =
                new BuildProperties(Map.of("ssbl.hexFile", "y.hex"), Map.of("ssbl.hexFile", "x.hex"), "app/pom.xml");
        assertTrue(BuildStrategyResolver.resolve("ssbl", both, POM_PINNED, DECLARED_BY, parent(""))
                .describe()
                .startsWith("ssbl: build strategy use-hex (from -Dssbl.hexFile)"));
    }

    @Test
    void anEmptyPinOrHexPropertyIsAnErrorNotAnAbsentValue() throws Exception {
        for (String key : List.of("ssbl.sha256", "ssbl.hexFile", "ssbl.hexArtifact", "ssbl.buildStrategy")) {
            String message = assertThrows(
                            ImageModelException.class,
                            () -> BuildStrategyResolver.resolve(
                                    "ssbl", props(key, " "), POM_PINNED, DECLARED_BY, parent("")))
                    .getMessage();
            assertEquals(
                    "Image 'ssbl': -D" + key + " is empty (an unset variable?); give a value or leave it out", message);
        }
    }

    @Test
    void inconsistentSettingsAreErrorsThatSayWhatToDo() throws Exception {
        KconfigResult none = parent("");
        assertEquals(
                "Image 'mcuboot': -Dmcuboot.buildStrategy=fast is not a build strategy: expected from-source,"
                        + " use-hex or skip",
                message(Map.of("mcuboot.buildStrategy", "fast"), none));
        assertEquals(
                "Image 'mcuboot': -Dmcuboot.buildStrategy=use-hex needs -Dmcuboot.hexFile=<path> or"
                        + " -Dmcuboot.hexArtifact=<groupId:artifactId:version[:classifier]>",
                message(Map.of("mcuboot.buildStrategy", "use-hex"), none));
        assertEquals(
                "Image 'mcuboot': -Dmcuboot.hexFile and -Dmcuboot.hexArtifact are both set; give one of them",
                message(Map.of("mcuboot.hexFile", "a.hex", "mcuboot.hexArtifact", "g:a:1"), none));
        assertEquals(
                "Image 'mcuboot': -Dmcuboot.buildStrategy=skip cannot be combined with -Dmcuboot.hexFile,"
                        + " which only applies to use-hex",
                message(Map.of("mcuboot.buildStrategy", "skip", "mcuboot.hexFile", "a.hex"), none));
        assertEquals(
                "Image 'mcuboot': -Dmcuboot.sha256 needs -Dmcuboot.hexFile or -Dmcuboot.hexArtifact",
                message(Map.of("mcuboot.sha256", "0".repeat(64)), none));
        assertEquals(
                "Image 'mcuboot': CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE at app/prj.conf:1 selects use-hex,"
                        + " but CONFIG_MCUBOOT_HEX_FILE is not set to a \"path\" of the HEX file",
                message(Map.of(), parent("CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE=y\n")));
        String two = message(
                Map.of(),
                parent("CONFIG_MCUBOOT_BUILD_STRATEGY_SKIP_BUILD=y\n"
                        + "CONFIG_MCUBOOT_BUILD_STRATEGY_FROM_SOURCE=y\n"));
        assertTrue(
                two.contains("CONFIG_MCUBOOT_BUILD_STRATEGY_FROM_SOURCE at app/prj.conf:2, "
                        + "CONFIG_MCUBOOT_BUILD_STRATEGY_SKIP_BUILD at app/prj.conf:1; set exactly one of them to y"),
                two);
    }

    private static BuildProperties props(String... keyValues) {
        Map<String, String> map = new java.util.TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return BuildProperties.commandLine(map);
    }

    private static String message(Map<String, String> properties, KconfigResult parent) {
        return assertThrows(
                        ImageModelException.class,
                        () -> BuildStrategyResolver.resolve(
                                "mcuboot", BuildProperties.commandLine(properties), Optional.empty(), "", parent))
                .getMessage();
    }
}
