package io.multiimage.maven.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginConfigurationTest {

    @TempDir
    Path root;

    @Test
    void aBoardIsTheModulesOwnOnlyWhenItsOwnPomSetsIt() throws Exception {
        assertTrue(PluginConfiguration.configuredInOwnPom(
                Projects.module(root, "net", "<board>nrf5340dk/nrf5340/cpunet</board>"), "board"));
        assertFalse(PluginConfiguration.configuredInOwnPom(
                Projects.inheriting(root, "b0n", "<board>nrf5340dk/nrf5340/cpuapp</board>"), "board"));
    }

    @Test
    void emptyChildImageElementsAreListedNotIgnored() throws Exception {
        PluginConfiguration configuration = PluginConfiguration.of(Projects.module(
                root,
                "app",
                "<childImages><childImage><name>ssbl</name><hexArtifact>a:b:1</hexArtifact><sha256></sha256>"
                        + "</childImage><childImage><name>fsbl</name><hexFile> </hexFile></childImage></childImages>"));
        assertEquals(
                List.of("<childImage> 'ssbl': <sha256>", "<childImage> 'fsbl': <hexFile>"),
                configuration.emptyChildImageElements());
    }
}
