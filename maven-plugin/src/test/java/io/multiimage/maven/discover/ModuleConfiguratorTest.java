package io.multiimage.maven.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.multiimage.maven.CMakeConfig;
import io.multiimage.maven.ChildImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another module's configuration is bound by Maven's own configurator, with the goal's defaults
 * evaluated against that module: what the goal itself would see there.
 */
class ModuleConfiguratorTest {

    @TempDir
    Path root;

    /** The shape of the goal's image parameters. */
    public static final class Parameters {
        private String board;
        private File sourceDirectory;
        private String imageName;
        private CMakeConfig cmake;
        private List<ChildImage> childImages;
    }

    @Test
    void bindsTheModulesConfigurationOverTheGoalsDefaultsEvaluatedInThatModule() throws Exception {
        MavenProject net = Projects.module(
                root.resolve("netcore"),
                "netcore",
                "<board>nrf5340dk/nrf5340/cpunet</board><cmake><elfFile>out/n.elf</elfFile></cmake>"
                        + "<childImages><childImage><name>b0n</name><module>../b0n</module></childImage></childImages>"
                        + "<timeout>5</timeout>");
        MojoDescriptor descriptor = new MojoDescriptor();
        descriptor.setMojoConfiguration(new XmlPlexusConfiguration(
                Projects.dom("<sourceDirectory default-value=\"${project.basedir}/src/main/c\"/>"
                        + "<imageName default-value=\"${project.artifactId}\"/>"
                        + "<board>${firmware.board}</board>")));
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setClassRealm(new ClassWorld("test", getClass().getClassLoader()).getRealm("test"));
        descriptor.setPluginDescriptor(plugin);
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(
                null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(), List.of(net));

        Parameters bound = new ModuleConfigurator(
                        session, new MojoExecution(descriptor), new BasicComponentConfigurator())
                .bind(net, new Parameters(), Set.of("board", "sourceDirectory", "imageName", "cmake", "childImages"));

        assertEquals("nrf5340dk/nrf5340/cpunet", bound.board);
        assertEquals(root.resolve("netcore/src/main/c").toFile(), bound.sourceDirectory);
        assertEquals("netcore", bound.imageName);
        assertEquals("out/n.elf", bound.cmake.getElfFile());
        assertNull(bound.cmake.getHexFile());
        assertEquals("../b0n", bound.childImages.get(0).getModule());
    }
}
