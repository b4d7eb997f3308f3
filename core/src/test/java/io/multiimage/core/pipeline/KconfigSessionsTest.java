package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.core.imagekconfig.ImageKconfigSession.FragmentTarget;
import io.multiimage.core.imagekconfig.ImageKconfigSession.SavedFragment;
import io.multiimage.core.imagekconfig.KconfigTargets;
import io.multiimage.core.kconfig.engine.Symbol;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening an image for a configuration interface: the build's fragments in the rules' order,
 * the minimal difference saved where the rules read it (for a child too), a file edited in
 * place, an override by a later fragment reported, the Kconfig targets.
 */
class KconfigSessionsTest {

    private static final String KCONFIG = """
            config LOOPS
            	int "Loops"
            	default 10

            config FEATURE
            	bool "Feature"
            	select LOG

            config LOG
            	bool "Log"

            config NAME
            	string "Name"
            	default "widget"
            """;

    @TempDir
    Path root;

    @Test
    void aChildsChangesGoToItsBoardFileAndTheNextConfigurationReadsThem() throws Exception {
        project("");
        ImageKconfigSession session = KconfigSessions.open(request(Map.of()), "mcuboot", BuildLog.silent());
        assertEquals("20", value(session, "LOOPS")); // prj.conf 10 < child_image/mcuboot.conf 20

        session.set(symbol(session, "FEATURE"), "y");
        session.set(symbol(session, "NAME"), "gadget");
        session.set(symbol(session, "NAME"), "widget"); // back to the default: no change
        assertEquals(Map.of("FEATURE", "CONFIG_FEATURE=y"), session.changes());
        SavedFragment saved = session.saveFragment(session.defaultTarget());

        assertEquals("mcuboot/boards/qemu_cortex_m3.conf", saved.name());
        assertTrue(saved.created());
        assertEquals(List.of(), saved.differences());
        ImageKconfigSession next = KconfigSessions.open(request(Map.of()), "mcuboot", BuildLog.silent());
        assertEquals("y", value(next, "FEATURE"));
        assertEquals("y", value(next, "LOG"));
        assertEquals(
                "mcuboot/boards/qemu_cortex_m3.conf:2",
                symbol(next, "FEATURE").userAssignment().orElseThrow().where());
    }

    @Test
    void savingWithoutChangesWritesNoFile() throws Exception {
        project("");
        ImageKconfigSession session = KconfigSessions.open(request(Map.of()), "mcuboot", BuildLog.silent());
        session.set(symbol(session, "LOOPS"), "20"); // what the fragments give already

        SavedFragment saved = session.saveFragment(session.defaultTarget());

        assertEquals(List.of(), saved.lines());
        assertFalse(saved.created());
        assertFalse(Files.exists(root.resolve("mcuboot/boards/qemu_cortex_m3.conf")));
    }

    @Test
    void anExistingFragmentIsEditedInPlaceKeepingItsOtherLines() throws Exception {
        project("# mine\nCONFIG_NAME=\"old\"\n# keep me\n");
        ImageKconfigSession session = KconfigSessions.open(request(Map.of()), "mcuboot", BuildLog.silent());
        session.set(symbol(session, "NAME"), "new");
        session.set(symbol(session, "FEATURE"), "y");

        session.saveFragment(session.defaultTarget());

        assertEquals(
                "# mine\nCONFIG_NAME=\"new\"\n# keep me\n\n# Saved by firmware:menuconfig/guiconfig for image"
                        + " mcuboot\nCONFIG_FEATURE=y\n",
                Files.readString(root.resolve("mcuboot/boards/qemu_cortex_m3.conf")));
    }

