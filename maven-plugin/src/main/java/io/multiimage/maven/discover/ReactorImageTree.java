package io.multiimage.maven.discover;

import io.multiimage.core.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.project.MavenProject;

/**
 * Where a firmware module stands in the reactor's image trees, read from every project of the
 * reactor whatever {@code -pl} selects. A module that another module declares as
 * {@code <childImage><module>} is that child, placed by the layout of the tree of its topmost
 * parent; a module that no module declares is the top of its own tree. A module declared by two
 * parents belongs to no single tree: it owns one image and publishes one HEX, so that is an
 * error (a parent that wants a copy of its own names the directory with
 * {@code <sourceDirectory>}, and builds that copy itself).
 */
public final class ReactorImageTree {

    /** A declaration edge: {@code parent} declares {@code child} under {@code imageName}. */
    public record Edge(MavenProject parent, String imageName) {}

    private final Map<Path, Edge> parentOf;
    private final Map<Path, List<Edge>> claims;

    private ReactorImageTree(Map<Path, Edge> parentOf, Map<Path, List<Edge>> claims) {
        this.parentOf = parentOf;
        this.claims = claims;
    }

    /** Reads the child declarations of every reactor project. */
    public static ReactorImageTree of(List<MavenProject> reactor) {
        Map<Path, MavenProject> byDirectory = new HashMap<>();
        for (MavenProject project : reactor) {
            byDirectory.put(directoryOf(project), project);
        }
        Map<Path, Edge> parentOf = new HashMap<>();
        Map<Path, List<Edge>> claims = new HashMap<>();
        for (MavenProject parent : reactor) {
            if (!PluginConfiguration.isDeclaredIn(parent)) {
                continue;
            }
            for (PluginConfiguration child : PluginConfiguration.of(parent).childImages()) {
                Optional<String> module = child.value("module");
                Optional<String> name = child.value("name");
                if (module.isEmpty() || name.isEmpty()) {
                    continue;
                }
                Path childDir = directoryOf(parent).resolve(module.get()).normalize();
                if (byDirectory.containsKey(childDir) && !childDir.equals(directoryOf(parent))) {
                    parentOf.putIfAbsent(childDir, new Edge(parent, name.get()));
                    claims.computeIfAbsent(childDir, d -> new ArrayList<>()).add(new Edge(parent, name.get()));
                }
            }
        }
        return new ReactorImageTree(parentOf, claims);
    }

    /**
     * Fails when a module on the way from {@code project} to the top of its tree is declared as
     * a child by more than one parent, naming both declarations and what to do instead.
     */
    public void requireSingleParent(MavenProject project) throws InvalidConfigurationException {
        Path dir = directoryOf(project);
        List<Edge> edges = claims.getOrDefault(dir, List.of());
        if (edges.size() > 1) {
            List<String> who = new ArrayList<>();
            for (Edge edge : edges) {
                who.add(edge.parent().getArtifactId() + " (<childImage> '" + edge.imageName() + "' in "
                        + edge.parent().getFile() + ")");
            }
            throw new InvalidConfigurationException("Firmware module " + project.getArtifactId()
                    + " is declared as a child image by " + String.join(" and ", who)
                    + ". A module owns one image: it builds it once, placed by one tree's layout, and publishes"
                    + " those bytes. Keep one declaration with <module>; a parent that needs its own copy (as NCS"
                    + " builds one per parent) declares it with <sourceDirectory>" + "../" + dir.getFileName()
                    + "</sourceDirectory> instead and builds that copy itself");
        }
    }

    /** The reactor module that declares {@code project} as a child image, if any. */
    public Optional<Edge> parentOf(MavenProject project) {
        return Optional.ofNullable(parentOf.get(directoryOf(project)));
    }

    /**
     * The chain of image names from the top of {@code project}'s tree down to it, top first
     * (empty when the project is itself a top), and the top project. A declaration cycle ends
     * the walk; the core reports the cycle when it builds the tree.
     */
    public Placement placementOf(MavenProject project) {
        List<String> names = new ArrayList<>();
        MavenProject top = project;
        List<Path> seen = new ArrayList<>();
        for (Optional<Edge> edge = parentOf(top); edge.isPresent(); edge = parentOf(top)) {
            if (seen.contains(directoryOf(top))) {
                break;
            }
            seen.add(directoryOf(top));
            names.add(edge.get().imageName());
            top = edge.get().parent();
        }
        Collections.reverse(names);
        return new Placement(top, List.copyOf(names));
    }

    /** The top project of a module's tree and the path of image names from it to the module. */
    public record Placement(MavenProject top, List<String> pathFromTop) {

        /** Whether the module is the top of its tree. */
        public boolean isTop() {
            return pathFromTop.isEmpty();
        }
    }

    private static Path directoryOf(MavenProject project) {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }
}
