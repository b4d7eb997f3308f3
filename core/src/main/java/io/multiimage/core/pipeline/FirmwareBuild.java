package io.multiimage.core.pipeline;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.concurrent.BoundedTasks;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.report.FirmwareMemoryReport;
import io.multiimage.core.report.ReportSettings;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.state.AssembleRecord;
import io.multiimage.core.state.BuildLocks;
import io.multiimage.core.state.DevicetreeRecord;
import io.multiimage.core.state.Leftovers;
import io.multiimage.core.state.PlacementRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A multi-image build, end to end: discover (the image tree) → configure (conditions,
 * strategies, Kconfig, devicetree) → place (one partition layout per domain) → build (each
 * image by its strategy; independent images concurrently; up-to-date images skipped) →
 * assemble (merged HEX per domain, {@code merged_domains.hex}, {@code build-info.json}).
 *
 * <p>With a module {@linkplain BuildRequest#scope() scope}, the whole tree is still configured
 * and placed (an image's address depends on every other image) but only the module's own
 * images are built, each into its own directory, and nothing is merged: how a child image
 * module builds its image inside the tree it belongs to.
 */
public final class FirmwareBuild {

    private final BuildLog log;
    private final ProcessLauncher launcher;
    private final BuildSession session;
    private BuildSession ownSession;
    private final HexArtifactResolver resolver;
    private final PlacementRecord placementRecord;
    private SigningConfig signingConfig = SigningConfig.none();
    private Path lockFile;
    private Optional<String> acceptedLayoutChange = Optional.empty();
    private ReportSettings reportSettings = ReportSettings.none();
    private MergeFormats mergeFormats = MergeFormats.HEX_ONLY;

    /** A build that logs to {@code log}, runs tools through {@code launcher} and finds prebuilt HEX through {@code resolver}. */
    public FirmwareBuild(BuildLog log, ProcessLauncher launcher, HexArtifactResolver resolver) {
        this(log, launcher, resolver, null);
    }

    /**
     * A build that shares {@code session} (the job budget and the session's caches) with the other
     * builds of the same session; {@code null} gives it a session of its own, sized by the request.
     */
    public FirmwareBuild(BuildLog log, ProcessLauncher launcher, HexArtifactResolver resolver, BuildSession session) {
        this(log, launcher, resolver, session, PlacementRecord.forRunningCode());
    }

    /** A build that keeps its placements in {@code placementRecord} (tests give one tied to a code identity of their own). */
    FirmwareBuild(
            BuildLog log,
            ProcessLauncher launcher,
            HexArtifactResolver resolver,
            BuildSession session,
            PlacementRecord placementRecord) {
        this.log = log;
        this.launcher = launcher;
        this.session = session;
        this.resolver = resolver;
        this.placementRecord = placementRecord;
    }

    /**
     * Sets what the memory report written beside {@code build-info.json} compares with (a
     * baseline) and enforces (budgets); by default it only shows. Returns this build.
     */
    public FirmwareBuild report(ReportSettings settings) {
        this.reportSettings = java.util.Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * Runs the build.
     *
     * @throws InvalidConfigurationException for anything the user must fix, with image, file and line
     * @throws FirmwareException when a tool is missing or fails for reasons of the machine
     * @throws IOException when outputs cannot be written
     * @throws InterruptedException when the build was interrupted; running tools are killed
     */
    public BuildResult run(BuildRequest request) throws FirmwareException, IOException, InterruptedException {
        return build(request, prepare(request));
    }

    /**
     * Builds and assembles a tree already {@linkplain #prepare prepared} from {@code request}.
     *
     * @throws InvalidConfigurationException for anything the user must fix
     * @throws FirmwareException when a tool is missing or fails for reasons of the machine
     * @throws IOException when outputs cannot be written
     * @throws InterruptedException when the build was interrupted; running tools are killed
     */
    public BuildResult build(BuildRequest request, PreparedTree prepared)
            throws FirmwareException, IOException, InterruptedException {
        try (BuildLocks locks = lock(request, prepared.images().keySet())) {
            return buildLocked(request, prepared);
        }
    }

    private BuildResult buildLocked(BuildRequest request, PreparedTree prepared)
            throws FirmwareException, IOException, InterruptedException {
        ImageDirectories dirs = ImageDirectories.of(request);
        List<ConfiguredImage> toBuild = prepared.images().values().stream()
                .filter(image -> request.scope().includes(image.name()))
                .toList();
        Map<String, VerifyStage.ExpectedBoots> prebuiltBoots =
                new PrebuiltLayoutStage(log).run(prepared, request, resolver);
        MemoryReports memoryReports = MemoryReports.start(request, prepared, reportSettings);
        List<BuiltImage> built = buildAll(request, toBuild, prepared.placements(), dirs);
        String moduleImage = request.scope().moduleImage().orElse(request.rootImage());
        List<PublishedFile> published =
                new ArrayList<>(ModuleOutputs.writeImageLayouts(built, moduleImage, prepared, request, dirs));
        SignStage.Result signing = new SignStage(request, prepared, signing(), log).run(built, dirs);
        published.addAll(ModuleOutputs.ownSignedImage(moduleImage, signing, dirs));
        if (!request.scope().isWholeTree()) {
            return new BuildResult(moduleImage, built, Map.of(), Optional.empty(), published);
        }
        BuildInfoExtras extras = signing.facts();
        if (lockFile != null) {
            extras.merge(new LayoutLockStage(log)
                    .check(
                            LayoutLockStage.current(prepared, request, signing.configuredKey()),
                            lockFile,
                            acceptedLayoutChange,
                            request.layout().relative(lockFile)));
        }
        String rootDomain = prepared.images().get(request.rootImage()).domain();
        AssembleStage.Assembled assembled = new AssembleStage(log, AssembleRecord.forRunningCode(), mergeFormats)
                .assemble(rootDomain, signing.images(), dirs.root());
        Map<String, Path> merged = assembled.hex();
        published.addAll(assembled.additional());
        Map<String, Object> binaries = assembled.binaryFacts(mergeFormats);
        if (!binaries.isEmpty()) {
            extras.root("mergedBinaries", binaries);
        }
        published.addAll(new UpdatePackageStage(log).run(signing, prepared, signing(), dirs.root()));
        new VerifyStage(log).run(prepared, request, merged, signing.publicKey(), prebuiltBoots);
        FirmwareMemoryReport memory = memoryReports.of(built, signing.signed());
        extras.merge(MemoryReports.buildInfoFacts(memory));
        Path buildInfo = BuildInfoWriter.write(
                dirs.root().resolve("build-info.json"), signing.images(), assembled.all(), extras);
        // Written beside build-info.json; an exceeded budget fails the build only now, outputs in place.
        MemoryReports.write(memory, dirs.root(), log);
        return new BuildResult(moduleImage, built, merged, Optional.of(buildInfo), published);
    }

    /**
     * Checks the layout against the committed lock {@code file} before merging; a change fails the
     * build unless {@code accept} gives the reason it is accepted.
     */
    public FirmwareBuild layoutLock(Path file, Optional<String> accept) {
        this.lockFile = java.util.Objects.requireNonNull(file, "file");
        this.acceptedLayoutChange = java.util.Objects.requireNonNull(accept, "accept");
        return this;
    }

    /**
     * The formats the merged files are written in besides Intel HEX ({@code merged.bin},
     * {@code merged.srec}, {@code merged.uf2}, ...); by default HEX only. The extra files are in
     * {@link BuildResult#published()} under the HEX's classifier.
     */
    public FirmwareBuild mergeFormats(MergeFormats formats) {
        this.mergeFormats = java.util.Objects.requireNonNull(formats, "formats");
        return this;
    }

    /** How images in MCUboot-format slots are signed; by default with their hash only. */
    public FirmwareBuild signing(SigningConfig config) {
        this.signingConfig = java.util.Objects.requireNonNull(config, "config");
        return this;
    }

    private SigningConfig signing() {
        return signingConfig;
    }

    /**
     * What decides the outputs of every image this request builds, without building anything:
     * discover, configure and place run as for a build (writing what they write), then each image
     * in the request's scope states the inputs its build step would compare before compiling
     * (plus, for a {@code gnu-arm} image, the project files its compiler may read), and a whole
     * tree its layout files. A build whose inputs equal an earlier one's produces the same files;
     * nothing in them depends on the checkout's location.
     *
     * @throws InvalidConfigurationException for anything the user must fix (the build would fail too)
     * @throws FirmwareException when a tool is missing or fails (the compiler is asked its version)
     * @throws IOException when files cannot be read or written
     * @throws InterruptedException when interrupted
     */
    public TreeInputs inputs(BuildRequest request) throws FirmwareException, IOException, InterruptedException {
        PreparedTree prepared = prepare(request);
        List<ConfiguredImage> scoped = prepared.images().values().stream()
                .filter(image -> request.scope().includes(image.name()))
                .toList();
        BuildStage stage = new BuildStage(
                request,
                new ToolchainFactory(
                        request.options(),
                        session(request).jobs().limit(launcher),
                        session(request).toolVersions()),
                PrebuiltFetch.fetch(scoped, resolver),
                log);
        return new InputsStage(request, stage).run(prepared, ImageDirectories.of(request));
    }

    /**
     * Discover, configure and place, without building: every image's configuration, where it
     * lives, and each domain's layout. Writes what these steps produce ({@code zephyr.dts},
     * {@code partitions.yml}, {@code pm_config.h}, ...), only where the content changed.
     *
     * @throws InvalidConfigurationException for anything the user must fix
     * @throws IOException when outputs cannot be written
     */

    /**
     * The directories this build writes, locked against other builds (they wait, saying so);
     * what killed builds left there is cleaned away first.
     */
    private BuildLocks lock(BuildRequest request, Collection<String> images)
            throws InvalidConfigurationException, IOException, InterruptedException {
        ImageDirectories dirs = ImageDirectories.of(request);
        List<Path> written = new ArrayList<>();
        if (request.scope().isWholeTree()) {
            written.add(dirs.root());
        }
        for (String image : images) {
            if (request.scope().includes(image)) {
                written.add(dirs.of(image));
            }
        }
        BuildLocks locks = BuildLocks.acquire(written, log);
        try {
            int removed = Leftovers.clean(written);
            if (removed > 0) {
                log.info("Removed " + removed + " temporary file" + (removed == 1 ? "" : "s")
                        + " an interrupted build left behind");
            }
        } catch (IOException | RuntimeException e) {
            locks.close();
            throw e;
        }
        return locks;
    }

    public PreparedTree prepare(BuildRequest request) throws FirmwareException, IOException {
        ImageTree tree = ImageTree.build(request.rootImage(), request.declarations());
        Optional<String> moduleImage = request.scope().moduleImage();
        if (moduleImage.isPresent() && !tree.contains(moduleImage.get())) {
            throw new InvalidConfigurationException(
                    "Image '" + moduleImage.get() + "' is not part of the tree of " + request.rootImage());
        }
        Map<String, ConfiguredImage> images = new ConfigureStage(log).run(request, tree);
        try (BuildLocks locks = lock(request, images.keySet())) {
            return placeLocked(request, images);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("Interrupted while waiting for another build to finish", e);
        }
    }

    /** The devicetree and place steps, with the directories they write locked. */
    private PreparedTree placeLocked(BuildRequest request, Map<String, ConfiguredImage> images)
            throws FirmwareException, IOException {
        ImageDirectories dirs = ImageDirectories.of(request);
        if (request.scope().isWholeTree()) {
            Files.createDirectories(dirs.root());
        }
        Map<String, MemoryFacts> memory = new LinkedHashMap<>();
        DevicetreeStage devicetree = new DevicetreeStage(
                DevicetreeRecord.forRunningCode(), session(request).devicetrees());
        Set<String> domainsSeen = new HashSet<>();
        for (ConfiguredImage image : images.values()) {
            boolean mine = request.scope().includes(image.name());
            if (mine) {
                Files.createDirectories(dirs.of(image.name()));
            }
            // Placement reads the memory of each domain's first image; a module's build needs its
            // own images' devicetrees besides. Another module's image is merged, not written.
            boolean domainMain = domainsSeen.add(image.domain());
            if (domainMain || mine) {
                BuildLog imageLog = DebugLog.forImage(log, request, image.name());
                try {
                    memory.put(
                            image.name(),
                            mine
                                    ? devicetree.run(image, dirs.of(image.name()), imageLog)
                                    : devicetree.facts(image, dirs.of(image.name()), imageLog));
                } catch (InvalidConfigurationException e) {
                    e.blameImage(image.name());
                    throw e;
                }
            }
        }
        PlaceStage.Result placed = new PlaceStage(log, placementRecord).run(request, images, memory, dirs);
        return new PreparedTree(images, placed.placements(), placed.domains());
    }

    /** The session this build belongs to; one of its own, made once, when none was given. */
    private synchronized BuildSession session(BuildRequest request) {
        if (ownSession == null) {
            ownSession = session != null
                    ? session
                    : new BuildSession(request.options().parallelism());
        }
        return ownSession;
    }

    /** Builds the images concurrently, at most {@code parallelism} at a time; results in tree order. */
    private List<BuiltImage> buildAll(
            BuildRequest request,
            List<ConfiguredImage> images,
            Map<String, ImagePlacement> placements,
            ImageDirectories dirs)
            throws FirmwareException, IOException, InterruptedException {
        // Every tool process takes a slot of the session's budget: images times compile units never
        // run more compilers than the budget, nor do modules built side by side.
        ProcessLauncher limited = session(request).jobs().limit(launcher);
        BuildStage stage = new BuildStage(
                request,
                new ToolchainFactory(
                        request.options(), limited, session(request).toolVersions()),
                PrebuiltFetch.fetch(images, resolver),
                log);
        List<BoundedTasks.Task<BuiltImage, FirmwareException, IOException>> tasks = new ArrayList<>();
        for (ConfiguredImage image : images) {
            ImagePlacement placement = placements.get(image.name());
            Path dir = dirs.of(image.name());
            tasks.add(() -> {
                try {
                    return stage.run(image, placement, dir);
                } catch (FirmwareException e) {
                    e.blameImage(image.name());
                    throw e;
                }
            });
        }
        return BoundedTasks.run(
                tasks,
                request.options().parallelism(),
                n -> "firmware-image",
                FirmwareException.class,
                IOException.class);
    }
}
