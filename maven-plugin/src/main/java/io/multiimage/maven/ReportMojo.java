package io.multiimage.maven;

import io.multiimage.core.pipeline.BuildResult;
import io.multiimage.core.pipeline.MemoryReports;
import java.nio.file.Path;
import java.util.Optional;
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
 * Writes the memory report of this module's image tree, {@code target/firmware/memory-report.json}
 * and {@code memory-report.html}: every domain's partitions, gaps and free space, how full each
 * image is (flash and RAM from its ELF file), the changes against a baseline
 * ({@code -Dfirmware.report.baseline=groupId:artifactId:version} or a build-info.json path) and the
 * verdict of each budget. Brings the build up to date first (compiling only what changed), attaches
 * nothing. Across a reactor the report is written by the top module of each tree.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractReportingMojo {

    /**
     * Turns off {@code firmware:report}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.REPORT_SKIP, defaultValue = "false")
    private boolean skipReport;

    @Inject
    public ReportMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
    }

    @Override
    protected Optional<String> goalSkipProperty() {
        return skipReport ? Optional.of(FirmwareProperties.REPORT_SKIP) : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (leavesItToTheTop("the memory report of the tree is written there", true)) {
            return;
        }
        // The same build as firmware:build (signed, lock checked), so the outputs it brings up to date are the same.
        BuildResult result = runCore(request -> configuredBuild(request).run(request));
        if (result.buildInfo().isEmpty()) {
            getLog().info(project.getArtifactId() + " built only its own image; the memory report of its tree is"
                    + " written by " + placement().top().getArtifactId());
            return;
        }
        Path directory = result.buildInfo().get().getParent();
        getLog().info("Memory report: " + directory.resolve(MemoryReports.HTML_FILE) + " (JSON: "
                + MemoryReports.JSON_FILE + ")");
    }
}
