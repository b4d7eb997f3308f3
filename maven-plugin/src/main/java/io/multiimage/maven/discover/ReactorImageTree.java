package io.multiimage.maven.discover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.project.MavenProject;

/**
 * Where a firmware module stands in the reactor's image trees. A module that another reactor
 * module declares as {@code <childImage><module>} is built as that child, inside the tree of
 * its topmost parent, into the top parent's {@code target/firmware/<image>/}; a module that no
 * reactor module declares is the top of its own tree (so {@code -pl mcuboot} alone builds
 * mcuboot as a standalone image).
 */
public final class ReactorImageTree {

    /** A declaration edge: {@code parent} declares {@code child} under {@code imageName}. */
    public record Edge(MavenProject parent, String imageName) {}

    private final Map<Path, Edge> parentOf;

    private ReactorImageTree(Map<Path, Edge> parentOf) {
        this.parentOf = parentOf;
    }

    /** Reads the child declarations of every reactor project. */
    public static ReactorImageTree of(List<MavenProject> reactor) {
        Map<Path, MavenProject> byDirectory = new HashMap<>();
        for (MavenProject project : reactor) {
            byDirectory.put(directoryOf(project), project);
        }
        Map<Path, Edge> parentOf = new HashMap<>();
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
                }
            }
        }
        return new ReactorImageTree(parentOf);
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
