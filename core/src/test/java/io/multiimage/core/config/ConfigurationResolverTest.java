package io.multiimage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.kconfig.Assignment;
import io.multiimage.core.kconfig.FragmentSyntaxException;
import io.multiimage.core.kconfig.SymbolProvenance;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationResolverTest {

    @TempDir
    Path root;

    private ImageContext child(Map<String, String> variables, String buildType, String board) throws Exception {
        List<ImageDeclaration> images = List.of(
                ImageDeclaration.builder("app", root.resolve("app"))
                        .board(board)
                        .buildType(buildType)
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", root.resolve("boot")).build());
        return Projects.context(root, "app", images, variables, "mcuboot", new RecordingLog(false));
    }

    @Test
    void overridesAreLoggedWithBothValuesAndBothLocationsAndKeptAsProvenance() throws Exception {
        Projects.write(root, "boot/prj.conf", "CONFIG_BANNER=y\nCONFIG_NAME=\"boot\"\n");
        Projects.write(root, "app/child_image/mcuboot.conf", "# tighter\nCONFIG_BANNER=n\nCONFIG_NAME=\"boot\"\n");
        RecordingLog log = new RecordingLog(true);
        ImageConfiguration configuration =
                Projects.configure(root, child(Map.of("mcuboot_CONFIG_BANNER", "y"), "", "qemu_cortex_m3"), log);

        assertEquals(
                List.of(
                        "INFO mcuboot: Kconfig row A: the image's own prj.conf (A) and board files (C) apply",
                        "DEBUG mcuboot: Kconfig fragment 'boot/prj.conf' ((A) base file of row A)",
                        "DEBUG mcuboot: Kconfig fragment 'app/child_image/mcuboot.conf' ((I) child-image fragment)",
                        "INFO Merged configuration 'prj.conf'",
                        "INFO Merged configuration 'app/child_image/mcuboot.conf'",
                        "INFO CONFIG_BANNER=n (app/child_image/mcuboot.conf:2) overrides CONFIG_BANNER=y (boot/prj.conf:1)",
                        "DEBUG CONFIG_NAME=\"boot\" (app/child_image/mcuboot.conf:3) repeats the value set at boot/prj.conf:2",
                        "INFO Merged configuration 'command line'",
                        "INFO CONFIG_BANNER=y (command line:1) overrides CONFIG_BANNER=n (app/child_image/mcuboot.conf:2)"),
                log.lines());
        SymbolProvenance banner = configuration.kconfig().provenanceOf("BANNER").orElseThrow();
        assertEquals("command line:1", banner.last().location().toString());
        assertEquals(
                List.of("app/child_image/mcuboot.conf:2", "boot/prj.conf:1"),
                banner.overridden().stream()
                        .map(Assignment::location)
                        .map(Object::toString)
                        .toList());
    }

    @Test
    void aGrandchildUsesTheMiddleImagesChildImageFolderAndItsOwnDirForNamedFiles() throws Exception {
        Projects.files(
                root,
                "app/prj.conf",
                "boot/prj.conf",
                "b0/prj.conf",
                "b0/x.conf",
                "boot/x.conf",
                "app/x.conf",
                "app/child_image/b0.conf",
                "boot/child_image/b0.conf",
                "app/child_image/b0/prj.conf");
        List<ImageDeclaration> images = List.of(
                ImageDeclaration.builder("app", root.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", root.resolve("boot"))
                        .children("b0")
                        .build(),
                ImageDeclaration.builder("b0", root.resolve("b0")).build());
        RecordingLog log = new RecordingLog(false);
        ImageContext b0 = Projects.context(
                root,
                "app",
                images,
                Map.of("mcuboot_b0_EXTRA_CONF_FILE", "x.conf", "mcuboot_b0_CONFIG_DEPTH", "3", "b0_CONFIG_NOPE", "y"),
                "b0",
                log);
        ImageConfiguration configuration = Projects.configure(root, b0, log);
        assertEquals(List.of("prj.conf", "x.conf", "boot/child_image/b0.conf", "command line"), Projects.merged(log));
        assertEquals("b0/x.conf", configuration.plan().kconfigFiles().get(1).location());
        assertEquals("3", configuration.kconfig().value("DEPTH").orElseThrow().text());
        assertTrue(configuration.kconfig().value("NOPE").isEmpty(), "b0_ at the top level names no child of app");
    }

    @Test
    void olderOverlayConfigIsMergedWithADeprecationWarning() throws Exception {
        Projects.files(root, "boot/prj.conf", "boot/old.conf");
        RecordingLog log = new RecordingLog(false);
        ImageConfiguration configuration = Projects.configure(
                root, child(Map.of("mcuboot_OVERLAY_CONFIG", "old.conf"), "", "qemu_cortex_m3"), log);
        assertEquals(List.of("prj.conf", "old.conf"), Projects.merged(log));
        assertTrue(
                log.lines().contains("WARN mcuboot: OVERLAY_CONFIG is deprecated; use EXTRA_CONF_FILE (same meaning)"));
        assertEquals(
                "OVERLAY_CONFIG item 1 (older name of EXTRA_CONF_FILE)",
                configuration.plan().kconfigFiles().get(1).rule());
    }

    @Test
    void aMalformedFragmentFailsWithFileAndLineAndLogsNothing() throws Exception {
        Projects.write(root, "boot/prj.conf", "CONFIG_A=y\n\n  CONFIG_B=y\n");
        RecordingLog log = new RecordingLog(false);
        ImageContext context = child(Map.of(), "", "qemu_cortex_m3");
        FragmentSyntaxException e =
                assertThrows(FragmentSyntaxException.class, () -> Projects.configure(root, context, log));
        assertEquals("boot/prj.conf", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("boot/prj.conf:3: expected 'CONFIG_<NAME>=<value>'"), e.getMessage());
        assertEquals(List.of(), log.lines());
    }

    @Test
    void namedFilesResolveInTheReceivingImageDirAndAbsolutePathsAreKept() throws Exception {
        Projects.files(root, "boot/prj.conf", "shared/common.conf", "app/extra.conf");
        String absolute = root.resolve("shared/common.conf").toString();
        RecordingLog log = new RecordingLog(false);
        Projects.configure(
                root,
                child(Map.of("mcuboot_EXTRA_CONF_FILE", absolute + ";../app/extra.conf"), "", "qemu_cortex_m3"),
                log);
        assertEquals(List.of("prj.conf", "shared/common.conf", "app/extra.conf"), Projects.merged(log));
        ConfigurationRuleException e = assertThrows(
                ConfigurationRuleException.class,
                () -> Projects.configure(
                        root,
                        child(Map.of("mcuboot_EXTRA_CONF_FILE", "extra.conf"), "", "qemu_cortex_m3"),
                        new RecordingLog(false)));
        assertEquals("File not found: boot/extra.conf", e.getMessage());
    }

    @Test
    void folderOverlaysIncludeBuildTypeVariantsAndReplaceTheChildsOwn() throws Exception {
        String f = "app/child_image/mcuboot/";
        Projects.files(
                root,
                "boot/prj.conf",
                "boot/boards/nrf52840dk_nrf52840.overlay",
                "boot/app.overlay",
                f + "boards/nrf52840dk_nrf52840_release.overlay",
                f + "boards/nrf52840dk_nrf52840_1_1_0_release.overlay",
                f + "boards/nrf52840dk_nrf52840_1_1_0.overlay",
                f + "boards/nrf52840dk_nrf52840.overlay",
                f + "nrf52840dk_nrf52840_1_1_0.overlay",
                "app/child_image/mcuboot.overlay",
                "boot/more.overlay");
        ImageConfiguration configuration = Projects.configure(
                root,
                child(Map.of("mcuboot_EXTRA_DTC_OVERLAY_FILE", "more.overlay"), "release", "nrf52840dk@1.1.0/nrf52840"),
                new RecordingLog(false));
        assertEquals(
                List.of(
                        f + "boards/nrf52840dk_nrf52840.overlay",
                        f + "boards/nrf52840dk_nrf52840_1_1_0.overlay",
                        f + "boards/nrf52840dk_nrf52840_release.overlay",
                        f + "boards/nrf52840dk_nrf52840_1_1_0_release.overlay",
                        f + "nrf52840dk_nrf52840_1_1_0.overlay",
                        "boot/more.overlay",
                        "app/child_image/mcuboot.overlay"),
                configuration.plan().overlays().stream()
                        .map(SelectedFile::location)
                        .toList());
    }

    @Test
    void theChildsOwnOverlaysAreTakenByFirstExistingGroupWithoutBuildTypeVariants() throws Exception {
        Projects.files(
                root,
                "boot/prj.conf",
                "boot/qemu_cortex_m3.overlay",
                "boot/app.overlay",
                "boot/boards/qemu_cortex_m3_release.overlay");
        ImageConfiguration configuration =
                Projects.configure(root, child(Map.of(), "release", "qemu_cortex_m3"), new RecordingLog(false));
        assertEquals(
                List.of("boot/qemu_cortex_m3.overlay"),
                configuration.plan().overlays().stream()
                        .map(SelectedFile::location)
                        .toList());
    }

    @Test
    void theTopLevelImageUsesItsOwnDirectoryAndVariables() throws Exception {
        Projects.files(
                root,
                "app/prj.conf",
                "app/boards/qemu_cortex_m3.overlay",
                "app/app.overlay",
                "app/child_image/app.conf",
                "app/child_image/app.overlay");
        List<ImageDeclaration> images = List.of(ImageDeclaration.builder("app", root.resolve("app"))
                .board("qemu_cortex_m3")
                .build());
        RecordingLog log = new RecordingLog(false);
        ImageContext app = Projects.context(root, "app", images, Map.of("CONFIG_X", "3"), "app", log);
        ImageConfiguration configuration = Projects.configure(root, app, log);
        assertEquals(List.of("prj.conf", "command line"), Projects.merged(log));
        assertEquals(
                List.of("app/boards/qemu_cortex_m3.overlay"),
                configuration.plan().overlays().stream()
                        .map(SelectedFile::location)
                        .toList());
        Projects.files(root, "top/boards/qemu_cortex_m3.conf");
        List<ImageDeclaration> bare = List.of(ImageDeclaration.builder("top", root.resolve("top"))
                .board("qemu_cortex_m3")
                .build());
        ImageContext top = Projects.context(root, "top", bare, Map.of(), "top", new RecordingLog(false));
        ConfigurationRuleException e = assertThrows(
                ConfigurationRuleException.class, () -> Projects.configure(root, top, new RecordingLog(false)));
        assertEquals("Image 'top': no prj.conf in top", e.getMessage());
    }

    @Test
    void aFileNamedTwiceInStepsThreeToFiveIsMergedOnceAtItsLastPosition() {
        Path a = Path.of("/p/a.conf");
        Path b = Path.of("/p/b.conf");
        List<SelectedFile> merged = ConfigurationPlanner.lastOccurrenceOnly(List.of(
                new SelectedFile(a, "a.conf", "a.conf", "1"),
                new SelectedFile(b, "b.conf", "b.conf", "2"),
                new SelectedFile(a, "a.conf", "a.conf", "3")));
        assertEquals(List.of("2", "3"), merged.stream().map(SelectedFile::rule).toList());
    }
}
