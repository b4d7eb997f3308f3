package io.multiimage.maven;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.pipeline.BuildRequest;
import io.multiimage.core.pipeline.FirmwareBuild;
import io.multiimage.core.report.ReportSettings;
import io.multiimage.maven.discover.TreeRequestFactory;
import io.multiimage.maven.resolve.HexArtifactNotFoundException;
import io.multiimage.maven.resolve.RepositoryHexResolver;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.artifact.DefaultArtifact;

/**
 * A goal that builds the tree and writes its memory report ({@code memory-report.json},
 * {@code memory-report.html}) beside {@code build-info.json}: the report's baseline and budgets.
 */
public abstract class AbstractReportingMojo extends AbstractFirmwareMojo {

    /** The classifier under which a build's {@code build-info.json} is attached, and a baseline is resolved. */
    static final String BUILD_INFO_CLASSIFIER = "build-info";

    /**
     * The memory report's baseline and budgets: {@code <baseline>} (coordinates
     * {@code groupId:artifactId:version} of a released build, whose attached {@code build-info.json}
     * is resolved through the repositories, or a path to a {@code build-info.json}, relative to this
     * module) and {@code <budgets><budget>} elements with {@code <image>}, {@code <flash>} and
     * {@code <ram>} (a percentage of the image's partition such as {@code 90%}, or bytes such as
     * {@code 48K}). An image over a budget fails the build after its outputs and the report are written.
     * Read in the top module of a tree.
     *
     * @since 0.1.0
     */
    @Parameter
    private ReportConfig report;

    /**
     * The memory report's baseline, instead of {@code <report><baseline>}: coordinates or a path to
     * a {@code build-info.json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.REPORT_BASELINE)
    private String reportBaseline;

    protected AbstractReportingMojo(MavenComponents components) {
        super(components);
    }

    /**
     * The report settings of this module; a baseline given by coordinates is resolved here.
     *
     * @throws FirmwareException for a bad budget, or a baseline that cannot be resolved
     */
    protected ReportSettings reportSettings() throws FirmwareException {
        if (reportBaseline != null && !reportBaseline.isBlank() && report != null && report.getBaseline() != null) {
            getLog().debug("Memory report baseline " + reportBaseline + " from -D" + FirmwareProperties.REPORT_BASELINE
                    + " wins over <report><baseline> " + report.getBaseline());
        }
        RepositoryHexResolver resolver = new RepositoryHexResolver(
                components().repositorySystem(),
                session.getRepositorySession(),
                project.getRemoteProjectRepositories());
        return ReportParameters.of(
                report,
                reportBaseline,
                project.getBasedir().toPath(),
                TreeRequestFactory.pomLabel(session, project),
                (groupId, artifactId, version) -> {
                    try {
                        return resolver.resolve(
                                new DefaultArtifact(groupId, artifactId, BUILD_INFO_CLASSIFIER, "json", version),
                                "the memory report's baseline build-info.json");
                    } catch (HexArtifactNotFoundException e) {
                        throw new InvalidConfigurationException(e.getMessage(), e);
                    }
                });
    }

    /**
     * The whole build as {@code firmware:build} runs it (signing, merge formats, layout lock, memory
     * report): goals that bring the outputs up to date run exactly this, so they never disagree.
     */
    protected FirmwareBuild configuredBuild(BuildRequest request) throws FirmwareException {
        return firmwareBuild(request)
                .signing(signingConfig())
                .mergeFormats(mergeFormats())
                .layoutLock(layoutLockFile(), acceptedLayoutChange())
                .report(reportSettings());
    }
}
