package io.multiimage.maven.discover;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.pipeline.BuildOptions;
import io.multiimage.core.pipeline.BuildRequest;
import io.multiimage.core.pipeline.BuildScope;
import io.multiimage.core.spi.BuildLog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;

/**
 * Builds the core's {@link BuildRequest} for a firmware module: finds the top of the module's
 * image tree among all reactor projects (whatever {@code -pl} selects), reads every image of that
 * tree from the modules' configuration (a child module outside the reactor, as with
 * {@code -f app/pom.xml}, is read from its pom.xml), says which images the module owns and where
 * each image's outputs go, and collects the seed-style variables from the user properties.
 */
public final class TreeRequestFactory {

    /** How a module's settings are read: Maven binds its configuration (see {@link ModuleConfigurator}). */
    @FunctionalInterface
    public interface ModuleSettings {
        /** The settings of {@code module}. */
        ImageSettings of(MavenProject module) throws InvalidConfigurationException;
    }

    /** Forwarded variables are plain identifiers ({@code mcuboot_CONF_FILE}); dotted names are Maven's. */
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The command-line property that sets the top image's board, as {@code -DBOARD} does. */
    public static final String BOARD_PROPERTY = "firmware.board";

    private final MavenSession session;
    private final ProjectBuilder projectBuilder;
    private final ModuleSettings settings;
    private final BuildLog log;

    public TreeRequestFactory(
            MavenSession session, ProjectBuilder projectBuilder, ModuleSettings settings, BuildLog log) {
        this.session = session;
        this.projectBuilder = projectBuilder;
        this.settings = settings;
        this.log = log;
    }

    /**
     * A module's request and what is needed to report a failure on the right module.
     *
     * @param request the core's request
     * @param owners each image's owning module directory
     */
    public record ModuleRequest(BuildRequest request, Map<String, Path> owners) {}

    /**
     * The request that builds {@code current}: its whole tree when it is a top, else the images it
     * owns inside the tree of its topmost parent.
     */
    public ModuleRequest create(
            MavenProject current, ImageSettings currentSettings, Optional<String> buildType, BuildOptions options)
            throws InvalidConfigurationException {
        ReactorImageTree reactor = ReactorImageTree.of(session.getAllProjects());
        ReactorImageTree.Placement placement = reactor.placementOf(current);
        MavenProject top = placement.top();
        ImageSettings topSettings = top == current ? currentSettings : settings.of(top);
        ImageTreeReader.Tree tree = new ImageTreeReader(
                        (directory, declaredBy) -> settingsOf(current, currentSettings, directory, declaredBy),
                        buildType)
                .read(topSettings, commandLineBoard(topSettings));
        for (Path owner : Set.copyOf(tree.owners().values())) {
            Optional<MavenProject> module = reactorProject(owner);
            if (module.isPresent()) {
                reactor.requireSingleParent(module.get());
            }
        }
        Path outputDirectory = outputDirectory(top);
        BuildRequest.Builder request = BuildRequest.builder(
                        new ProjectLayout(commonRoot(tree.declarations())),
                        tree.rootName(),
                        tree.declarations(),
                        outputDirectory)
                .sources(tree.sources())
                .variables(variables())
                .properties(properties(top, topSettings))
                .options(options);
        tree.buildDirectories().forEach((image, dir) -> {
            if (!dir.equals(outputDirectory.resolve(image))) {
                request.imageDirectory(image, dir);
            }
        });
        if (!placement.isTop()) {
            String ownImage =
                    placement.pathFromTop().get(placement.pathFromTop().size() - 1);
            request.scope(BuildScope.module(ownImage, tree.ownedBy(directoryOf(current))));
        }
        return new ModuleRequest(request.build(), tree.owners());
    }

    /** The directory the tree's outputs go to: {@code target/firmware} of the top module. */
    public static Path outputDirectory(MavenProject top) {
        return Path.of(top.getBuild().getDirectory()).resolve("firmware");
    }

    /** {@code -Dfirmware.board} wins over the POM's {@code <board>}, as a command line does; the log says so. */
    private Optional<String> commandLineBoard(ImageSettings top) {
        String given = session.getUserProperties().getProperty(BOARD_PROPERTY);
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        if (top.board().isPresent() && !top.board().get().equals(given.trim())) {
            log.info(top.imageName() + ": board " + given.trim() + " from -D" + BOARD_PROPERTY
                    + " (the POM's <board> is " + top.board().get() + ")");
        }
        return Optional.of(given.trim());
    }

    private ImageSettings settingsOf(
            MavenProject current, ImageSettings currentSettings, Path directory, String declaredBy)
            throws InvalidConfigurationException {
        Path normalized = directory.toAbsolutePath().normalize();
        if (directoryOf(current).equals(normalized)) {
            return currentSettings;
        }
        Optional<MavenProject> inReactor = reactorProject(normalized);
        if (inReactor.isPresent()) {
            return settings.of(inReactor.get());
        }
        Path pom = normalized.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            throw new InvalidConfigurationException(declaredBy + ": <module> " + directory
                    + " has no pom.xml; use <sourceDirectory> for an application directory without a POM");
        }
        try {
            ProjectBuildingRequest request = session.getProjectBuildingRequest();
            return settings.of(projectBuilder.build(pom.toFile(), request).getProject());
        } catch (ProjectBuildingException e) {
            throw new InvalidConfigurationException(
                    "Cannot read the child image module " + pom + ": " + e.getMessage(), e);
        }
    }

    private Optional<MavenProject> reactorProject(Path directory) {
        return session.getAllProjects().stream()
                .filter(p -> directoryOf(p).equals(directory))
                .findFirst();
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

    /** The command line's properties, then the top module's: for strategies and conditions, each with its origin. */
    private BuildProperties properties(MavenProject top, ImageSettings topSettings) {
        Map<String, String> user = new TreeMap<>();
        Properties given = session.getUserProperties();
        given.stringPropertyNames().forEach(n -> user.put(n, given.getProperty(n)));
        Map<String, String> project = new TreeMap<>();
        top.getProperties()
                .stringPropertyNames()
                .forEach(n -> project.put(n, top.getProperties().getProperty(n)));
        return new BuildProperties(user, project, topSettings.pomFile());
    }

    /** How messages name a module's POM: relative to the reactor's root directory, e.g. {@code app/pom.xml}. */
    public static String pomLabel(MavenSession session, MavenProject project) {
        File file = project.getFile() != null ? project.getFile() : new File(project.getBasedir(), "pom.xml");
        Path pom = file.toPath().toAbsolutePath().normalize();
        String root = session.getExecutionRootDirectory();
        if (root != null) {
            Path base = Path.of(root).toAbsolutePath().normalize();
            if (pom.startsWith(base) && !pom.equals(base)) {
                return base.relativize(pom).toString().replace('\\', '/');
            }
        }
        return pom.toString();
    }

    private static Path directoryOf(MavenProject project) {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    /**
     * The directory paths in messages are shown relative to: the deepest directory holding every
     * image directory, and above it when it is itself an image's directory, so that messages
     * always name the image's directory ({@code app/prj.conf}, not {@code prj.conf}).
     */
    private static Path commonRoot(List<ImageDeclaration> declarations) {
        List<Path> dirs = declarations.stream()
                .map(d -> d.applicationDir().toAbsolutePath().normalize())
                .toList();
        Path root = dirs.get(0);
        for (Path dir : dirs) {
            while (!dir.startsWith(root)) {
                root = root.getParent();
            }
        }
        return dirs.contains(root) && root.getParent() != null ? root.getParent() : root;
    }
}
