package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.config.SelectedFile;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexCoordinates;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.core.state.StepLedger;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.core.toolchain.Toolchain;
import io.multiimage.core.toolchain.ToolchainOutputs;
import io.multiimage.core.toolchain.ToolchainRequest;
import io.multiimage.core.variables.ReceivedVariable;
import io.multiimage.hex.Elf;
import io.multiimage.hex.ImageFormatException;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.RawBinary;
import io.multiimage.hex.Segment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The build step of one image, by its strategy:
 *
 * <ul>
 *   <li>{@code from-source}: writes {@code .config} and {@code autoconf.h}, runs the image's
 *       toolchain driver unless the step's inputs are unchanged, converts the ELF to
 *       {@code <image>.hex} and {@code <image>.bin}, and checks that the image stays inside its
 *       partition;</li>
 *   <li>{@code use-hex}: resolves the HEX (file or coordinates), checks a pinned sha256,
 *       parses it strictly and checks that it lies inside its static partition;</li>
 *   <li>{@code skip}: nothing; the partition stays reserved.</li>
 * </ul>
 */
final class BuildStage {

    /** The step's name in the image's {@code StepLedger}. */
    static final String STEP = "build";

    static final List<String> C_SOURCES = List.of(".c", ".h", ".s", ".S", ".inc");

    private final BuildRequest request;
    private final ToolchainFactory toolchains;
    private final HexArtifactResolver resolver;
    private final BuildLog log;

    BuildStage(BuildRequest request, ToolchainFactory toolchains, HexArtifactResolver resolver, BuildLog log) {
        this.request = request;
        this.toolchains = toolchains;
        this.resolver = resolver;
        this.log = log;
    }

    BuiltImage run(ConfiguredImage image, ImagePlacement placement, Path imageDir)
            throws FirmwareException, IOException, InterruptedException {
        BuildStrategy strategy = image.strategy().strategy();
        if (strategy instanceof BuildStrategy.UseHex useHex) {
            return usePrebuilt(image, useHex, placement, imageDir);
        }
        if (strategy instanceof BuildStrategy.Skip) {
            log.info(image.name() + ": skipped (build strategy skip); partition " + placement.partition()
                    + " stays reserved");
            return new BuiltImage(
                    image.name(),
                    placement,
                    strategy.id(),
                    image.strategy().origin(),
                    Optional.empty(),
                    Optional.empty(),
                    true,
                    Map.of(),
                    Map.of());
        }
        return fromSource(image, image.configuration().orElseThrow(), placement, imageDir);
    }

    /**
     * What decides the outputs of {@code image}'s build, stated as this step states it before it
     * decides whether to build: the fingerprint its up-to-date check compares (the toolchain's
     * identity and flags, the configuration, {@code pm_config.h}, {@code zephyr.dts}, the sources;
     * for a prebuilt image the HEX itself; nothing for a skipped one). Writes nothing; configure,
     * devicetree and place must have run for the image.
     */
    Fingerprint inputsOf(ConfiguredImage image, ImagePlacement placement, Path imageDir)
            throws FirmwareException, IOException, InterruptedException {
        BuildStrategy strategy = image.strategy().strategy();
        if (strategy instanceof BuildStrategy.UseHex useHex) {
            return prebuiltInputs(pinnedSha256(image, useHex, Files.readAllBytes(prebuiltSource(image, useHex))));
        }
        if (strategy instanceof BuildStrategy.Skip) {
            return Fingerprint.builder().build();
        }
        ImageConfiguration configuration = image.configuration().orElseThrow();
        return fromSourceInputs(image, configuration, imageDir, placement);
    }

