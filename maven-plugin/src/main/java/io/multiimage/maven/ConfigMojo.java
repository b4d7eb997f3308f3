package io.multiimage.maven;

import io.multiimage.core.config.ConfigurationReport;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.pipeline.ConfiguredImage;
import io.multiimage.core.pipeline.PreparedTree;
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
 * Shows an image's resolved configuration: the Kconfig fragments and overlays chosen, in
 * merge order, with the rule that chose each, and for every symbol its value, the file and
 * line that set it and what it overrode. {@code mvn firmware:config -Dfirmware.image=mcuboot}.
 */
@Mojo(name = "config", threadSafe = true)
public class ConfigMojo extends AbstractFirmwareMojo {

    /**
     * The image to show, any image of this module's tree; default: this module's own image.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.IMAGE)
    private String image;

    @Inject
    public ConfigMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        String[] own = new String[1];
        PreparedTree tree = runCore(request -> {
            own[0] = request.scope().moduleImage().orElse(request.rootImage());
            return firmwareBuild(request).prepare(request);
        });
        String name = image != null ? image : own[0];
        ConfiguredImage chosen = tree.image(name)
                .orElseThrow(() -> new MojoFailureException("No image '" + name
                        + "' in this tree; images: "
                        + String.join(", ", tree.images().keySet()) + " (-D"
                        + FirmwareProperties.IMAGE + ")"));
        if (chosen.configuration().isEmpty()) {
            getLog().info(name + ": " + chosen.strategy().describe() + "; not configured in this build");
            return;
        }
        ImageConfiguration configuration = chosen.configuration().get();
        getLog().info("Configuration of image " + name + " (board "
                + chosen.context().boardWithRevision()
                + ", build type "
                + (chosen.context().buildType().isEmpty()
                        ? "none"
                        : chosen.context().buildType())
                + ")");
        ConfigurationReport.files(configuration).lines().forEach(getLog()::info);
        getLog().info("Symbols:");
        ConfigurationReport.provenance(configuration).lines().forEach(getLog()::info);
    }
}
