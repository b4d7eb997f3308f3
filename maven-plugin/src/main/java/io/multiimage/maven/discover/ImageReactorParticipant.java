package io.multiimage.maven.discover;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;

/**
 * Orders the reactor so that every child image module builds before the image that declares
 * it. A parent names its children by directory ({@code <childImage><module>}), which Maven
 * does not see as a dependency; this participant adds one, so with {@code -T} the children
 * build concurrently and the parent, which merges them, comes last.
 *
 * <p>The added dependency has type {@code pom} and scope {@code provided}: it only orders the
 * reactor. It is never written to an installed or deployed POM, which Maven copies from the
 * project file.
 */
public class ImageReactorParticipant extends AbstractMavenLifecycleParticipant {

    @Override
    public void afterProjectsRead(MavenSession session) {
        List<MavenProject> projects = session.getProjects();
        Map<Path, MavenProject> byDirectory = new HashMap<>();
        for (MavenProject project : projects) {
            byDirectory.put(normalized(project.getBasedir().toPath()), project);
        }
        for (MavenProject parent : projects) {
            if (!PluginConfiguration.isDeclaredIn(parent)) {
                continue;
            }
            for (PluginConfiguration child : PluginConfiguration.of(parent).childImages()) {
                Optional<String> module = child.value("module");
                if (module.isEmpty()) {
                    continue;
                }
                MavenProject childProject =
                        byDirectory.get(normalized(parent.getBasedir().toPath().resolve(module.get())));
                if (childProject != null && childProject != parent && !dependsOn(parent, childProject)) {
                    parent.getModel().addDependency(orderingDependency(childProject));
                }
            }
        }
    }

    private static Dependency orderingDependency(MavenProject child) {
        Dependency dependency = new Dependency();
        dependency.setGroupId(child.getGroupId());
        dependency.setArtifactId(child.getArtifactId());
        dependency.setVersion(child.getVersion());
        dependency.setType("pom");
        dependency.setScope("provided");
        return dependency;
    }

    private static boolean dependsOn(MavenProject parent, MavenProject child) {
        return parent.getModel().getDependencies().stream()
                .anyMatch(d -> d.getGroupId().equals(child.getGroupId())
                        && d.getArtifactId().equals(child.getArtifactId()));
    }

    private static Path normalized(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
