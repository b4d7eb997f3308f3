package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.imagekconfig.ImageKconfigSetup;
import io.multiimage.core.imagekconfig.KconfigStrictException;
import io.multiimage.core.kconfig.DotConfigWriter;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.ImageCondition;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.model.StrategySource;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configure step with the Kconfig engine: an image with a Kconfig file gets Kconfiglib's
 * outputs, one without keeps the fragment-only merge, conditions and build strategies read
 * evaluated values, and warnings name the file and line (errors with the strict switch).
 */
class KconfigInTheBuildTest {

    private static final String APP_KCONFIG = """
            mainmenu "Kconfig in the build"

            menu "Application"

            config APP_FEATURE
            	bool "Optional feature"
            	select APP_WITH_NET

            config APP_WITH_NET
            	bool "Build the network image"

            config APP_LOOPS
            	int "Loops"
            	range 1 100
            	default 10

            config APP_BASE
            	hex "Base address"
            	default 0x1000

            config APP_DEBUG_LEVEL
            	int "Debug level"
            	depends on APP_DEBUG
            	default 1

            config APP_DEBUG
            	bool "Debugging"

            choice APP_MODE
            	prompt "Mode"
            	default APP_MODE_FAST

            config APP_MODE_SLOW
            	bool "Slow"

            config APP_MODE_FAST
            	bool "Fast"

            endchoice

            endmenu

            module = MCUBOOT
            source "$(MULTIIMAGE_KCONFIG)/Kconfig.template.build_strategy"
            """;

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @Test
    @Tag("tools")
    void anImageWithAKconfigFileGetsKconfiglibsOutputs() throws Exception {
        writeApp("CONFIG_APP_FEATURE=y\nCONFIG_APP_LOOPS=500\nCONFIG_APP_MODE_SLOW=y\n");
        Map<String, ConfiguredImage> images = configure(request(Map.of(), false));

        ConfiguredImage app = images.get("app");
        KconfigResult result = app.configuration().orElseThrow().kconfig();
        assertTrue(result.rendered().isPresent());
        Reference reference = kconfiglib(app, List.of("app/prj.conf"));
        assertEquals(reference.config(), result.dotConfigText());
        assertEquals(reference.autoconf(), result.autoconfText());
        // evaluated values: a select, a clamped user value, a choice, a default
        assertTrue(result.isYes("APP_WITH_NET"));
        assertEquals("10", result.value("APP_LOOPS").orElseThrow().text());
        assertTrue(result.isYes("APP_MODE_SLOW"));
        assertEquals("0x1000", result.value("APP_BASE").orElseThrow().text());
        assertTrue(
                log.at("INFO").contains("app: Kconfig app/Kconfig (the image directory's Kconfig)"),
                log.lines().toString());
    }

    @Test
    void anImageWithoutAKconfigFileKeepsTheFragmentOnlyMerge() throws Exception {
        writeApp("");
        Map<String, ConfiguredImage> images = configure(request(Map.of(), false));

        KconfigResult mcuboot =
                images.get("mcuboot").configuration().orElseThrow().kconfig();
        assertTrue(mcuboot.rendered().isEmpty());
        assertEquals("CONFIG_BANNER=\"second stage\"\nCONFIG_UNDECLARED_IS_FINE=y\n", mcuboot.dotConfigText());
        assertEquals(DotConfigWriter.render(mcuboot.symbols(), ""), mcuboot.dotConfigText());
    }

    @Test
    void aConditionReadsTheParentsEvaluatedValue() throws Exception {
        // APP_WITH_NET is never assigned: APP_FEATURE selects it.
        writeApp("CONFIG_APP_FEATURE=y\n");
        Files.createDirectories(project.resolve("net"));
        Files.writeString(project.resolve("net/prj.conf"), "");
        Map<String, ConfiguredImage> images = configure(requestWithNet());
        assertTrue(images.containsKey("net"), images.keySet().toString());

        writeApp("CONFIG_APP_FEATURE=n\n");
        Map<String, ConfiguredImage> without = configure(requestWithNet());
        assertFalse(without.containsKey("net"), without.keySet().toString());
    }

