package io.multiimage.maven;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.pipeline.BuildOptions;
import io.multiimage.core.pipeline.BuildRequest;
import io.multiimage.core.pipeline.BuildSession;
import io.multiimage.core.pipeline.FirmwareBuild;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.maven.discover.FailureOwner;
import io.multiimage.maven.discover.ImageSettings;
import io.multiimage.maven.discover.ModuleConfigurator;
import io.multiimage.maven.discover.PluginConfiguration;
import io.multiimage.maven.discover.ReactorImageTree;
import io.multiimage.maven.discover.TreeRequestFactory;
import io.multiimage.maven.resolve.HexArtifactNotFoundException;
import io.multiimage.maven.resolve.RepositoryHexResolver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.SessionData;

/**
 * What every goal shares: the module's image settings, the build-wide settings, and the
 * skip switches. A goal runs only in modules with packaging {@code firmware}.
 */
public abstract class AbstractFirmwareMojo extends AbstractMojo {

    /** The firmware module. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The Maven session: the reactor, user properties, repositories. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** This goal's execution: its defaults are how other modules' configuration is read too. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /**
     * Turns off every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.SKIP, defaultValue = "false")
    private boolean skip;

    /**
     * Board target of this image, e.g. {@code qemu_cortex_m3} or {@code nrf5340dk/nrf5340/cpuapp};
     * a revision goes after the board name ({@code nrf9160dk@1.0.0/nrf9160}). Required for the top
     * image of a tree; a child image defaults to its parent's board.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.BOARD)
    private String board;

    /**
     * Board revision, e.g. {@code 1.0.0}; default: the board's default revision.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.BOARD_REVISION)
    private String boardRevision;

    /**
     * Domain (CPU core) of this image, e.g. {@code CPUNET}; default: the parent's, else the board's.
     *
     * @since 0.1.0
     */
    @Parameter
    private String domain;

    /**
     * Name of this image when it is the top of a tree; its build directory is
     * {@code target/firmware/<imageName>/}. Children are named by their parent's
     * {@code <childImage><name>}.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.artifactId}")
    private String imageName;

    /**
     * Toolchain driver for building this image from source: {@code gnu-arm} (default), {@code cmake}
     * or {@code exec}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.TOOLCHAIN)
    private String toolchain;

    /**
     * Sources of this image: C and assembly files for {@code gnu-arm}, the CMake project for
     * {@code cmake}.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.basedir}/src/main/c")
    private File sourceDirectory;

    /**
     * Extra arguments for the toolchain driver: compiler options ({@code gnu-arm}), CMake options
     * ({@code cmake}), command arguments ({@code exec}).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> toolchainArguments;

    /**
     * Settings of the {@code cmake} driver: {@code <generator>}, {@code <hexFile>} (default
     * {@code zephyr/zephyr.hex}), {@code <elfFile>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private CMakeConfig cmake;

    /**
     * Settings of the {@code exec} driver: {@code <command><arg>..</arg></command>},
     * {@code <workingDirectory>}, {@code <hexFile>}, {@code <elfFile>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private ExecConfig exec;

    /**
     * The child images of this image: {@code <childImage>} elements with {@code <name>},
     * {@code <module>} or {@code <sourceDirectory>}, {@code <board>}, {@code <domain>},
     * {@code <buildStrategy>} ({@code from-source}, {@code use-hex}, {@code skip}),
     * {@code <hexFile>} or {@code <hexArtifact>} ({@code groupId:artifactId:version[:classifier]}),
     * {@code <sha256>} and {@code <condition>} (a Kconfig symbol {@code CONFIG_X} of this image, or
     * a property name).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<ChildImage> childImages;

    /**
     * Build type, e.g. {@code release}: selects {@code prj_release.conf} and the
     * {@code child_image/<img>_release.conf} fragments; usually set by a profile. Reaches every
     * image of the tree.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.BUILD_TYPE)
    protected String buildType;

    /**
     * Directory holding {@code arm-none-eabi-gcc} (or its parent with {@code bin/}); default: PATH.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.TOOLCHAIN_PATH)
    protected File toolchainPath;

    /**
     * Print every command line. {@code VERBOSE=1} in the environment does the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.VERBOSE, defaultValue = "false")
    protected boolean verbose;

    /**
     * Maximum number of concurrent jobs (images and compile units); default: the
     * {@code CMAKE_BUILD_PARALLEL_LEVEL} environment variable, else the number of processors.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.PARALLEL)
    protected Integer parallel;

    /**
     * Log, for every image and step, why it ran or why it was up to date (the seed's
     * {@code MULTI_IMAGE_DEBUG_MAKEFILE=explain}).
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.EXPLAIN, defaultValue = "false")
    protected boolean explain;

    /**
     * The top Kconfig file of this module's image, relative to the module's directory; default:
     * the {@code Kconfig} file in the module's directory if there is one. An image with a Kconfig
     * root is configured by the Kconfig engine (defaults, dependencies, selects, choices; Kconfiglib's
     * {@code .config} and {@code autoconf.h}); one without keeps the fragment-only merge. The
     * variable {@code KCONFIG_ROOT} ({@code -DKCONFIG_ROOT=...}, {@code -D<img>_KCONFIG_ROOT=...})
     * wins over this parameter.
     *
     * @since 0.1.0
     */
    @Parameter
    private File kconfigRoot;

