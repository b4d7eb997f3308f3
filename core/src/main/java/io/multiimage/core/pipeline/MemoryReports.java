package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.report.Baseline;
import io.multiimage.core.report.Budget;
import io.multiimage.core.report.BudgetVerdict;
import io.multiimage.core.report.DomainLayout;
import io.multiimage.core.report.FirmwareMemoryReport;
import io.multiimage.core.report.HtmlReport;
import io.multiimage.core.report.ImageChange;
import io.multiimage.core.report.ImageMeasurement;
import io.multiimage.core.report.ImageUsage;
import io.multiimage.core.report.ReportJson;
import io.multiimage.core.report.ReportSettings;
import io.multiimage.core.report.ReportedImage;
import io.multiimage.core.report.SignedFraming;
import io.multiimage.core.sign.FlashGeometry;
import io.multiimage.core.sign.ImageSigner;
import io.multiimage.core.sign.SigningSlot;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.state.StepLedger;
import io.multiimage.hex.ImageFormatException;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.signing.SignedImage;
import io.multiimage.signing.format.ImageFormat;
import io.multiimage.signing.format.ImageHeader;
import io.multiimage.signing.format.Trailer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The memory report of a tree ({@code core.report}) from what the build left: each image's ELF
 * file (the one its last completed build step recorded), else its HEX, with the layout of every
 * domain; written as {@code memory-report.json} and {@code memory-report.html} beside
 * {@code build-info.json}. A build reads its baseline and checks that its budgets name images of
 * the tree before compiling anything ({@link #start}); after the merge it measures the images,
 * writes the report and only then fails when a budget is exceeded.
 */
public final class MemoryReports {

    /** The JSON report's file name, in the tree's output directory. */
    public static final String JSON_FILE = "memory-report.json";
    /** The HTML report's file name, in the tree's output directory. */
    public static final String HTML_FILE = "memory-report.html";

    private final BuildRequest request;
    private final PreparedTree prepared;
    private final ReportSettings settings;
    private final Optional<Baseline> baseline;

    private MemoryReports(
            BuildRequest request, PreparedTree prepared, ReportSettings settings, Optional<Baseline> baseline) {
        this.request = request;
        this.prepared = prepared;
        this.settings = settings;
        this.baseline = baseline;
    }

    /**
     * Before a build of {@code prepared}: reads the baseline and checks that every budget names an
     * image of the tree, so a mistake there fails before anything is compiled.
     *
     * @throws InvalidConfigurationException for a missing or malformed baseline, or a budget of no image
     * @throws IOException when the baseline cannot be read
     */
    static MemoryReports start(BuildRequest request, PreparedTree prepared, ReportSettings settings)
            throws InvalidConfigurationException, IOException {
        for (Budget budget : settings.budgets()) {
            if (!prepared.images().containsKey(budget.image())) {
                throw new InvalidConfigurationException(budget.declaredIn() + ": a memory budget for image '"
                        + budget.image() + "', which is not part of this firmware (images: "
                        + String.join(", ", prepared.images().keySet()) + ")");
            }
        }
        Optional<Baseline> baseline = Optional.empty();
        if (settings.baseline().isPresent()) {
            ReportSettings.BaselineFile file = settings.baseline().get();
            baseline = Optional.of(Baseline.read(file.file(), file.label()));
        }
        return new MemoryReports(request, prepared, settings, baseline);
    }

    /**
     * The report of the images a build produced (or found up to date), as built ({@code built}:
     * an image's own HEX, not its signed one) and as signed ({@code signed}: the images the sign
     * step put in MCUboot-format slots).
     */
    FirmwareMemoryReport of(List<BuiltImage> built, Map<String, ImageSigner.Outcome> signed)
            throws FirmwareException, IOException {
        ImageDirectories dirs = ImageDirectories.of(request);
        List<ReportedImage> images = new ArrayList<>();
        for (BuiltImage image : built) {
            Optional<Path> elf = image.strategy().equals("from-source")
                    ? recordedElf(image.name(), dirs.of(image.name()))
                    : Optional.empty();
            Optional<SignedFraming> framing =
                    Optional.ofNullable(signed.get(image.name())).map(MemoryReports::framing);
            images.add(reported(request, image.name(), image.placement(), image.strategy(), elf, image.hex(), framing));
        }
        return FirmwareMemoryReport.of(images, layouts(request, prepared), baseline, settings.budgets());
    }

    /** What signing added around an image, from the signer's result. */
    private static SignedFraming framing(ImageSigner.Outcome outcome) {
        SignedImage signed = outcome.signed();
        long header = signed.header().headerSize();
        return new SignedFraming(
                outcome.slot().slot().name(),
                outcome.slot().header().name(),
                header,
                signed.size() - header - signed.header().imageSize(),
                signed.options().trailer().size());
    }

    /**
     * What signing added around an image at its last build, read back from its signed HEX: the
     * header's fields give the header and image sizes, the TLV info headers the TLV areas; the
     * trailer is laid out for the board's flash write block size.
     */
    private static Optional<SignedFraming> lastFraming(
            BuildRequest request, PreparedTree prepared, String image, ImagePlacement placement, Path imageDir)
            throws FirmwareException, IOException {
        if (placement.byLoadOffset()) {
            return Optional.empty();
        }
        Optional<SigningSlot> slot = SignStage.layoutOf(prepared, request, placement.domain())
                .flatMap(layout -> SigningSlots.find(image, placement.partition(), layout));
        if (slot.isEmpty() || !Files.isRegularFile(imageDir.resolve(slot.get().signedHexName()))) {
            return Optional.empty();
        }
        Path file = imageDir.resolve(slot.get().signedHexName());
        MemoryImage content;
        try {
            content = IntelHex.read(file);
        } catch (ImageFormatException e) {
            throw new InvalidConfigurationException(
                    "Memory report: " + request.layout().relative(file) + ": " + e.getMessage(), e);
        }
        long start = slot.get().slot().address();
        ImageHeader header = ImageHeader.decode(content.read(start, ImageFormat.HEADER_FIELDS_SIZE, (byte) 0xff));
        long tlvStart = start + header.headerSize() + header.imageSize();
        byte[] info = content.read(tlvStart + header.protectedTlvSize(), ImageFormat.TLV_INFO_SIZE, (byte) 0xff);
        if (littleEndian16(info, 0) != ImageFormat.TLV_INFO_MAGIC) {
            throw new InvalidConfigurationException(
                    "Memory report: " + request.layout().relative(file) + ": no MCUboot TLV area after the image at 0x"
                            + Long.toHexString(tlvStart));
        }
        long tlvs = header.protectedTlvSize() + littleEndian16(info, 2);
        int align = FlashGeometry.of(imageDir.resolve("zephyr.dts")).writeBlock();
        return Optional.of(new SignedFraming(
                slot.get().slot().name(),
                slot.get().header().name(),
                header.headerSize(),
                tlvs,
                new Trailer(align, Trailer.DEFAULT_MAX_SECTORS, false).size()));
    }

    /**
     * What {@code build-info.json} keeps of {@code report}: each image's figures ({@code memory})
     * and every domain's partitions ({@code layout}), what a later build compares with.
     */
    static BuildInfoExtras buildInfoFacts(FirmwareMemoryReport report) {
        BuildInfoExtras extras = new BuildInfoExtras();
        for (ReportedImage image : report.images()) {
            extras.image(image.name(), "memory", ReportJson.buildInfoMemory(image));
        }
        return extras.root("layout", ReportJson.buildInfoLayout(report));
    }

    /**
     * The report of what the last build of each image left, for a tree only prepared (configured
     * and placed, nothing compiled): the fill column of {@code firmware:partitions}. An image not
     * built yet is shown without figures.
     *
     * @throws FirmwareException when a file the last build left is malformed
     * @throws IOException when it cannot be read
     */
    public static FirmwareMemoryReport lastBuild(BuildRequest request, PreparedTree prepared)
            throws FirmwareException, IOException {
        ImageDirectories dirs = ImageDirectories.of(request);
        List<ReportedImage> images = new ArrayList<>();
        for (ConfiguredImage image : prepared.images().values()) {
            Path dir = dirs.of(image.name());
            String strategy = image.strategy().strategy().id();
            Optional<Path> elf = strategy.equals("from-source") ? recordedElf(image.name(), dir) : Optional.empty();
            ImagePlacement placement = prepared.placements().get(image.name());
            images.add(reported(
                    request,
                    image.name(),
                    placement,
                    strategy,
                    elf,
                    Optional.of(dir.resolve(image.name() + ".hex")),
                    lastFraming(request, prepared, image.name(), placement, dir)));
        }
        return FirmwareMemoryReport.of(images, layouts(request, prepared), Optional.empty(), List.of());
    }

    private static int littleEndian16(byte[] data, int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    /**
     * Writes {@code memory-report.json} and {@code memory-report.html} into {@code directory}
     * (each atomically, only when changed), logs one line per image, then enforces the budgets.
     *
     * @throws io.multiimage.core.report.BudgetExceededException when an image passes a budget; the
     *     files are written first
     * @throws IOException when a file cannot be written
     */
    static void write(FirmwareMemoryReport report, Path directory, BuildLog log)
            throws InvalidConfigurationException, IOException {
        boolean json = OutputFiles.writeIfChanged(directory.resolve(JSON_FILE), JsonText.of(ReportJson.of(report)));
        boolean html = OutputFiles.writeIfChanged(directory.resolve(HTML_FILE), HtmlReport.render(report));
        if (json || html) {
            log.info("Wrote " + JSON_FILE + " and " + HTML_FILE);
        }
        for (ReportedImage image : report.images()) {
            log.info("Memory: " + summary(image, report));
        }
        for (BudgetVerdict verdict : report.budgets()) {
            if (verdict.unchecked()) {
                log.warn("Memory budget not checked: " + verdict.describe());
            }
        }
        report.enforceBudgets();
    }

    /** {@code app (CPUAPP): flash 723 of 180224 bytes (0.4%), RAM 8 of 65536 bytes (0.0%); +12 B flash ...}. */
    private static String summary(ReportedImage image, FirmwareMemoryReport report) {
        ImageUsage usage = image.usage();
        StringBuilder line = new StringBuilder(image.name())
                .append(" (")
                .append(image.domain())
                .append("): ");
        if (usage.flash().isEmpty()) {
            return line.append(
                            usage.notes().isEmpty()
                                    ? "not measured"
                                    : usage.notes().get(0))
                    .toString();
        }
        line.append("flash ")
                .append(usage.flash().get().used())
                .append(" of ")
                .append(usage.flash().get().size())
                .append(" bytes (")
                .append(usage.flash().get().percent())
                .append("%), RAM ");
        line.append(usage.ram()
                .map(f -> f.used() + " of " + f.size() + " bytes (" + f.percent() + "%)")
                .orElse("unknown (" + (usage.source() == ImageUsage.Source.HEX ? "no ELF" : "not measured") + ")"));
        report.comparison().flatMap(c -> c.image(image.name())).ifPresent(change -> {
            if (change.status() == ImageChange.Status.NEW) {
                line.append("; new since the baseline");
            } else {
                line.append("; against the baseline: flash ")
                        .append(change.flashDelta().map(ImageChange::signed).orElse("?"))
                        .append(", RAM ")
                        .append(change.ramDelta().map(ImageChange::signed).orElse("?"));
            }
        });
        return line.toString();
    }

    /**
     * One image measured; files named relative to the project root, as in every message. Its ELF
     * and HEX hold the addresses it is linked at, which for an image seen through another alias
     * than the layout's ({@link ImagePlacement#linkedFlash()}) are not its partition's.
     */
    private static ReportedImage reported(
            BuildRequest request,
            String name,
            ImagePlacement placement,
            String strategy,
            Optional<Path> elf,
            Optional<Path> hex,
            Optional<SignedFraming> framing)
            throws FirmwareException, IOException {
        try {
            ImageUsage usage = ImageMeasurement.measure(
                    strategy, elf, hex, placement.linkedFlash(), placement.linkedRam(), request.layout()::relative);
            if (framing.isPresent()) {
                usage = usage.signed(framing.get());
            }
            return new ReportedImage(
                    name,
                    placement.domain(),
                    strategy,
                    placement.partition(),
                    placement.flash(),
                    placement.ram(),
                    placement.loadOffsetOrigin(),
                    usage,
                    placement.aliasShift());
        } catch (InvalidConfigurationException e) {
            e.blameImage(name);
            throw e;
        }
    }

    /** The ELF file the image's last completed build step recorded, if any. */
    private static Optional<Path> recordedElf(String image, Path dir) throws IOException {
        List<Path> elves = new StepLedger(dir)
                .recordedOutputs(BuildStage.STEP).stream()
                        .filter(f -> f.getFileName().toString().endsWith(".elf"))
                        .toList();
        return elves.stream()
                .filter(f -> f.getFileName().toString().equals(image + ".elf"))
                .findFirst()
                .or(() -> elves.stream().findFirst());
    }

    /** Every domain's layout under the domain's name: the partition manager names the top image's domain "". */
    private static List<DomainLayout> layouts(BuildRequest request, PreparedTree prepared) {
        String rootDomain = prepared.images().get(request.rootImage()).domain();
        return prepared.domains().stream()
                .map(domain -> new DomainLayout(domain.name().isEmpty() ? rootDomain : domain.name(), domain))
                .collect(Collectors.toList());
    }
}