    @Test
    void aValueALaterFragmentOverridesIsReportedWhenSaved() throws Exception {
        project("");
        ImageKconfigSession session = KconfigSessions.open(request(Map.of()), "mcuboot", BuildLog.silent());
        session.set(symbol(session, "LOOPS"), "30");

        SavedFragment saved = session.saveFragment(session.defaultTarget());

        // the board file comes before child_image/mcuboot.conf, which sets LOOPS=20
        assertEquals(List.of("LOOPS would be '20', not '30'"), saved.differences());
        FragmentTarget last = new FragmentTarget(root.resolve("app/child_image/mcuboot.conf"), "(I)", Optional.empty());
        assertEquals(List.of(), session.saveFragment(last).differences());
        assertTrue(
                Files.readString(root.resolve("app/child_image/mcuboot.conf")).contains("CONFIG_LOOPS=30"));
    }

    @Test
    void anImageWithoutAKconfigTreeCannotBeOpened() throws Exception {
        project("");
        Files.delete(root.resolve("app/Kconfig"));
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> KconfigSessions.open(request(Map.of()), "app", BuildLog.silent()));
        assertEquals(
                "Image 'app' has no Kconfig tree: add a Kconfig file to app, or name one with <kconfigRoot> or"
                        + " -DKCONFIG_ROOT",
                error.getMessage());
    }

    @Test
    @Tag("tools")
    void savedefconfigWritesTheMinimalConfigurationAndATargetRunsWithTheKconfigEnvironment() throws Exception {
        project("");
        ImageKconfigSession session =
                KconfigSessions.open(request(Map.of("mcuboot_EXTRA", "x")), "mcuboot", BuildLog.silent());
        RecordingLog log = new RecordingLog();

        KconfigTargets.run(session, "savedefconfig", List.of(), new LocalProcessLauncher(), log);
        assertEquals(
                "CONFIG_LOOPS=20\n", Files.readString(session.buildDirectory().resolve("defconfig")));

        KconfigTargets.run(
                session,
                "show",
                List.of(new KconfigTargets.Target(
                        "show",
                        List.of("sh", "-c", "echo \"$BOARD $EXTRA $(basename $KCONFIG_CONFIG) $(basename $PWD)\""))),
                new LocalProcessLauncher(),
                log);
        assertTrue(
                log.at("INFO").contains("qemu_cortex_m3 x .config mcuboot"),
                log.lines().toString());
        InvalidConfigurationException unknown = assertThrows(
                InvalidConfigurationException.class,
                () -> KconfigTargets.run(session, "nope", List.of(), new LocalProcessLauncher(), log));
        assertEquals(
                "Kconfig target 'nope' is not declared; targets: savedefconfig (<kconfigTargets> in the POM)",
                unknown.getMessage());
        assertFalse(log.lines().isEmpty());
    }

    private void project(String boardFile) throws Exception {
        Files.createDirectories(root.resolve("app/child_image"));
        Files.createDirectories(root.resolve("mcuboot/boards"));
        Files.writeString(root.resolve("app/Kconfig"), KCONFIG);
        Files.writeString(root.resolve("app/prj.conf"), "");
        Files.writeString(root.resolve("mcuboot/Kconfig"), KCONFIG);
        Files.writeString(root.resolve("mcuboot/prj.conf"), "CONFIG_LOOPS=10\n");
        Files.writeString(root.resolve("app/child_image/mcuboot.conf"), "CONFIG_LOOPS=20\n");
        if (!boardFile.isEmpty()) {
            Files.writeString(root.resolve("mcuboot/boards/qemu_cortex_m3.conf"), boardFile);
        }
    }

    private BuildRequest request(Map<String, String> variables) {
        return BuildRequest.builder(
                        new ProjectLayout(root),
                        "app",
                        List.of(
                                ImageDeclaration.builder("app", root.resolve("app"))
                                        .board("qemu_cortex_m3")
                                        .children("mcuboot")
                                        .build(),
                                ImageDeclaration.builder("mcuboot", root.resolve("mcuboot"))
                                        .build()),
                        root.resolve("app/target/firmware"))
                .variables(variables)
                .options(new BuildOptions(false, 1, false, Optional.empty()))
                .build();
    }

    private static Symbol symbol(ImageKconfigSession session, String name) {
        return session.kconfig().symbol(name).orElseThrow();
    }

    private static String value(ImageKconfigSession session, String name) {
        return symbol(session, name).value();
    }
}