    /**
     * Makes every Kconfig warning (an assignment to an undefined symbol, a value that did not take,
     * a symbol set twice in one file, a problem in the Kconfig files) an error naming its file and
     * line. Default: warnings are logged and the build goes on.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.KCONFIG_STRICT, defaultValue = "false")
    protected boolean kconfigStrict;

    /**
     * How the images the layout puts in an MCUboot-format slot are signed: {@code <keyFile>},
     * {@code <developmentKey>}, {@code <passphraseServer>} (a settings.xml server id) or
     * {@code <passphraseEnv>} (an environment variable), {@code <publicKeyFile>}, {@code <version>}
     * (default: the POM version), {@code <signLater>}, {@code <signatureDirectory>}, {@code <align>}.
     * Properties {@code firmware.signing.keyFile}, {@code .developmentKey}, {@code .passphraseServer},
     * {@code .passphraseEnv}, {@code .publicKeyFile}, {@code .version}, {@code .signLater} and
     * {@code .signatureDirectory} override the elements. Without a key the images carry their hash
     * only, and a {@code release} build fails.
     *
     * @since 0.1.0
     */
    @Parameter
    private Signing signing;

    private org.apache.maven.settings.crypto.SettingsDecrypter settingsDecrypter;

    /**
     * Accepts a layout that differs from the committed {@code layout.lock} (a moved or resized
     * immutable partition, a changed slot, another signing key); the value is the reason, written to
     * the build log and {@code build-info.json}. Without it such a build fails with a before/after table.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.LAYOUT_ACCEPT)
    private String acceptLayoutChange;

    /**
     * Formats the merged files ({@code merged.hex}, {@code merged_<DOMAIN>.hex},
     * {@code merged_domains.hex}) are also written in, besides Intel HEX, which is always written:
     * {@code bin}, {@code srec}, {@code uf2} ({@code hex} may be listed too). Each is attached with the
     * HEX's classifier and the format as its type. Property {@code firmware.merge.formats}, comma-separated.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.MERGE_FORMATS)
    private List<String> mergeFormats;

    /**
     * The byte a merged binary holds where no image has data; default {@code 0xff}, erased flash.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.MERGE_BIN_FILL)
    private String binFill;

    /**
     * The family id written into every block of a merged UF2 file (such as {@code 0xADA52840} for the
     * nRF52840), which UF2 bootloaders check; default none: the blocks carry no family id.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.MERGE_UF2_FAMILY_ID)
    private String uf2FamilyId;

    /** Where this module's image stands in its tree: the top module, or a child image of it. */
    protected ReactorImageTree.Placement placement() {
        return ReactorImageTree.of(session.getAllProjects()).placementOf(project);
    }

