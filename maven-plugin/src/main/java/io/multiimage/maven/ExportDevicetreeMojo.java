package io.multiimage.maven;

import io.multiimage.core.bridge.RegionNodes;
import io.multiimage.core.pipeline.DevicetreeOverlays;
import io.multiimage.core.pipeline.PreparedTree;
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
 * Writes the placed partition layout as Zephyr devicetree overlays, the bridge to NCS 3.x and
 * Zephyr's devicetree partitioning: {@code target/firmware/<image>/partitions.overlay} for each
 * image this module owns, holding every partition of the image's domain as
 * {@code fixed-partitions} under its memory (replacing the board's table) and
 * {@code chosen { zephyr,code-partition = <the image's partition>; }}. Places the partitions as
 * {@code firmware:partitions} does; compiles nothing. See docs/devicetree-bridge.md.
 */
@Mojo(name = "export-devicetree", threadSafe = true)
public class ExportDevicetreeMojo extends AbstractFirmwareMojo {

    /**
     * Devicetree nodes of regions other than {@code flash_primary}, {@code external_flash} and
     * {@code sram_primary}, as {@code REGION=NODE_LABEL} (e.g. {@code otp=uicr}); by default a
     * region's node is the one labelled like the region.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.DEVICETREE_REGIONS)
    private List<String> devicetreeRegions;

    @Inject
    public ExportDevicetreeMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<String> regions = devicetreeRegions == null ? List.of() : new ArrayList<>(devicetreeRegions);
        runCore(request -> {
            PreparedTree tree = firmwareBuild(request).prepare(request);
            return DevicetreeOverlays.write(request, tree, RegionNodes.parse(regions), buildLog());
        });
    }
}