    @Test
    void aParentsKconfigDefaultChoosesTheChildsBuildStrategyThroughTheShippedTemplate() throws Exception {
        Files.createDirectories(project.resolve("app"));
        Files.writeString(project.resolve("app/Kconfig"), """
                choice MCUBOOT_BUILD_STRATEGY
                	default MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE
                endchoice

                config MCUBOOT_HEX_FILE
                	default "prebuilt/mcuboot.hex"

                module = MCUBOOT
                source "$(MULTIIMAGE_KCONFIG)/Kconfig.template.build_strategy"
                """);
        Files.writeString(project.resolve("app/prj.conf"), "");
        writeMcuboot();

        ConfiguredImage mcuboot = configure(request(Map.of(), false)).get("mcuboot");

        assertEquals(StrategySource.PARENT_KCONFIG, mcuboot.strategy().source());
        assertEquals(
                new BuildStrategy.UseHex(new HexFile(Path.of("prebuilt/mcuboot.hex")), Optional.empty()),
                mcuboot.strategy().strategy());
        assertTrue(mcuboot.configuration().isEmpty());
        assertTrue(
                log.at("INFO").stream()
                        .anyMatch(l -> l.startsWith(
                                "mcuboot: build strategy use-hex (from CONFIG_MCUBOOT_BUILD_STRATEGY_USE_HEX_FILE")),
                log.lines().toString());
    }

    @Test
    void theTemplateDefaultsToBuildingFromSource() throws Exception {
        writeApp("");
        ConfiguredImage mcuboot = configure(request(Map.of(), false)).get("mcuboot");
        assertTrue(mcuboot.strategy().strategy() instanceof BuildStrategy.FromSource);
        assertTrue(mcuboot.configuration().isPresent());
    }

    @Test
    void anUndefinedSymbolInASampleFragmentIsAWarningWithItsFileAndLine() throws Exception {
        Samples.copy("secure-boot", project);
        Files.writeString(
                project.resolve("mcuboot/extra.conf"), "# a misspelt banner\nCONFIG_MCUBOOT_BANER=\"typo\"\n");

        new ConfigureStage(log).run(secureBoot(false), tree(secureBoot(false)));

        assertTrue(
                log.at("WARN")
                        .contains("mcuboot: mcuboot/extra.conf:2: warning: attempt to assign the value"
                                + " '\"typo\"' to the undefined symbol MCUBOOT_BANER"),
                log.lines().toString());
    }

    @Test
    void theStrictSwitchMakesKconfigWarningsErrorsNamingFileAndLine() throws Exception {
        Samples.copy("secure-boot", project);
        Files.writeString(
                project.resolve("mcuboot/extra.conf"), "# a misspelt banner\nCONFIG_MCUBOOT_BANER=\"typo\"\n");

        KconfigStrictException error = assertThrows(
                KconfigStrictException.class,
                () -> new ConfigureStage(log).run(secureBoot(true), tree(secureBoot(true))));

        assertTrue(
                error.getMessage()
                        .contains("Image 'mcuboot': 1 Kconfig warning, which are errors with"
                                + " firmware.kconfig.strict:\n  mcuboot/extra.conf:2: warning: attempt to assign"),
                error.getMessage());
        assertEquals(Optional.of("mcuboot/extra.conf"), error.culpritFile());
        assertEquals(Optional.of("mcuboot"), error.culpritImage());
        assertTrue(log.at("WARN").stream().noneMatch(l -> l.contains("MCUBOOT_BANER")));
    }

    @Test
    void aValueThatDidNotTakeIsAWarningSayingWhy() throws Exception {
        writeApp("CONFIG_APP_DEBUG_LEVEL=3\n");
        configure(request(Map.of(), false));

        assertTrue(
                log.at("WARN")
                        .contains(
                                "app: app/prj.conf:1: warning: APP_DEBUG_LEVEL was assigned '3' but"
                                        + " evaluated to '' (the symbol is not visible: prompt condition APP_DEBUG (at app/Kconfig:21) is n)"),
                log.lines().toString());
    }

    @Test
    void aLaterFragmentOverridingAnEarlierOneIsLoggedAndASymbolSetTwiceInOneFileIsAWarning() throws Exception {
        writeApp("CONFIG_APP_LOOPS=20\nCONFIG_APP_BASE=0x2000\nCONFIG_APP_BASE=0x3000\n");
        configure(request(Map.of("CONFIG_APP_LOOPS", "30"), false));

        List<String> info = log.at("INFO");
        int merged = info.indexOf("Merged configuration 'command line'");
        assertTrue(merged >= 0, info.toString());
        assertEquals(
                "CONFIG_APP_LOOPS=30 (command line:1) overrides CONFIG_APP_LOOPS=20 (app/prj.conf:1)",
                info.get(merged + 1));
        assertTrue(
                log.at("WARN").stream()
                        .anyMatch(l -> l.equals("app: app/prj.conf:3: warning: APP_BASE (defined at"
                                + " app/Kconfig:17) set more than once. Old value \"0x2000\", new value \"0x3000\".")),
                log.lines().toString());
        assertTrue(
                log.at("WARN").stream().noneMatch(l -> l.contains("APP_LOOPS")),
                log.lines().toString());
    }