    /**
     * Whether a goal that works on the whole tree leaves it to the tree's top module here, and if
     * so says so: a child image's module always does, or (with {@code onlyWhenTopIsBuilt}) only
     * when the top module is part of this Maven run, so that a child module built alone answers
     * for its own image.
     *
     * @param topDoes what the top module does, for the log line
     */
    protected boolean leavesItToTheTop(String topDoes, boolean onlyWhenTopIsBuilt) {
        ReactorImageTree.Placement placement = placement();
        if (placement.isTop() || (onlyWhenTopIsBuilt && !session.getProjects().contains(placement.top()))) {
            return false;
        }
        getLog().info(project.getArtifactId() + " is a child image of "
                + placement.top().getArtifactId() + "; " + topDoes);
        return true;
    }

    /** The parameters that describe a module's image, bound from every module of a tree alike. */
    static final Set<String> IMAGE_PARAMETERS = Set.of(
            "board",
            "boardRevision",
            "domain",
            "imageName",
            "toolchain",
            "sourceDirectory",
            "toolchainArguments",
            "cmake",
            "exec",
            "childImages",
            "kconfigRoot");

    private final MavenComponents components;

    /** Where parameter types load from when this goal's plugin realm is not set up (bound outside a goal). */
    private ClassRealm bindingRealm;

    protected AbstractFirmwareMojo(MavenComponents components) {
        this.components = components;
    }

    /** The Maven components this goal was given. */
    protected MavenComponents components() {
        return components;
    }

    /** One call into the core, given the build request of this module. */
    @FunctionalInterface
    protected interface CoreCall<T> {
        T run(BuildRequest request) throws FirmwareException, IOException, InterruptedException;
    }

    /**
     * Builds this module's request and runs {@code call}, translating the core's outcome:
     * a user mistake fails the build with the core's message and no stack trace; a tool or
     * machine problem is an execution error.
     */
    protected <T> T runCore(CoreCall<T> call) throws MojoExecutionException, MojoFailureException {
        TreeRequestFactory.ModuleRequest request = null;
        try {
            request = new TreeRequestFactory(session, components.projectBuilder(), this::settingsOf, buildLog())
                    .create(project, moduleSettings(), optional(buildType), options());
            return call.run(request.request());
        } catch (InvalidConfigurationException e) {
            Path root = request == null
                    ? project.getBasedir().toPath()
                    : request.request().layout().root();
            Optional<MavenProject> owner = new FailureOwner(
                            root, request == null ? Map.of() : request.owners(), session.getAllProjects())
                    .of(e);
            if (owner.isPresent() && owner.get() != project && runsLater(owner.get())) {
                throw new ReportedOnOwner(owner.get(), e);
            }
            FailureTranslation.rethrow(e);
        } catch (FirmwareException | IOException | InterruptedException | RuntimeException e) {
            FailureTranslation.rethrow(e);
        }
        throw new IllegalStateException("unreachable");
    }

    /** Lets this goal read a signing key's passphrase from settings.xml, decrypted by Maven. */
    protected void useSettingsDecrypter(org.apache.maven.settings.crypto.SettingsDecrypter decrypter) {
        this.settingsDecrypter = decrypter;
    }

    /** The signing configuration of this module: {@code <signing>} and the {@code firmware.signing.*} properties. */
    protected io.multiimage.core.sign.SigningConfig signingConfig() throws InvalidConfigurationException {
        return new SigningSettings(session, project, settingsDecrypter).resolve(signing);
    }

    /** The formats of the merged files: {@code <mergeFormats>}, {@code <binFill>}, {@code <uf2FamilyId>}. */
    protected io.multiimage.core.pipeline.MergeFormats mergeFormats() throws InvalidConfigurationException {
        return io.multiimage.core.pipeline.MergeFormats.parse(mergeFormats, binFill, uf2FamilyId, "<mergeFormats>");
    }

    /** The layout lock of this module's tree: {@code layout.lock} beside the top module's POM. */
    protected Path layoutLockFile() {
        return project.getBasedir().toPath().resolve(io.multiimage.core.lock.LayoutLockFile.NAME);
    }

