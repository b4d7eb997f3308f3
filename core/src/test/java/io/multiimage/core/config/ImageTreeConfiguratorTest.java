package io.multiimage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.ImageCondition;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTreeConfiguratorTest {

    @TempDir
    Path root;

    private ImageTree tree() throws Exception {
        return ImageTree.build(
                "app",
                List.of(
                        ImageDeclaration.builder("app", root.resolve("app"))
                                .board("qemu_cortex_m3")
                                .children("mcuboot")
                                .build(),
                        ImageDeclaration.builder("mcuboot", root.resolve("boot"))
                                .children("b0")
                                .build(),
                        ImageDeclaration.builder("b0", root.resolve("b0")).build()));
    }

    @Test
    void configuresEveryImageParentsFirstEachWithItsOwnResolver() throws Exception {
        Projects.write(root, "app/prj.conf", "CONFIG_APP=y\n");
        Projects.write(root, "boot/prj.conf", "CONFIG_BOOT=y\n");
        Projects.write(root, "b0/prj.conf", "CONFIG_B0=y\n");
        List<String> asked = new ArrayList<>();
        ImageTreeConfigurator configurator = new ImageTreeConfigurator(new ProjectLayout(root), image -> {
            asked.add(image.name());
            return new FragmentOnlyResolver();
        });
        RecordingLog log = new RecordingLog(false);
        Map<String, ImageConfiguration> configs =
                configurator.configure(tree(), Map.of("mcuboot_b0_CONFIG_DEEP", "1", "CONFIG_TOP", "2"), log);
        assertEquals(List.of("app", "mcuboot", "b0"), asked);
        assertEquals(List.of("app", "mcuboot", "b0"), List.copyOf(configs.keySet()));
        assertEquals(
                "2", configs.get("app").kconfig().value("TOP").orElseThrow().text());
        assertEquals(
                "1", configs.get("b0").kconfig().value("DEEP").orElseThrow().text());
        assertEquals(List.of("prj.conf", "command line", "prj.conf", "prj.conf", "command line"), Projects.merged(log));
    }

    @Test
    void childrenWhoseConditionFailsAreLeftOutWithTheirSubtree() throws Exception {
        Projects.write(root, "app/prj.conf", "CONFIG_BOOTLOADER_MCUBOOT=y\n# CONFIG_SECURE_BOOT is not set\n");
        for (String dir : List.of("boot", "b0", "net", "tools")) {
            Projects.write(root, dir + "/prj.conf", "CONFIG_X=y\n");
        }
        ImageTree tree = ImageTree.build(
                "app",
                List.of(
                        ImageDeclaration.builder("app", root.resolve("app"))
                                .board("qemu_cortex_m3")
                                .children("mcuboot", "b0", "net", "tools")
                                .build(),
                        ImageDeclaration.builder("mcuboot", root.resolve("boot"))
                                .condition(ImageCondition.kconfig("CONFIG_BOOTLOADER_MCUBOOT"))
                                .build(),
                        ImageDeclaration.builder("b0", root.resolve("b0"))
                                .condition(ImageCondition.kconfig("SECURE_BOOT"))
                                .children("inner")
                                .build(),
                        ImageDeclaration.builder("inner", root.resolve("tools")).build(),
                        ImageDeclaration.builder("net", root.resolve("net"))
                                .condition(ImageCondition.property("with.net"))
                                .build(),
                        ImageDeclaration.builder("tools", root.resolve("tools"))
                                .condition(ImageCondition.property("with.tools"))
                                .build()));
        RecordingLog log = new RecordingLog(false);
        Map<String, ImageConfiguration> configs = new ImageTreeConfigurator(
                        new ProjectLayout(root), new FragmentOnlyResolver())
                .configure(tree, Map.of(), BuildProperties.commandLine(Map.of("with.net", "true")), log);
        assertEquals(List.of("app", "mcuboot", "net"), List.copyOf(configs.keySet()));
        assertTrue(
                log.lines().contains("INFO b0: left out (CONFIG_SECURE_BOOT is not set for app)"),
                log.lines().toString());
        assertTrue(
                log.lines().contains("INFO tools: left out (property with.tools is not set for app)"),
                log.lines().toString());
    }

    @Test
    void stopsAtTheFirstImageThatFails() throws Exception {
        Projects.write(root, "app/prj.conf", "CONFIG_APP=y\n");
        Projects.write(root, "b0/prj.conf", "CONFIG_B0=y\n");
        RecordingLog log = new RecordingLog(false);
        ConfigurationRuleException e = assertThrows(
                ConfigurationRuleException.class,
                () -> new ImageTreeConfigurator(new ProjectLayout(root), new FragmentOnlyResolver())
                        .configure(tree(), Map.of(), log));
        assertEquals("Child image 'mcuboot': no prj.conf in boot", e.getMessage());
        assertEquals(List.of("prj.conf"), Projects.merged(log));
    }
}
