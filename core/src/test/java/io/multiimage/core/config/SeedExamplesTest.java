package io.multiimage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.kconfig.KconfigValue;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three examples of child-image-rules §9, exactly as written there. */
class SeedExamplesTest {

    @TempDir
    Path root;

    private List<String> overlays(ImageConfiguration configuration) {
        return configuration.plan().overlays().stream()
                .map(SelectedFile::location)
                .toList();
    }

    @Test
    void example1FolderReplacesTheDefaults() throws Exception {
        Projects.files(
                root,
                "boot/prj.conf",
                "boot/trace.conf",
                "boot/boards/qemu_cortex_m3.conf",
                "boot/app.overlay",
                "app/child_image/mcuboot/prj.conf",
                "app/child_image/mcuboot/boards/qemu_cortex_m3.conf",
                "app/child_image/mcuboot.conf");
        List<ImageDeclaration> images = List.of(
                ImageDeclaration.builder("app", root.resolve("app"))
                        .board("qemu_cortex_m3")
                        .children("mcuboot")
                        .build(),
                ImageDeclaration.builder("mcuboot", root.resolve("boot")).build());
        RecordingLog log = new RecordingLog(false);
        ImageContext mcuboot = Projects.context(
                root,
                "app",
                images,
                Map.of("mcuboot_EXTRA_CONF_FILE", "trace.conf", "mcuboot_CONFIG_BOOT_BANNER", "n"),
                "mcuboot",
                log);
        ImageConfiguration configuration = Projects.configure(root, mcuboot, log);

        assertEquals(KconfigRow.G, configuration.plan().row());
        assertEquals(
                List.of(
                        "app/child_image/mcuboot/prj.conf",
                        "app/child_image/mcuboot/boards/qemu_cortex_m3.conf",
                        "trace.conf",
                        "app/child_image/mcuboot.conf",
                        "command line"),
                Projects.merged(log));
        assertEquals(
                "boot/trace.conf", configuration.plan().kconfigFiles().get(2).location());
        assertEquals(
                KconfigValue.NO, configuration.kconfig().value("BOOT_BANNER").orElseThrow());
        assertTrue(configuration.kconfig().value("BOOT_PRJ_CONF").isEmpty(), "boot/prj.conf is not used");
        assertTrue(
                configuration.kconfig().value("BOOT_BOARDS_QEMU_CORTEX_M3_CONF").isEmpty());
        assertEquals(List.of("boot/app.overlay"), overlays(configuration));
        assertEquals(
                List.of(
                        "mcuboot: Kconfig row G: app/child_image/mcuboot/prj.conf (G) exists",
                        "mcuboot: boot/prj.conf (A) not used: Kconfig row G applies",
                        "mcuboot: boot/boards/qemu_cortex_m3.conf (C) not used: Kconfig row G applies"),
                configuration.plan().notes());
    }

    private ImageConfiguration example2(RecordingLog log) throws Exception {
        List<ImageDeclaration> images = List.of(
                ImageDeclaration.builder("sensor", root.resolve("sensor"))
                        .board("qemu_cortex_m3")
                        .buildType("release")
                        .children("recovery")
                        .build(),
                ImageDeclaration.builder("recovery", root.resolve("recovery")).build());
        ImageContext recovery = Projects.context(root, "sensor", images, Map.of(), "recovery", log);
        assertEquals("release", recovery.buildType());
        return Projects.configure(root, recovery, log);
    }

    @Test
    void example2BuildTypeReachesAChildRowG() throws Exception {
        Projects.files(
                root,
                "recovery/prj.conf",
                "recovery/boards/qemu_cortex_m3_release.conf",
                "sensor/child_image/recovery/prj.conf",
                "sensor/child_image/recovery.conf",
                "sensor/child_image/recovery_release.conf");
        RecordingLog log = new RecordingLog(false);
        ImageConfiguration configuration = example2(log);
        assertEquals(KconfigRow.G, configuration.plan().row());
        assertEquals(
                List.of("sensor/child_image/recovery/prj.conf", "sensor/child_image/recovery_release.conf"),
                Projects.merged(log));
        assertEquals(
                List.of(
                        "recovery: Kconfig row G: sensor/child_image/recovery/prj.conf (G) exists",
                        "recovery: recovery/prj.conf (A) not used: Kconfig row G applies",
                        "recovery: recovery/boards/qemu_cortex_m3_release.conf (D) not used: Kconfig row G applies",
                        "recovery: sensor/child_image/recovery.conf (I) not used: build type release uses (J) instead"),
                configuration.plan().notes());
    }