    private BuiltImage fromSource(
            ConfiguredImage image, ImageConfiguration configuration, ImagePlacement placement, Path imageDir)
            throws FirmwareException, IOException, InterruptedException {
        String name = image.name();
        OutputFiles.writeIfChanged(imageDir.resolve(".config"), dotConfig(configuration));
        OutputFiles.writeIfChanged(imageDir.resolve("autoconf.h"), autoconf(configuration));

        Fingerprint inputs = fromSourceInputs(image, configuration, imageDir, placement);
        ImageSources sources = request.sourcesOf(name, image.context().imageDir());
        Toolchain toolchain = toolchains.forImage(name, image.context().toolchain(), sources, log);
        ToolchainRequest toolchainRequest = toolchainRequest(image, configuration, placement, imageDir, sources);
        Path hex = imageDir.resolve(name + ".hex");
        Path bin = imageDir.resolve(name + ".bin");
        List<Path> outputs = List.of(hex, bin);
        StepLedger ledger =
                new StepLedger(imageDir, Optional.of(request.layout().root()));
        StepLedger.Decision decision = ledger.check(STEP, inputs, outputs);
        if (decision.upToDate()) {
            log.info(name + ": up to date");
            explain(name, "nothing changed since the last build");
            return built(image, placement, hex, Optional.empty(), true, inputs, decision.outputDigests());
        }
        explain(name, "building because " + String.join(", ", decision.reasons()));
        ledger.invalidate(STEP);
        ImageBuildLog imageLog = new ImageBuildLog(log);
        ToolchainOutputs produced;
        try {
            imageLog.info(name + ": building from source with " + toolchain.id() + " at " + placement.linkedFlash()
                    + " (" + placement.describe() + ")");
            produced = toolchains
                    .forImage(name, image.context().toolchain(), sources, imageLog)
                    .build(toolchainRequest);
            MemoryImage content = load(name, produced);
            checkInsidePartition(name, content, placement, "the built image");
            writeHex(content, hex);
            Segment span = content.span().orElseThrow();
            ByteArrayOutputStream binary = new ByteArrayOutputStream();
            RawBinary.write(content, binary, span.start(), span.start() + span.length(), RawBinary.DEFAULT_FILL);
            OutputFiles.writeIfChanged(bin, binary.toByteArray());
        } catch (FirmwareException | IOException | RuntimeException e) {
            imageLog.warn(name + ": build failed: " + e.getMessage());
            throw e;
        } finally {
            imageLog.save(imageDir.resolve("build.log"));
        }
        Map<String, String> outputDigests = ledger.recordDone(
                STEP,
                inputs,
                recordedOutputs(outputs, produced, imageDir),
                filesRead(
                        toolchains
                                .forImage(name, image.context().toolchain(), sources, log)
                                .filesRead(toolchainRequest),
                        sources.sourceDirectory(),
                        imageDir));
        return built(image, placement, hex, Optional.empty(), false, inputs, outputDigests);
    }

    /**
     * The from-source fingerprint. {@code .config} and {@code autoconf.h} count as the text they are
     * written from (the same bytes the files hold once written), so the inputs can be stated
     * before the build step writes them.
     */
    private Fingerprint fromSourceInputs(
            ConfiguredImage image, ImageConfiguration configuration, Path imageDir, ImagePlacement placement)
            throws FirmwareException, IOException, InterruptedException {
        String name = image.name();
        ImageSources sources = request.sourcesOf(name, image.context().imageDir());
        SourceTreeCheck.requireInsideProject(
                name, sources.sourceDirectory(), request.layout().root(), request.layout()::relative);
        Toolchain toolchain = toolchains.forImage(name, image.context().toolchain(), sources, log);
        ToolchainRequest toolchainRequest = toolchainRequest(image, configuration, placement, imageDir, sources);
        return Fingerprint.builder()
                .value("toolchain", checkoutIndependent(toolchain.fingerprint(toolchainRequest)))
                .value(".config", dotConfig(configuration))
                .value("autoconf.h", autoconf(configuration))
                .file("pm_config.h", imageDir.resolve("pm_config.h"))
                .file("zephyr.dts", imageDir.resolve("zephyr.dts"))
                .tree("src/", sources.sourceDirectory(), toolchain.id().equals("gnu-arm") ? C_SOURCES : List.of(""))
                .build();
    }

    private static String dotConfig(ImageConfiguration configuration) {
        return configuration.kconfig().dotConfigText();
    }

    private static String autoconf(ImageConfiguration configuration) {
        return configuration.kconfig().autoconfText();
    }

    /**
     * The driver's fingerprint without the checkout's location: the digest goes into the published
     * {@code build-info.json}, which must be the same for the same commit in any directory.
     */
    private String checkoutIndependent(String fingerprint) {
        return fingerprint.replace(
                request.layout().root().toAbsolutePath().normalize().toString(), "${project}");
    }

