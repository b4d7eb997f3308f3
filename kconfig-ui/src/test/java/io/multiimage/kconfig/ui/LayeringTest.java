package io.multiimage.kconfig.ui;

import io.multiimage.testkit.Layering;
import org.junit.jupiter.api.Test;

class LayeringTest {

    @Test
    void mainClassesDoNotReferenceMavenAetherOrPlexus() {
        Layering.assertNoBuildToolReferences(Layering.mainClassesOfCurrentModule());
    }
}