    /** The reason a change of the locked layout is accepted, if one is given. */
    protected Optional<String> acceptedLayoutChange() {
        return optional(acceptLayoutChange);
    }

    /** The core's log over this goal's log. */
    protected BuildLog buildLog() {
        return new MavenBuildLog(getLog());
    }

    /** The core's build, sharing this Maven session's job budget and caches with the other modules. */
    protected FirmwareBuild firmwareBuild(BuildRequest request) {
        return new FirmwareBuild(buildLog(), launcher(), hexResolver(), buildSession(request));
    }

    /**
     * The build session of this Maven session, made by the first firmware goal that asks: kept in
     * the repository session's data, which lives exactly as long as the Maven session (a daemon
     * such as mvnd starts every build with a fresh one).
     */
    protected BuildSession buildSession(BuildRequest request) {
        return buildSessionOf(session, request.options().parallelism());
    }

    /** The build session of {@code session} (see {@link #buildSession}), made with {@code parallelism} jobs if new. */
    static BuildSession buildSessionOf(MavenSession session, int parallelism) {
        SessionData data = session.getRepositorySession().getData();
        // One per class loader too: a goal run from the command line and the lifecycle's goals of an
        // extension plugin live in different realms, whose BuildSession classes are not the same.
        String key = BuildSession.class.getName() + "@" + System.identityHashCode(BuildSession.class);
        Object existing = data.get(key);
        if (existing instanceof BuildSession known) {
            return known;
        }
        BuildSession fresh = new BuildSession(parallelism);
        return data.set(key, null, fresh) ? fresh : (BuildSession) data.get(key);
    }

    /** Runs tool processes for the core. */
    protected ProcessLauncher launcher() {
        return new LocalProcessLauncher();
    }

    /** Resolves prebuilt HEX artifacts through Maven's repositories. */
    protected HexArtifactResolver hexResolver() {
        return hexResolverOf(components, session, project);
    }

    /** Resolves prebuilt HEX artifacts through the repositories of {@code project}. */
    static HexArtifactResolver hexResolverOf(MavenComponents components, MavenSession session, MavenProject project) {
        RepositoryHexResolver resolver = new RepositoryHexResolver(
                components.repositorySystem(), session.getRepositorySession(), project.getRemoteProjectRepositories());
        return new HexArtifactResolver() {
            @Override
            public Path resolve(io.multiimage.core.model.HexCoordinates coordinates)
                    throws InvalidConfigurationException {
                try {
                    return resolver.resolve(
                            coordinates.groupId(),
                            coordinates.artifactId(),
                            coordinates.version(),
                            coordinates.classifier().orElse(null));
                } catch (HexArtifactNotFoundException e) {
                    throw new InvalidConfigurationException(e.getMessage(), e);
                }
            }

            @Override
            public Optional<Path> resolveLayout(io.multiimage.core.model.HexCoordinates coordinates) {
                return resolver.resolveOptional(
                        coordinates.groupId(), coordinates.artifactId(), coordinates.version(), "layout", "txt");
            }
        };
    }

    /** Verbosity, parallelism and toolchain location, from parameters or the seed's environment variables. */
    protected BuildOptions options() throws InvalidConfigurationException {
        boolean verboseOn = verbose || "1".equals(System.getenv("VERBOSE"));
        int jobs = Runtime.getRuntime().availableProcessors();
        String level = System.getenv("CMAKE_BUILD_PARALLEL_LEVEL");
        if (parallel != null) {
            jobs = parallel;
        } else if (level != null && !level.isBlank()) {
            try {
                jobs = Integer.parseInt(level.trim());
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(
                        "CMAKE_BUILD_PARALLEL_LEVEL must be a number, not '" + level + "'");
            }
        }
        if (jobs < 1) {
            throw new InvalidConfigurationException(FirmwareProperties.PARALLEL + " must be at least 1, not " + jobs);
        }
        // The seed's -DMULTI_IMAGE_DEBUG_MAKEFILE=explain asks for what -Dfirmware.explain does.
        boolean explainOn =
                explain || "explain".equals(session.getUserProperties().getProperty("MULTI_IMAGE_DEBUG_MAKEFILE"));
        return new BuildOptions(
                verboseOn, jobs, explainOn, Optional.ofNullable(toolchainPath).map(File::toPath), kconfigStrict);
    }

