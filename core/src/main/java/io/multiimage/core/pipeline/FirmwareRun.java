package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.board.BoardDefinition;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.run.QemuRequest;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.run.QemuRunner;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.spi.ProcessLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds a tree (nothing is redone when it is up to date) and boots its merged HEX in QEMU,
 * on the machine the top image's board names: {@code merged.hex} for a tree of one domain,
 * {@code merged_domains.hex} when the tree has several (the cores of one chip, such as the two
 * Cortex-M33 of {@code mps2-an521}, whose boards must all name that machine). UART output
 * streams to the consumer as it arrives; the run ends at the firmware's semihosting exit or
 * after the timeout.
 */
public final class FirmwareRun {

    private final BuildLog log;
    private final ProcessLauncher launcher;
    private final BuildSession session;
    private final HexArtifactResolver resolver;
    private io.multiimage.core.sign.SigningConfig signing = io.multiimage.core.sign.SigningConfig.none();
    private Path lockFile;
    private java.util.Optional<String> acceptedLayoutChange = java.util.Optional.empty();
    private MergeFormats mergeFormats = MergeFormats.HEX_ONLY;

    public FirmwareRun(BuildLog log, ProcessLauncher launcher, HexArtifactResolver resolver) {
        this(log, launcher, resolver, null);
    }

    /** As {@link FirmwareBuild#FirmwareBuild(BuildLog, ProcessLauncher, HexArtifactResolver, BuildSession)}. */
    public FirmwareRun(BuildLog log, ProcessLauncher launcher, HexArtifactResolver resolver, BuildSession session) {
        this.session = session;
        this.log = log;
        this.launcher = launcher;
        this.resolver = resolver;
    }

    /**
     * Builds and boots.
     *
     * @throws InvalidConfigurationException when the request is not the top of a tree or the
     *     board has no emulator
     */
    public QemuResult run(BuildRequest request, Duration timeout, Consumer<String> uart)
            throws FirmwareException, IOException, InterruptedException {
        if (!request.scope().isWholeTree()) {
            throw new InvalidConfigurationException("Running boots a whole image tree: run the top image of "
                    + "the tree (" + request.rootImage() + "), not the child image "
                    + request.scope().moduleImage().orElseThrow());
        }
        FirmwareBuild build = new FirmwareBuild(log, launcher, resolver, session)
                .signing(signing)
                .mergeFormats(mergeFormats);
        if (lockFile != null) {
            build.layoutLock(lockFile, acceptedLayoutChange);
        }
        PreparedTree prepared = build.prepare(request);
        String machine = machineOf(request.rootImage(), prepared);
        // Not for runFile: a file booted as it is may hold secure firmware this tree does not build.
        requireSecureStart(prepared, machine);
        BuildResult result = build.build(request, prepared);
        // Several domains (cores) boot together: every domain's bytes must be loaded.
        String file = domainsOf(prepared).size() > 1 ? "merged_domains.hex" : "merged.hex";
        Path merged = Optional.ofNullable(result.merged().get(file)).orElseThrow();
        return new QemuRunner(launcher, log).run(QemuRequest.of(merged, machine, timeout, uart));
    }

    /**
     * The QEMU machine of the tree: the one the top image's board names, which the board of every
     * other domain must name too (the cores of one machine).
     */
    static String machineOf(String rootImage, PreparedTree prepared) throws InvalidConfigurationException {
        Board board = prepared.images().get(rootImage).board();
        if (board.definition().qemuMachine().isEmpty()) {
            throw new InvalidConfigurationException("Board " + board.name() + " of image " + rootImage
                    + " has no QEMU machine, so it cannot be run here; shipped boards that can: " + emulatedBoards());
        }
        String machine = board.definition().qemuMachine().get();
        for (Map.Entry<String, ConfiguredImage> domain : domainsOf(prepared).entrySet()) {
            Board other = domain.getValue().board();
            if (!other.definition().qemuMachine().equals(Optional.of(machine))) {
                throw new InvalidConfigurationException("Image "
                        + domain.getValue().name() + " of domain "
                        + domain.getKey() + " is built for board " + other.name() + ", which QEMU "
                        + other.definition()
                                .qemuMachine()
                                .map(m -> "runs as machine " + m)
                                .orElse("does not emulate")
                        + ", but the tree boots on machine " + machine + " (board " + board.name() + " of image "
                        + rootImage + "): every domain's board must name the same qemu.machine to run the tree");
            }
        }
        return machine;
    }

