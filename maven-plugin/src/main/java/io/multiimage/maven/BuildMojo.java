package io.multiimage.maven;

import io.multiimage.core.pipeline.BuildResult;
import io.multiimage.core.pipeline.BuiltImage;
import io.multiimage.core.pipeline.PublishedFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;

/**
 * Builds the image tree of this module: configures every image, places them with the
 * partition manager, builds each by its strategy and merges the result into
 * {@code target/firmware/merged.hex}. A child image module builds only its own image (and the
 * children it declares as directories), into its own {@code target/firmware/<image>/}, placed by
 * the layout of the tree it belongs to; the top module merges what the children's modules built.
 * Signs the images the layout puts in MCUboot-format slots ({@code <signing>}) and verifies the
 * merged files. Attaches the image's HEX as the module's artifact (its signed HEX with classifier
 * {@code signed}), and at the top of a tree the merged files, {@code build-info.json}, the NCS
 * update files ({@code app-signed}, {@code app-update}, {@code app-test-update},
 * {@code app-moved-test-update}) and {@code dfu_application.zip} ({@code dfu-application}).
 * At the top of a tree it also writes the memory report ({@code memory-report.json},
 * {@code memory-report.html}), and fails when an image passes one of its {@code <report><budgets>}
 * (after everything is written, nothing attached).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractReportingMojo {

    /**
     * Turns off {@code firmware:build}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.BUILD_SKIP, defaultValue = "false")
    private boolean skipBuild;

    private final MavenProjectHelper projectHelper;

    @Inject
    public BuildMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator,
            MavenProjectHelper projectHelper,
            SettingsDecrypter settingsDecrypter) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
        this.projectHelper = projectHelper;
        useSettingsDecrypter(settingsDecrypter);
    }

    @Override
    protected Optional<String> goalSkipProperty() {
        return skipBuild ? Optional.of(FirmwareProperties.BUILD_SKIP) : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        BuildResult result = runCore(request -> configuredBuild(request).run(request));
        attach(result);
    }

    /**
     * Attaches what this module built: its own image's HEX as the main artifact, and at the top of
     * a tree the merged files and {@code build-info.json}. The merged files in the other
     * {@code <mergeFormats>} come with the published files: the HEX's classifier, type {@code bin},
     * {@code srec} or {@code uf2}. A module whose image is not built from
     * source in its tree (left out, prebuilt or skipped) attaches no HEX and says why.
     */
    private void attach(BuildResult result) {
        Optional<BuiltImage> own = result.ownBuiltImage();
        if (own.isPresent() && own.get().hex().isPresent()) {
            project.getArtifact().setFile(own.get().hex().get().toFile());
        } else {
            String why = result.image(result.moduleImage())
                    .map(image -> "its build strategy is " + image.strategy() + " (" + image.strategyOrigin() + ")")
                    .orElse("it is left out of its image tree");
            getLog().info(result.moduleImage() + ": not built from source in this build, " + why + "; module "
                    + project.getArtifactId() + " attaches no HEX, and is neither installed nor deployed");
            skipInstallAndDeploy();
        }
        for (Map.Entry<String, Path> merged : result.merged().entrySet()) {
            String classifier = merged.getKey().replace(".hex", "").replace('_', '-');
            projectHelper.attachArtifact(
                    project, "hex", classifier, merged.getValue().toFile());
        }
        result.buildInfo()
                .ifPresent(info -> projectHelper.attachArtifact(project, "json", "build-info", info.toFile()));
        for (PublishedFile file : result.published()) {
            projectHelper.attachArtifact(
                    project, file.type(), file.classifier(), file.file().toFile());
        }
    }
}