    @Test
    void theKconfigRootVariableNamesAnotherFileAndAMissingOneIsAnError() throws Exception {
        writeApp("");
        Files.writeString(project.resolve("mcuboot/Kconfig.boot"), "config BANNER\n\tstring \"Banner\"\n");
        configure(request(Map.of("mcuboot_KCONFIG_ROOT", "Kconfig.boot"), false));
        assertTrue(
                log.at("INFO").contains("mcuboot: Kconfig mcuboot/Kconfig.boot (-Dmcuboot_KCONFIG_ROOT)"),
                log.lines().toString());
        assertTrue(
                log.at("WARN")
                        .contains("mcuboot: mcuboot/prj.conf:2: warning: attempt to assign the value 'y'"
                                + " to the undefined symbol UNDECLARED_IS_FINE"),
                log.lines().toString());

        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> configure(request(Map.of("mcuboot_KCONFIG_ROOT", "Kconfig.missing"), false)));
        assertEquals(
                "Image 'mcuboot': the Kconfig root mcuboot/Kconfig.missing given by -Dmcuboot_KCONFIG_ROOT is"
                        + " not a file; name the image's top Kconfig file (relative to mcuboot)",
                error.getMessage());
    }

    @Test
    void aKconfigSyntaxErrorNamesTheFileAndLine() throws Exception {
        writeApp("");
        Files.writeString(project.resolve("app/Kconfig"), "config OK\n\tbool \"ok\"\n\nconfig\n");

        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> configure(request(Map.of(), false)));

        assertTrue(
                error.getMessage().startsWith("Image 'app': Kconfig app/Kconfig cannot be used: app/Kconfig:4: "),
                error.getMessage());
    }

    // ---- fixture --------------------------------------------------------------------------------

    private void writeApp(String prjConf) throws IOException {
        Files.createDirectories(project.resolve("app"));
        Files.writeString(project.resolve("app/Kconfig"), APP_KCONFIG);
        Files.writeString(project.resolve("app/prj.conf"), prjConf);
        writeMcuboot();
    }

    private void writeMcuboot() throws IOException {
        Files.createDirectories(project.resolve("mcuboot"));
        Files.writeString(
                project.resolve("mcuboot/prj.conf"), "CONFIG_BANNER=\"second stage\"\nCONFIG_UNDECLARED_IS_FINE=y\n");
    }

    private BuildRequest request(Map<String, String> variables, boolean strict) {
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot")).build());
        return BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .variables(variables)
                .options(new BuildOptions(false, 1, false, Optional.empty(), strict))
                .build();
    }

    private BuildRequest requestWithNet() {
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot", "net")
                        .build(),
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot")).build(),
                ImageDeclaration.builder("net", project.resolve("net"))
                        .condition(ImageCondition.kconfig("CONFIG_APP_WITH_NET"))
                        .build());
        return BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 1, false, Optional.empty()))
                .build();
    }

    private BuildRequest secureBoot(boolean strict) {
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", project.resolve("mcuboot"))
                        .children("b0")
                        .build(),
                ImageDeclaration.builder("b0", project.resolve("b0")).build());
        return BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .variables(Map.of("mcuboot_EXTRA_CONF_FILE", "extra.conf"))
                .options(new BuildOptions(false, 1, false, Optional.empty(), strict))
                .build();
    }

    private static ImageTree tree(BuildRequest request) throws Exception {
        return ImageTree.build(request.rootImage(), request.declarations());
    }

    private Map<String, ConfiguredImage> configure(BuildRequest request) throws Exception {
        return new ConfigureStage(log).run(request, tree(request));
    }

    private record Reference(String config, String autoconf) {}

    /** Kconfiglib's outputs for the image's tree, with the environment the build gave the engine. */
    private Reference kconfiglib(ConfiguredImage image, List<String> fragments) throws Exception {
        Path python = ReferenceTools.debianPython("kconfiglib", "python3-kconfiglib");
        ImageKconfigSetup setup = ImageKconfigs.setup(
                        request(Map.of(), false), image.context(), image.board(), image.domain())
                .orElseThrow();
        Path script = project.resolve("kconfig_reference.py");
        try (InputStream in = getClass().getResourceAsStream("/kconfig-engine/kconfig_reference.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path out = Files.createDirectories(project.resolve("reference"));
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        setup.environment().forEach((name, value) -> command.addAll(List.of("--env", name + "=" + value)));
        command.addAll(List.of(
                "--config-out",
                out.resolve(".config").toString(),
                "--header-out",
                out.resolve("autoconf.h").toString(),
                "--warnings-out",
                out.resolve("warnings").toString(),
                setup.root().topFileName()));
        command.addAll(fragments);
        ReferenceTools.Result result = ReferenceTools.run(command, setup.root().sourceTree(), 60);
        assertEquals(0, result.exitCode(), result.toString());
        return new Reference(Files.readString(out.resolve(".config")), Files.readString(out.resolve("autoconf.h")));
    }
}
