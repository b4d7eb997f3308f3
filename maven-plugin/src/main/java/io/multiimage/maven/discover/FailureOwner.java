package io.multiimage.maven.discover;

import io.multiimage.core.FirmwareException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.project.MavenProject;

/**
 * Which module a failure belongs to: the module whose file is wrong, else the module that owns
 * the image whose input is wrong. Every firmware module configures its whole image tree, so the
 * first module to run finds every mistake in the tree; the mistake is reported on its owner.
 */
public final class FailureOwner {

    private final Path layoutRoot;
    private final Map<String, Path> imageOwners;
    private final Collection<MavenProject> projects;

    /**
     * @param layoutRoot what relative file names in messages are relative to
     * @param imageOwners each image's owning module directory (may be empty)
     * @param projects every project of the reactor
     */
    public FailureOwner(Path layoutRoot, Map<String, Path> imageOwners, Collection<MavenProject> projects) {
        this.layoutRoot = layoutRoot;
        this.imageOwners = imageOwners;
        this.projects = projects;
    }

    /** The project the failure belongs to, when one of the reactor's projects can be named. */
    public Optional<MavenProject> of(FirmwareException failure) {
        Optional<MavenProject> byFile = failure.culpritFile()
                .flatMap(file ->
                        containing(layoutRoot.resolve(file).toAbsolutePath().normalize()));
        if (byFile.isPresent()) {
            return byFile;
        }
        return failure.culpritImage().map(imageOwners::get).flatMap(this::containing);
    }

    /** The project with the deepest directory holding {@code file}. */
    private Optional<MavenProject> containing(Path file) {
        MavenProject best = null;
        for (MavenProject project : projects) {
            Path dir = project.getBasedir().toPath().toAbsolutePath().normalize();
            if (file.startsWith(dir)
                    && (best == null
                            || dir.getNameCount()
                                    > best.getBasedir()
                                            .toPath()
                                            .toAbsolutePath()
                                            .normalize()
                                            .getNameCount())) {
                best = project;
            }
        }
        return Optional.ofNullable(best);
    }
}