    /**
     * Every output of the step that lives in the image's directory: the HEX and binary, and what the
     * driver produced there (ELF, map, linker script, objects). A deleted one is rebuilt.
     */
    private static List<Path> recordedOutputs(List<Path> outputs, ToolchainOutputs produced, Path imageDir)
            throws IOException {
        Path dir = imageDir.toAbsolutePath().normalize();
        List<Path> recorded = new ArrayList<>(outputs);
        List<Path> candidates = new ArrayList<>();
        produced.elf().ifPresent(candidates::add);
        produced.map().ifPresent(candidates::add);
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".ld")).forEach(candidates::add);
        }
        Path objects = dir.resolve("obj");
        if (Files.isDirectory(objects)) {
            try (java.util.stream.Stream<Path> files = Files.walk(objects)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().endsWith(".o")
                                || f.getFileName().toString().endsWith(".d"))
                        .sorted()
                        .forEach(candidates::add);
            }
        }
        for (Path candidate : candidates) {
            Path absolute = candidate.toAbsolutePath().normalize();
            if (absolute.startsWith(dir) && Files.isRegularFile(absolute) && !recorded.contains(candidate)) {
                recorded.add(absolute);
            }
        }
        return recorded;
    }

    /**
     * What the tools read besides what the step's inputs already cover: the sources (the source
     * tree's fingerprint) and the generated headers of the image's own directory.
     */
    private static List<Path> filesRead(List<Path> reported, Path sourceDirectory, Path imageDir) {
        Path sources = sourceDirectory.toAbsolutePath().normalize();
        Path generated = imageDir.toAbsolutePath().normalize();
        return reported.stream()
                .filter(file -> !(file.startsWith(sources) && C_SOURCES.stream().anyMatch(file.toString()::endsWith)))
                .filter(file -> !file.getParent().equals(generated))
                .toList();
    }

    private ToolchainRequest toolchainRequest(
            ConfiguredImage image,
            ImageConfiguration configuration,
            ImagePlacement placement,
            Path imageDir,
            ImageSources sources) {
        Map<String, String> forwarded = new TreeMap<>();
        for (ReceivedVariable variable : image.context().variables().all()) {
            forwarded.put(variable.name(), variable.value());
        }
        List<String> extraArgs = extraArgsOf(image, sources);
        return ToolchainRequest.builder(image.name(), sources.sourceDirectory(), imageDir)
                .projectDir(request.layout().root())
                .includeDirs(List.of(imageDir))
                // Linked where it runs: its partition as its own board sees the memory.
                .flash(placement.linkedFlash())
                .flashBase(placement.linkedFlashBase())
                .ram(placement.linkedRam())
                .cpu(image.board().definition().cpu())
                .board(image.context().boardWithRevision())
                .buildType(image.context().buildType())
                .confFiles(configuration.plan().kconfigFiles().stream()
                        .map(SelectedFile::path)
                        .toList())
                .dtcOverlayFiles(configuration.plan().overlays().stream()
                        .map(SelectedFile::path)
                        .toList())
                .forwardedVariables(forwarded)
                .verbose(request.options().verbose() || verboseMakefile(image))
                .parallelism(request.options().parallelism())
                .extraArgs(extraArgs)
                .build();
    }

    /** The driver's extra arguments: the image's own, then the seed's {@code EXTRA_MULTI_IMAGE_CMAKE_ARGS}. */
    static List<String> extraArgsOf(ConfiguredImage image, ImageSources sources) {
        List<String> extraArgs = new ArrayList<>(sources.extraArgs());
        image.context()
                .variables()
                .get("EXTRA_MULTI_IMAGE_CMAKE_ARGS")
                .ifPresent(args -> extraArgs.addAll(splitList(args)));
        return List.copyOf(extraArgs);
    }

    private BuiltImage usePrebuilt(
            ConfiguredImage image, BuildStrategy.UseHex useHex, ImagePlacement placement, Path imageDir)
            throws FirmwareException, IOException {
        String name = image.name();
        Path source = prebuiltSource(image, useHex);
        byte[] bytes = Files.readAllBytes(source);
        String sha256 = pinnedSha256(image, useHex, bytes);
        MemoryImage content;
        try {
            content = IntelHex.read(source);
        } catch (ImageFormatException e) {
            throw new InvalidConfigurationException(
                    "Image '" + name + "': prebuilt HEX is not valid Intel HEX: " + e.getMessage(), e);
        }
        checkInsidePartition(name, content, placement, "the prebuilt HEX");
        Path hex = imageDir.resolve(name + ".hex");
        boolean written = OutputFiles.writeIfChanged(hex, bytes);
        log.info(name + ": using prebuilt HEX " + useHex.source().describe() + " (sha256 " + sha256 + ")"
                + (written ? "" : ", unchanged"));
        Fingerprint inputs = prebuiltInputs(sha256);
        return built(
                image,
                placement,
                hex,
                Optional.of(useHex.source().describe()),
                !written,
                inputs,
                Map.of(hex.getFileName().toString(), sha256));
    }

    /**
     * Where a prebuilt HEX is: a relative file is relative to the declaring (parent) image's
     * directory, like every other path a parent gives a child.
     */
    private Path prebuiltSource(ConfiguredImage image, BuildStrategy.UseHex useHex) throws FirmwareException {
        Path source = useHex.source() instanceof HexCoordinates coordinates
                ? resolver.resolve(coordinates)
                : image.context()
                        .parentDir()
                        .orElse(image.context().imageDir())
                        .resolve(((HexFile) useHex.source()).path());
        if (!Files.isRegularFile(source)) {
            throw new InvalidConfigurationException("Image '" + image.name() + "': prebuilt HEX "
                    + useHex.source().describe() + " does not exist ("
                    + image.strategy().origin() + ")");
        }
        return source;
    }

    /** The sha256 of a prebuilt HEX's bytes, checked against its pin. */
    private static String pinnedSha256(ConfiguredImage image, BuildStrategy.UseHex useHex, byte[] bytes)
            throws InvalidConfigurationException {
        String sha256 = Fingerprint.sha256(bytes);
        if (useHex.sha256().isPresent() && !useHex.sha256().get().equals(sha256)) {
            throw new InvalidConfigurationException("Image '" + image.name() + "': prebuilt HEX "
                    + useHex.source().describe() + " has sha256 " + sha256 + " but "
                    + useHex.sha256().get()
                    + " is pinned; check the artifact's origin, or update the pin if the new HEX is intended");
        }
        return sha256;
    }

    private static Fingerprint prebuiltInputs(String sha256) {
        return Fingerprint.builder().value("prebuilt-hex", sha256).build();
    }

    private static MemoryImage load(String image, ToolchainOutputs produced) throws FirmwareException, IOException {
        try {
            if (produced.elf().isPresent()) {
                return Elf.load(produced.elf().get());
            }
            if (produced.hex().isPresent()) {
                return IntelHex.read(produced.hex().get());
            }
        } catch (ImageFormatException e) {
            throw new InvalidConfigurationException(
                    "Image '" + image + "': the toolchain's output is unreadable: " + e.getMessage(), e);
        }
        throw new InvalidConfigurationException("Image '" + image + "': the toolchain produced neither ELF nor HEX");
    }

    private static void checkInsidePartition(String image, MemoryImage content, ImagePlacement placement, String what)
            throws InvalidConfigurationException {
        if (content.isEmpty()) {
            throw new InvalidConfigurationException("Image '" + image + "': " + what + " holds no data");
        }
        MemoryRegion flash = placement.linkedFlash();
        for (Segment segment : content.segments()) {
            long end = segment.start() + segment.length();
            if (segment.start() < flash.origin() || end > flash.end()) {
                throw new InvalidConfigurationException(String.format(
                        "Image '%s': %s has data at 0x%x..0x%x, outside its %s at %s",
                        image, what, segment.start(), end, placement.describe(), flash));
            }
        }
    }

    private static void writeHex(MemoryImage content, Path hex) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        IntelHex.write(content, text, IntelHex.WriteOptions.DEFAULT);
        OutputFiles.writeIfChanged(hex, text.toByteArray());
    }

    private BuiltImage built(
            ConfiguredImage image,
            ImagePlacement placement,
            Path hex,
            Optional<String> origin,
            boolean upToDate,
            Fingerprint inputs,
            Map<String, String> outputDigests) {
        // What the image publishes: its HEX and binary (the ELF, map and objects are the build's).
        Map<String, String> published = new TreeMap<>(outputDigests);
        published.keySet().removeIf(name -> !name.endsWith(".hex") && !name.endsWith(".bin"));
        return new BuiltImage(
                image.name(),
                placement,
                image.strategy().strategy().id(),
                image.strategy().origin(),
                Optional.of(hex),
                origin,
                upToDate,
                inputs.entries(),
                published);
    }

    private void explain(String image, String why) {
        if (request.options().explain()) {
            log.info("[explain] " + image + ": " + why);
        }
    }

    /**
     * The seed's {@code -D<img>_CMAKE_VERBOSE_MAKEFILE=ON}: this image's build is verbose (the
     * top image's own {@code CMAKE_VERBOSE_MAKEFILE} likewise). CMake's truth values.
     */
    private static boolean verboseMakefile(ConfiguredImage image) {
        return image.context()
                .variables()
                .imageSpecific("CMAKE_VERBOSE_MAKEFILE")
                .map(value -> Set.of("ON", "1", "TRUE", "YES", "Y")
                        .contains(value.trim().toUpperCase(Locale.ROOT)))
                .orElse(false);
    }

    private static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(";")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }
}
