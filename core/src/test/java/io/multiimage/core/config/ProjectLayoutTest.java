package io.multiimage.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectLayoutTest {

    private final Path root = Path.of("/work/proj").toAbsolutePath();
    private final ProjectLayout layout = new ProjectLayout(root);

    @Test
    void filesInsideTheImageDirAreShownImageRelative() {
        assertEquals("boards/x.conf", layout.display(root.resolve("boot/boards/x.conf"), root.resolve("boot")));
    }

    @Test
    void filesOutsideTheImageDirAreShownProjectRelative() {
        assertEquals(
                "app/child_image/mcuboot.conf",
                layout.display(root.resolve("app/child_image/mcuboot.conf"), root.resolve("boot")));
        assertEquals("app/x.conf", layout.display(root.resolve("boot/../app/x.conf"), root.resolve("boot")));
    }

    @Test
    void filesOutsideTheProjectAreShownRelativeNeverAbsolute() {
        assertEquals("../shared/x.conf", layout.relative(root.resolveSibling("shared/x.conf")));
    }
}
