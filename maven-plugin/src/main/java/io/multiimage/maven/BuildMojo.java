package io.multiimage.maven;

import io.multiimage.core.pipeline.BuildResult;
import io.multiimage.core.pipeline.BuiltImage;
import io.multiimage.core.pipeline.FirmwareBuild;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.project.ProjectBuilder;
import org.eclipse.aether.RepositorySystem;

/**
 * Builds the image tree of this module: configures every image, places them with the
 * partition manager, builds each by its strategy and merges the result into
 * {@code target/firmware/merged.hex}. In a child image module of a reactor tree it builds
 * only this image, inside the tree of its top parent. Attaches the image's HEX as the
 * module's artifact, and at the top of a tree the merged files and {@code build-info.json}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractFirmwareMojo {

    /**
     * Turns off {@code firmware:build}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.BUILD_SKIP, defaultValue = "false")
    private boolean skipBuild;

    private final MavenProjectHelper projectHelper;

    @Inject
    public BuildMojo(RepositorySystem repositorySystem, ProjectBuilder projectBuilder, MavenProjectHelper projectHelper) {
        super(repositorySystem, projectBuilder);
        this.projectHelper = projectHelper;
    }

    @Override
    protected Optional<String> goalSkipProperty() {
        return skipBuild ? Optional.of(FirmwareProperties.BUILD_SKIP) : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        BuildResult result = runCore(request -> new FirmwareBuild(buildLog(), launcher(), hexResolver()).run(request));
        attach(result);
    }

    private void attach(BuildResult result) {
        // The module's own image comes first: the top of the tree, or the one child built.
        String image = result.images().get(0).name();
        result.image(image).flatMap(BuiltImage::hex).ifPresentOrElse(
                hex -> project.getArtifact().setFile(hex.toFile()),
                () -> getLog().warn("Image " + image + " produced no HEX (build strategy skip): nothing to attach"));
        for (Map.Entry<String, Path> merged : result.merged().entrySet()) {
            String classifier = merged.getKey().replace(".hex", "").replace('_', '-');
            projectHelper.attachArtifact(project, "hex", classifier, merged.getValue().toFile());
        }
        result.buildInfo().ifPresent(info -> projectHelper.attachArtifact(project, "json", "build-info", info.toFile()));
    }
}