    @Test
    void example2WithPrjReleaseConfUsesRowB() throws Exception {
        Projects.files(
                root,
                "recovery/prj.conf",
                "recovery/prj_release.conf",
                "recovery/boards/qemu_cortex_m3_release.conf",
                "sensor/child_image/recovery/prj.conf",
                "sensor/child_image/recovery.conf",
                "sensor/child_image/recovery_release.conf");
        RecordingLog log = new RecordingLog(false);
        ImageConfiguration configuration = example2(log);
        assertEquals(KconfigRow.B, configuration.plan().row());
        assertEquals(
                List.of(
                        "prj_release.conf",
                        "boards/qemu_cortex_m3_release.conf",
                        "sensor/child_image/recovery_release.conf"),
                Projects.merged(log));
        assertEquals(
                List.of(
                        "recovery/prj_release.conf",
                        "recovery/boards/qemu_cortex_m3_release.conf",
                        "sensor/child_image/recovery_release.conf"),
                configuration.plan().kconfigFiles().stream()
                        .map(SelectedFile::location)
                        .toList());
    }

    @Test
    void example2WithOnlyAFolderReleaseBoardFileIsAnError() throws Exception {
        Projects.files(
                root,
                "recovery/prj.conf",
                "recovery/boards/qemu_cortex_m3_release.conf",
                "sensor/child_image/recovery/prj.conf",
                "sensor/child_image/recovery.conf",
                "sensor/child_image/recovery_release.conf",
                "sensor/child_image/recovery/boards/qemu_cortex_m3_release.conf");
        RecordingLog log = new RecordingLog(false);
        ConfigurationRuleException e = assertThrows(ConfigurationRuleException.class, () -> example2(log));
        assertEquals(
                "Child image 'recovery': sensor/child_image/recovery/boards/qemu_cortex_m3_release.conf (F)"
                        + " requires sensor/child_image/recovery/prj_release.conf (H), which does not exist",
                e.getMessage());
        assertEquals("recovery", e.image());
        assertEquals("sensor/child_image/recovery/boards/qemu_cortex_m3_release.conf", e.file());
        assertTrue(Projects.merged(log).isEmpty());
    }

    @Test
    void example3OverlaysAndAReplacedBase() throws Exception {
        Projects.files(
                root,
                "nb/small.conf",
                "nb/pins.overlay",
                "nb/app.overlay",
                "nb/boards/nrf9151dk_nrf9151.conf",
                "gw/child_image/netboot.conf",
                "gw/child_image/netboot.overlay",
                "gw/child_image/netboot/nrf9151dk_nrf9151.overlay",
                "gw/child_image/netboot/boards/nrf9151dk_nrf9151_0_9_0.overlay");
        List<ImageDeclaration> images = List.of(
                ImageDeclaration.builder("gw", root.resolve("gw"))
                        .board("nrf9151dk@0.9.0/nrf9151")
                        .children("netboot")
                        .build(),
                ImageDeclaration.builder("netboot", root.resolve("nb")).build());
        RecordingLog log = new RecordingLog(false);
        ImageContext netboot = Projects.context(
                root,
                "gw",
                images,
                Map.of("netboot_CONF_FILE", "small.conf", "netboot_DTC_OVERLAY_FILE", "pins.overlay"),
                "netboot",
                log);
        ImageConfiguration configuration = Projects.configure(root, netboot, log);

        assertEquals(KconfigRow.A, configuration.plan().row());
        assertEquals(
                List.of("nb/small.conf", "nb/boards/nrf9151dk_nrf9151.conf", "gw/child_image/netboot.conf"),
                configuration.plan().kconfigFiles().stream()
                        .map(SelectedFile::location)
                        .toList());
        assertEquals(
                List.of("small.conf", "boards/nrf9151dk_nrf9151.conf", "gw/child_image/netboot.conf"),
                Projects.merged(log));
        assertTrue(
                configuration
                        .plan()
                        .notes()
                        .contains("netboot: the image's own overlays are not used: DTC_OVERLAY_FILE is given"),
                configuration.plan().notes().toString());
        assertEquals(
                List.of(
                        "nb/pins.overlay",
                        "gw/child_image/netboot/boards/nrf9151dk_nrf9151_0_9_0.overlay",
                        "gw/child_image/netboot/nrf9151dk_nrf9151.overlay",
                        "gw/child_image/netboot.overlay"),
                overlays(configuration));
    }
}
