package io.multiimage.maven.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.multiimage.core.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureOwnerTest {

    @TempDir
    Path root;

    @Test
    void aWrongFileBelongsToTheDeepestModuleHoldingIt() throws Exception {
        MavenProject parent = Projects.module(root, "parent", "");
        MavenProject app = Projects.module(root.resolve("app"), "app", "");
        MavenProject net = Projects.module(root.resolve("netcore"), "netcore", "");
        FailureOwner owner = new FailureOwner(root, Map.of(), List.of(parent, app, net));

        InvalidConfigurationException yaml = new InvalidConfigurationException("app/pm_static.yml:3: bad");
        yaml.blameFile("app/pm_static.yml:3").blameImage("netcore");
        assertSame(app, owner.of(yaml).orElseThrow());

        InvalidConfigurationException conf = new InvalidConfigurationException("File not found: netcore/x.conf");
        conf.blameFile(root.resolve("netcore/x.conf").toString());
        assertSame(net, owner.of(conf).orElseThrow());
    }

    @Test
    void withoutAFileTheImagesOwnerIsBlamed() throws Exception {
        MavenProject app = Projects.module(root.resolve("app"), "app", "");
        MavenProject net = Projects.module(root.resolve("netcore"), "netcore", "");
        FailureOwner owner = new FailureOwner(root, Map.of("b0n", root.resolve("netcore")), List.of(app, net));

        InvalidConfigurationException error = new InvalidConfigurationException("x");
        error.blameImage("b0n");
        assertSame(net, owner.of(error).orElseThrow());
        assertEquals(Optional.empty(), owner.of(new InvalidConfigurationException("nobody's")));
    }
}
