package io.multiimage.maven;

import io.multiimage.core.bridge.RegionNodes;
import io.multiimage.core.bridge.StaticLayoutImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectBuilder;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;

/**
 * Reads a devicetree partition table (a board {@code .dts} and overlays, e.g. from an NCS 3.x
 * project) and writes it as this module's static layout, {@code pm_static.yml}. Refuses to
 * replace an existing file unless {@code -Dfirmware.devicetree.overwrite=true}. Errors name the
 * devicetree file and line. See docs/devicetree-bridge.md.
 */
@Mojo(name = "import-devicetree", threadSafe = true, requiresProject = true)
public class ImportDevicetreeMojo extends AbstractFirmwareMojo {

    /**
     * The devicetree to read: the board file first, then overlays in order (comma-separated on
     * the command line), relative to the module. {@code #include <…>} finds the project's
     * {@code boards/include} and the shipped SoC files.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.DEVICETREE, required = true)
    private List<String> devicetree;

    /** Replace an existing {@code pm_static.yml}. Default {@code false}. @since 0.1.0 */
    @Parameter(property = FirmwareProperties.DEVICETREE_OVERWRITE, defaultValue = "false")
    private boolean overwrite;

    /**
     * Regions of tables under other nodes than the standard ones, as {@code REGION=NODE_LABEL}
     * (e.g. {@code spi_flash=mx25r64}).
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.DEVICETREE_REGIONS)
    private List<String> devicetreeRegions;

    @Inject
    public ImportDevicetreeMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path basedir = project.getBasedir().toPath();
        List<Path> files = new ArrayList<>();
        for (String file : devicetree) {
            files.add(basedir.resolve(file.strip()));
        }
        List<String> regions = devicetreeRegions == null ? List.of() : new ArrayList<>(devicetreeRegions);
        Path target = basedir.resolve("pm_static.yml");
        runCore(request -> StaticLayoutImport.write(
                files, basedir.resolve("boards"), RegionNodes.parse(regions), target, overwrite, buildLog()));
        getLog().info("Wrote " + target);
    }
}