    /**
     * A core with TrustZone starts in the secure state; firmware of non-secure images only would
     * lock it up at reset, so a domain needs at least one image on a secure board.
     */
    private static void requireSecureStart(PreparedTree prepared, String machine) throws InvalidConfigurationException {
        Map<String, List<ConfiguredImage>> byDomain = new LinkedHashMap<>();
        for (ConfiguredImage image : prepared.images().values()) {
            if (!(image.strategy().strategy() instanceof BuildStrategy.Skip)) {
                byDomain.computeIfAbsent(image.domain(), d -> new ArrayList<>()).add(image);
            }
        }
        for (Map.Entry<String, List<ConfiguredImage>> domain : byDomain.entrySet()) {
            List<ConfiguredImage> images = domain.getValue();
            if (images.stream()
                    .allMatch(image -> image.context().board().secure().isPresent())) {
                ConfiguredImage first = images.get(0);
                throw new InvalidConfigurationException("Every image of domain " + domain.getKey()
                        + " is non-secure ("
                        + images.stream()
                                .map(i -> i.name() + " on " + i.board().name())
                                .collect(Collectors.joining(", "))
                        + "), but the CPU of machine " + machine + " starts in the secure state: it would lock up"
                        + " before the first instruction. Add a secure image that starts " + first.name()
                        + ": a child image of " + first.name() + " builds for "
                        + first.context().board().secure().orElseThrow() + " by the /ns rule (see samples/spm-qemu)");
            }
        }
    }

    private static String emulatedBoards() throws InvalidConfigurationException {
        return BoardCatalog.shipped().boards().stream()
                .filter(b -> b.qemuMachine().isPresent())
                .map(BoardDefinition::name)
                .collect(Collectors.joining(", "));
    }

    /** Each domain of the tree with its main image (the first in tree order). */
    private static Map<String, ConfiguredImage> domainsOf(PreparedTree prepared) {
        Map<String, ConfiguredImage> domains = new LinkedHashMap<>();
        for (ConfiguredImage image : prepared.images().values()) {
            domains.putIfAbsent(image.domain(), image);
        }
        return domains;
    }

    /**
     * Boots {@code hex} exactly as it is, on the machine of the tree's board, without building:
     * how a tampered or foreign merged file is tried.
     *
     * @throws InvalidConfigurationException the file does not exist, or the board has no emulator
     */
    public QemuResult runFile(BuildRequest request, Path hex, Duration timeout, Consumer<String> uart)
            throws FirmwareException, IOException, InterruptedException {
        if (!java.nio.file.Files.isRegularFile(hex)) {
            throw new InvalidConfigurationException("The HEX file to boot, " + hex + ", does not exist");
        }
        PreparedTree prepared = new FirmwareBuild(log, launcher, resolver, session).prepare(request);
        log.info("Booting " + hex + " as it is (not built)");
        String machine = machineOf(request.rootImage(), prepared);
        return new QemuRunner(launcher, log).run(QemuRequest.of(hex, machine, timeout, uart));
    }

    /** The merge formats of the build it runs, as {@link FirmwareBuild#mergeFormats}, so it keeps the build's files. */
    public FirmwareRun mergeFormats(MergeFormats formats) {
        this.mergeFormats = java.util.Objects.requireNonNull(formats, "formats");
        return this;
    }

    /** Checks the layout against {@code file} when it builds, as {@link FirmwareBuild#layoutLock}. */
    public FirmwareRun layoutLock(Path file, java.util.Optional<String> accept) {
        this.lockFile = java.util.Objects.requireNonNull(file, "file");
        this.acceptedLayoutChange = java.util.Objects.requireNonNull(accept, "accept");
        return this;
    }

    /** Signs the images in MCUboot-format slots with {@code config} when it builds. */
    public FirmwareRun signing(io.multiimage.core.sign.SigningConfig config) {
        this.signing = java.util.Objects.requireNonNull(config, "config");
        return this;
    }
}
