package io.multiimage.maven.discover;

import java.util.List;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;

/**
 * Orders the reactor so that every child image module builds before the image that declares
 * it. A parent names its children by directory ({@code <childImage><module>}), which Maven
 * does not see as a dependency; this participant adds one, so with {@code -T} independent
 * children build concurrently and the parent, which merges them, comes after them.
 *
 * <p>The added dependency has type {@code pom} and scope {@code provided}: it only orders the
 * reactor, and is never written to an installed or deployed POM (Maven copies the project
 * file).
 */
public class ImageReactorParticipant extends AbstractMavenLifecycleParticipant {

    @Override
    public void afterProjectsRead(MavenSession session) {
        List<MavenProject> projects = session.getProjects();
        ReactorImageTree tree = ReactorImageTree.of(projects);
        for (MavenProject child : projects) {
            tree.parentOf(child).ifPresent(edge -> {
                MavenProject parent = edge.parent();
                if (!dependsOn(parent, child)) {
                    parent.getModel().addDependency(orderingDependency(child));
                }
            });
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
}