    /** True when {@code other} is part of this build and has not finished yet: it will report its own failure. */
    private boolean runsLater(MavenProject other) {
        return session.getProjects().contains(other) && session.getResult().getBuildSummary(other) == null;
    }

    /**
     * A mistake in another module's files, found here because every module configures the whole
     * tree: that module fails with it when its turn comes, so this one only says it cannot build.
     */
    private static final class ReportedOnOwner extends MojoFailureException {
        private static final long serialVersionUID = 1L;
        private final transient MavenProject owner;

        ReportedOnOwner(MavenProject owner, InvalidConfigurationException cause) {
            super(cause.getMessage(), cause);
            this.owner = owner;
        }
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping firmware goals (" + FirmwareProperties.SKIP + "=true)");
            return;
        }
        Optional<String> goalSkip = goalSkipProperty();
        if (goalSkip.isPresent()) {
            getLog().info("Skipping (" + goalSkip.get() + "=true)");
            return;
        }
        if (!"firmware".equals(project.getPackaging())) {
            getLog().debug("Not a firmware module (packaging " + project.getPackaging() + "): nothing to do");
            return;
        }
        try {
            run();
        } catch (ReportedOnOwner e) {
            getLog().warn(project.getArtifactId() + ": not built: its image tree has a mistake in module "
                    + e.owner.getArtifactId() + ", which fails with it when its turn comes: " + e.getMessage());
            skipInstallAndDeploy();
        }
    }

    /** Nothing was built here, so nothing may be installed or deployed from this module. */
    protected void skipInstallAndDeploy() {
        project.getProperties().setProperty("maven.install.skip", "true");
        project.getProperties().setProperty("maven.deploy.skip", "true");
    }

    /** The goal's work, in a firmware module that is not skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /** The goal's own skip property when it is set, e.g. {@code firmware.build.skip}. */
    protected Optional<String> goalSkipProperty() {
        return Optional.empty();
    }

    /** This module's image settings, from the goal's parameters. */
    protected ImageSettings moduleSettings() {
        return settingsFor(project);
    }

    /** The image settings of {@code module}, whose configuration these parameters were bound from. */
    final ImageSettings settingsFor(MavenProject module) {
        Path basedir = module.getBasedir().toPath();
        return new ImageSettings(
                basedir,
                TreeRequestFactory.pomLabel(session, module),
                Path.of(module.getBuild().getDirectory()),
                imageName == null ? module.getArtifactId() : imageName,
                optional(board),
                PluginConfiguration.configuredInOwnPom(module, "board"),
                optional(boardRevision),
                optional(domain),
                optional(toolchain),
                sourceDirectory == null ? basedir.resolve("src/main/c") : sourceDirectory.toPath(),
                toolchainArguments == null ? List.of() : toolchainArguments,
                cmake,
                exec,
                childImages == null ? List.of() : new ArrayList<>(childImages),
                PluginConfiguration.of(module).emptyChildImageElements(),
                Optional.ofNullable(kconfigRoot).map(File::toPath));
    }

    /** Another module's settings: its configuration bound by Maven as this goal's would be there. */
    private ImageSettings settingsOf(MavenProject module) throws InvalidConfigurationException {
        ModuleParameters parameters = new ModuleConfigurator(
                        session, mojoExecution, components.configurator(), bindingRealm)
                .bind(module, new ModuleParameters(components), IMAGE_PARAMETERS);
        parameters.session = session;
        return parameters.settingsFor(module);
    }

    /** The parameters the build goal reads in a module: its image's, and the build-wide settings. */
    private static final Set<String> BUILD_PARAMETERS = Set.of(
            "board",
            "boardRevision",
            "domain",
            "imageName",
            "toolchain",
            "sourceDirectory",
            "toolchainArguments",
            "cmake",
            "exec",
            "childImages",
            "kconfigRoot",
            "buildType",
            "toolchainPath",
            "verbose",
            "parallel",
            "explain",
            "kconfigStrict",
            "signing",
            "acceptLayoutChange",
            "skip",
            "skipBuild");

    /**
     * What the build goal would work with in {@code module}, bound as Maven binds that goal there,
     * for a caller outside any goal: the build cache's keys, computed before the modules build.
     *
     * @param request the module's build request
     * @param skipped true when {@code firmware.skip} or {@code firmware.build.skip} turns the goal off there
     * @param log where the core logs
     * @param signing how the build signs (its passphrase is never asked for here)
     * @param layoutLock the tree's {@code layout.lock}, checked by the top of a tree
     * @param acceptedLayoutChange the reason a change of the locked layout is accepted, if given
     * @param userProperties Maven's {@code -D} properties
     * @param reportBaseline the module's {@code <report><baseline>}, if its plugin configuration has one
     */
    public record BuildGoalView(
            TreeRequestFactory.ModuleRequest request,
            boolean skipped,
            BuildLog log,
            HexArtifactResolver resolver,
            BuildSession buildSession,
            io.multiimage.core.sign.SigningConfig signing,
            Path layoutLock,
            Optional<String> acceptedLayoutChange,
            java.util.Properties userProperties,
            Optional<String> reportBaseline) {}

    /**
     * The build goal's view of {@code module}.
     *
     * @param buildExecution an execution of the build goal: its defaults and property expressions apply
     * @param realm where the parameter types are loaded from, when the goal's plugin realm is not set up yet
     * @throws InvalidConfigurationException when the module's configuration cannot be read or its tree is wrong
     */
    public static BuildGoalView buildGoalView(
            MavenSession session,
            MojoExecution buildExecution,
            MavenComponents components,
            ClassRealm realm,
            MavenProject module,
            BuildLog log)
            throws InvalidConfigurationException {
        ModuleParameters parameters = new ModuleConfigurator(session, buildExecution, components.configurator(), realm)
                .bind(module, new ModuleParameters(components), BUILD_PARAMETERS);
        AbstractFirmwareMojo bound = parameters;
        bound.session = session;
        bound.project = module;
        bound.mojoExecution = buildExecution;
        bound.bindingRealm = realm;
        TreeRequestFactory.ModuleRequest request = new TreeRequestFactory(
                        session, components.projectBuilder(), bound::settingsOf, log)
                .create(module, bound.moduleSettings(), optional(bound.buildType), bound.options());
        return new BuildGoalView(
                request,
                bound.skip || parameters.skipBuild,
                log,
                hexResolverOf(components, session, module),
                buildSessionOf(session, request.request().options().parallelism()),
                bound.signingConfig(),
                bound.layoutLockFile(),
                bound.acceptedLayoutChange(),
                session.getUserProperties(),
                reportBaselineOf(module));
    }

    /** The {@code <report><baseline>} of {@code module}'s plugin configuration, if any. */
    private static Optional<String> reportBaselineOf(MavenProject module) {
        org.apache.maven.model.Plugin plugin = module.getPlugin(PluginConfiguration.PLUGIN_KEY);
        if (plugin == null || !(plugin.getConfiguration() instanceof org.codehaus.plexus.util.xml.Xpp3Dom config)) {
            return Optional.empty();
        }
        org.codehaus.plexus.util.xml.Xpp3Dom report = config.getChild("report");
        org.codehaus.plexus.util.xml.Xpp3Dom baseline = report == null ? null : report.getChild("baseline");
        return baseline == null ? Optional.empty() : optional(baseline.getValue());
    }

    /** A binding target for another module's parameters; never run. */
    private static final class ModuleParameters extends AbstractFirmwareMojo {
        /** The build goal's own switch, bound when the build goal's view is asked for. */
        private boolean skipBuild;

        ModuleParameters(MavenComponents components) {
            super(components);
        }

        @Override
        protected void run() {
            throw new UnsupportedOperationException("only holds another module's parameters");
        }
    }

    protected static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
