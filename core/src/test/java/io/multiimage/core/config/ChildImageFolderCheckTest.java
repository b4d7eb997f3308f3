package io.multiimage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildImageFolderCheckTest {

    @TempDir
    Path root;

    private ProjectLayout layout() {
        return new ProjectLayout(root);
    }

    @Test
    void aMisspeltChildNameIsNamedWithTheClosestChild() throws Exception {
        Projects.files(root, "app/child_image/mcubot.conf");

        assertEquals(
                List.of("app/child_image/mcubot.conf matches no child image of app (children: mcuboot, b0);"
                        + " did you mean 'mcuboot'?"),
                warnings("mcuboot", "b0"));
    }

    @Test
    void everyNameAChildReadsPassesForAnyBuildType() throws Exception {
        Projects.files(
                root,
                "app/child_image/mcuboot.conf",
                "app/child_image/mcuboot_release.conf",
                "app/child_image/mcuboot_debug_small.conf",
                "app/child_image/mcuboot.overlay",
                "app/child_image/mcuboot/prj.conf",
                "app/child_image/mcuboot/boards/qemu_cortex_m3.conf",
                "app/child_image/hci_ipc.conf",
                "app/child_image/hci_ipc_release.conf",
                "app/child_image/.gitkeep");

        assertEquals(List.of(), warnings("mcuboot", "hci_ipc"));
    }

    @Test
    void theImagePartBeforeABuildTypeIsWhatIsCompared() throws Exception {
        Projects.files(root, "app/child_image/mcubot_release.conf", "app/child_image/mcubot.overlay");
        Files.createDirectories(root.resolve("app/child_image/mcuboto/boards"));

        assertEquals(
                List.of(
                        "app/child_image/mcubot.overlay matches no child image of app (children: mcuboot); did you mean"
                                + " 'mcuboot'?",
                        "app/child_image/mcubot_release.conf matches no child image of app (children: mcuboot); did you mean"
                                + " 'mcuboot'?",
                        "app/child_image/mcuboto/ matches no child image of app (children: mcuboot); did you mean 'mcuboot'?"),
                warnings("mcuboot"));
    }

    @Test
    void aNameFarFromEveryChildListsTheChildrenWithoutAGuess() throws Exception {
        Projects.files(root, "app/child_image/prj.conf");

        assertEquals(
                List.of("app/child_image/prj.conf matches no child image of app (children: mcuboot, b0), so no"
                        + " image uses it"),
                warnings("mcuboot", "b0"));
    }

    @Test
    void filesOfKindsNoChildReadsAreNamed() throws Exception {
        Projects.files(root, "app/child_image/mcuboot_release.overlay");
        Projects.write(root, "app/child_image/README.md", "notes\n");

        String kinds = " fits none of the names a child image reads from child_image/ (<child>.conf,"
                + " <child>_<buildtype>.conf, <child>.overlay, <child>/), so no image uses it";
        assertEquals(
                List.of("app/child_image/README.md" + kinds, "app/child_image/mcuboot_release.overlay" + kinds),
                warnings("mcuboot"));
    }

    @Test
    void aParentWithoutChildrenSaysSo() throws Exception {
        Projects.files(root, "app/child_image/mcuboot.conf");

        assertEquals(
                List.of("app/child_image/mcuboot.conf matches no child image of app (app declares no child"
                        + " images), so no image uses it"),
                warnings());
    }

    @Test
    void noFolderNoWarning() throws Exception {
        Files.createDirectories(root.resolve("app"));

        assertEquals(List.of(), warnings("mcuboot"));
    }

    private List<String> warnings(String... children) throws Exception {
        return ChildImageFolderCheck.warnings("app", root.resolve("app"), List.of(children), layout());
    }
}
