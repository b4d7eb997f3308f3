package io.multiimage.maven.discover;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.pipeline.BuildOptions;
import io.multiimage.core.pipeline.BuildRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;

/**
 * Builds the core's {@link BuildRequest} for a firmware module: finds the top of the module's
 * image tree in the reactor, reads every image of that tree from the modules' POMs (a child
 * module outside the reactor, as with {@code -pl app}, is read from its pom.xml) and collects
 * the seed-style variables from the user properties.
 */
public final class TreeRequestFactory {

    /** Forwarded variables are plain identifiers ({@code mcuboot_CONF_FILE}); dotted names are Maven's. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final MavenSession session;
    private final ProjectBuilder projectBuilder;

    public TreeRequestFactory(MavenSession session, ProjectBuilder projectBuilder) {
        this.session = session;
        this.projectBuilder = projectBuilder;
    }

    /**
     * The request that builds {@code current}: its whole tree when it is a top, else only its
     * image inside the tree of its topmost reactor parent.
     */
    public BuildRequest create(MavenProject current, ImageSettings currentSettings, Optional<String> buildType,
            BuildOptions options) throws InvalidConfigurationException {
        ReactorImageTree.Placement placement = ReactorImageTree.of(session.getProjects()).placementOf(current);
        MavenProject top = placement.top();
        ImageSettings topSettings = top == current ? currentSettings : fromPom(top);
        ImageTreeReader.Tree tree = new ImageTreeReader(
                (directory, declaredBy) -> settingsOf(current, currentSettings, directory, declaredBy),
                buildType).read(topSettings);
        Optional<String> onlyImage = placement.isTop()
                ? Optional.empty()
                : Optional.of(placement.pathFromTop().get(placement.pathFromTop().size() - 1));
        return new BuildRequest(new ProjectLayout(commonRoot(tree.declarations())), tree.rootName(),
                tree.declarations(), tree.sources(), variables(), properties(top), outputDirectory(top), onlyImage,
                options);
    }

    /** The directory the tree's outputs go to: {@code target/firmware} of the top module. */
    public static Path outputDirectory(MavenProject top) {
        return Path.of(top.getBuild().getDirectory()).resolve("firmware");
    }

    private ImageSettings settingsOf(MavenProject current, ImageSettings currentSettings, Path directory,
            String declaredBy) throws InvalidConfigurationException {
        Path normalized = directory.toAbsolutePath().normalize();
        if (current.getBasedir().toPath().toAbsolutePath().normalize().equals(normalized)) {
            return currentSettings;
        }
        for (MavenProject project : session.getProjects()) {
            if (project.getBasedir().toPath().toAbsolutePath().normalize().equals(normalized)) {
                return fromPom(project);
            }
        }
        Path pom = normalized.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            throw new InvalidConfigurationException(declaredBy + ": <module> " + directory
                    + " has no pom.xml; use <sourceDirectory> for an application directory without a POM");
        }
        try {
            ProjectBuildingRequest request = session.getProjectBuildingRequest();
            return fromPom(projectBuilder.build(pom.toFile(), request).getProject());
        } catch (ProjectBuildingException e) {
            throw new InvalidConfigurationException("Cannot read the child image module " + pom + ": " + e.getMessage(), e);
        }
    }

    private static ImageSettings fromPom(MavenProject project) {
        return ImageSettings.fromPom(project.getBasedir().toPath(), project.getArtifactId(),
                PluginConfiguration.of(project));
    }

    /** Seed-style variables ({@code CONFIG_X}, {@code mcuboot_CONF_FILE}, ...) from the user properties. */
    private Map<String, String> variables() {
        Map<String, String> variables = new TreeMap<>();
        Properties user = session.getUserProperties();
        for (String name : user.stringPropertyNames()) {
            if (VARIABLE.matcher(name).matches()) {
                variables.put(name, user.getProperty(name));
            }
        }
        return variables;
    }

    /** Project properties of the top module, overridden by user properties: for strategies and conditions. */
    private Map<String, String> properties(MavenProject top) {
        Map<String, String> properties = new TreeMap<>();
        top.getProperties().stringPropertyNames().forEach(n -> properties.put(n, top.getProperties().getProperty(n)));
        Properties user = session.getUserProperties();
        user.stringPropertyNames().forEach(n -> properties.put(n, user.getProperty(n)));
        return properties;
    }

    /**
     * The directory paths in messages are shown relative to: the deepest directory holding every
     * image directory, and above it when it is itself an image's directory, so that messages
     * always name the image's directory ({@code app/prj.conf}, not {@code prj.conf}).
     */
    private static Path commonRoot(List<ImageDeclaration> declarations) {
        List<Path> dirs = declarations.stream().map(d -> d.applicationDir().toAbsolutePath().normalize()).toList();
        Path root = dirs.get(0);
        for (Path dir : dirs) {
            while (!dir.startsWith(root)) {
                root = root.getParent();
            }
        }
        return dirs.contains(root) && root.getParent() != null ? root.getParent() : root;
    }
}
