package io.multiimage.maven.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorImageTreeTest {

    @TempDir
    Path root;

    private static String child(String name, String module) {
        return "<childImages><childImage><name>" + name + "</name><module>" + module + "</module></childImage>"
                + "</childImages>";
    }

    @Test
    void aChildModuleIsPlacedInTheTreeOfItsTopmostParent() throws Exception {
        MavenProject app = Projects.module(root.resolve("app"), "app", child("mcuboot", "../mcuboot"));
        MavenProject mcuboot = Projects.module(root.resolve("mcuboot"), "mcuboot", child("b0", "../b0"));
        MavenProject b0 = Projects.module(root.resolve("b0"), "b0", "");
        ReactorImageTree tree = ReactorImageTree.of(List.of(b0, mcuboot, app));

        ReactorImageTree.Placement placement = tree.placementOf(b0);
        assertSame(app, placement.top());
        assertEquals(List.of("mcuboot", "b0"), placement.pathFromTop());
        assertTrue(tree.placementOf(app).isTop());
    }

    @Test
    void aModuleDeclaredByTwoParentsIsAnErrorNamingBoth() throws Exception {
        MavenProject one = Projects.module(root.resolve("one"), "one", child("boot", "../boot"));
        MavenProject two = Projects.module(root.resolve("two"), "two", child("boot", "../boot"));
        MavenProject boot = Projects.module(root.resolve("boot"), "boot", "");
        ReactorImageTree tree = ReactorImageTree.of(List.of(boot, one, two));

        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> tree.requireSingleParent(boot));
        assertTrue(
                error.getMessage()
                        .startsWith("Firmware module boot is declared as a child image by one (<childImage>"
                                + " 'boot' in "),
                error.getMessage());
        assertTrue(error.getMessage().contains(") and two (<childImage> 'boot' in "), error.getMessage());
        assertTrue(error.getMessage().contains("<sourceDirectory>../boot</sourceDirectory>"), error.getMessage());
    }
}
