package io.multiimage.maven.discover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.model.BuildBase;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Profile;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads this plugin's configuration from a project's effective POM. Used where Maven does not
 * inject it for us: for child image modules, whose settings the parent's build needs.
 */
public final class PluginConfiguration {

    /** groupId:artifactId of this plugin. */
    public static final String PLUGIN_KEY = "io.multiimage:firmware-maven-plugin";

    private final Xpp3Dom root;

    private PluginConfiguration(Xpp3Dom root) {
        this.root = root;
    }

    /** The plugin-level configuration of {@code project}; empty if the plugin is not declared. */
    public static PluginConfiguration of(MavenProject project) {
        Plugin plugin = project.getBuild() == null
                ? null
                : project.getBuild().getPluginsAsMap().get(PLUGIN_KEY);
        Object configuration = plugin == null ? null : plugin.getConfiguration();
        return new PluginConfiguration(configuration instanceof Xpp3Dom dom ? dom : new Xpp3Dom("configuration"));
    }

    /**
     * Whether {@code project}'s own pom.xml (not a parent POM) configures the element
     * {@code name}: in its build plugins, its plugin management, or an active profile of its own.
     */
    public static boolean configuredInOwnPom(MavenProject project, String name) {
        Model own = project.getOriginalModel();
        if (own == null) {
            return false;
        }
        List<BuildBase> builds = new ArrayList<>();
        builds.add(own.getBuild());
        Set<String> active = new HashSet<>();
        project.getActiveProfiles().forEach(profile -> active.add(profile.getId()));
        for (Profile profile : own.getProfiles()) {
            if (active.contains(profile.getId())) {
                builds.add(profile.getBuild());
            }
        }
        for (BuildBase build : builds) {
            if (build == null) {
                continue;
            }
            List<Plugin> plugins = new ArrayList<>(build.getPlugins());
            if (build.getPluginManagement() != null) {
                plugins.addAll(build.getPluginManagement().getPlugins());
            }
            for (Plugin plugin : plugins) {
                if (PLUGIN_KEY.equals(plugin.getKey())
                        && plugin.getConfiguration() instanceof Xpp3Dom dom
                        && dom.getChild(name) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The configuration itself, as Maven read it. */
    public Xpp3Dom dom() {
        return root;
    }

    /** Whether {@code project} declares this plugin at all. */
    public static boolean isDeclaredIn(MavenProject project) {
        return project.getBuild() != null
                && project.getBuild().getPluginsAsMap().containsKey(PLUGIN_KEY);
    }

    /** Trimmed text of the direct child element {@code name}, if present and not blank. */
    public Optional<String> value(String name) {
        return text(root.getChild(name));
    }

    /** The {@code <childImages><childImage>} elements, each as its own configuration view. */
    public List<PluginConfiguration> childImages() {
        List<PluginConfiguration> children = new ArrayList<>();
        Xpp3Dom list = root.getChild("childImages");
        if (list != null) {
            for (Xpp3Dom child : list.getChildren("childImage")) {
                children.add(new PluginConfiguration(child));
            }
        }
        return children;
    }

    /**
     * Every {@code <childImage>} sub-element that is present but empty, as
     * {@code <childImage> 'name': <sha256>}: an empty pin or path (an unset CI variable) must not
     * silently mean "not given".
     */
    public List<String> emptyChildImageElements() {
        List<String> empty = new ArrayList<>();
        for (PluginConfiguration child : childImages()) {
            for (Xpp3Dom element : child.root.getChildren()) {
                if (element.getChildCount() == 0
                        && (element.getValue() == null || element.getValue().isBlank())) {
                    empty.add("<childImage> '" + child.value("name").orElse("?") + "': <" + element.getName() + ">");
                }
            }
        }
        return empty;
    }

    /** The direct child element {@code name} as a configuration view, if present. */
    public Optional<PluginConfiguration> child(String name) {
        Xpp3Dom element = root.getChild(name);
        return element == null ? Optional.empty() : Optional.of(new PluginConfiguration(element));
    }

    /** Texts of the repeated element {@code item} inside the element {@code name}. */
    public List<String> values(String name, String item) {
        List<String> values = new ArrayList<>();
        Xpp3Dom list = root.getChild(name);
        if (list != null) {
            for (Xpp3Dom element : list.getChildren(item)) {
                text(element).ifPresent(values::add);
            }
        }
        return values;
    }

    private static Optional<String> text(Xpp3Dom element) {
        if (element == null || element.getValue() == null || element.getValue().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(element.getValue().trim());
    }
}
