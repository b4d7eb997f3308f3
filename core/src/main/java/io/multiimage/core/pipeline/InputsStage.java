package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.core.toolchain.GnuArmToolchain;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.partition.LayoutFileNames;
import io.multiimage.partition.OutputDomain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * States the inputs of a prepared tree's images without building them: for each image in the
 * request's scope, the build step's own fingerprint ({@link BuildStage#inputsOf}), with, for a
 * {@code gnu-arm} image, the project files its compiler may read besides
 * ({@link CompilerReadFiles}); for a whole tree, the layout files too.
 */
final class InputsStage {

    private final BuildRequest request;
    private final BuildStage stage;

    InputsStage(BuildRequest request, BuildStage stage) {
        this.request = request;
        this.stage = stage;
    }

    TreeInputs run(PreparedTree prepared, ImageDirectories dirs)
            throws FirmwareException, IOException, InterruptedException {
        Map<String, ImageInputs> images = new LinkedHashMap<>();
        for (ConfiguredImage image : prepared.images().values()) {
            if (!request.scope().includes(image.name())) {
                continue;
            }
            ImagePlacement placement = prepared.placements().get(image.name());
            try {
                images.put(
                        image.name(),
                        inputsOf(
                                image,
                                placement,
                                signingSlot(prepared, placement, image.name()),
                                dirs.of(image.name())));
            } catch (FirmwareException e) {
                e.blameImage(image.name());
                throw e;
            }
        }
        SortedMap<String, String> layouts = new TreeMap<>();
        if (request.scope().isWholeTree()) {
            for (OutputDomain domain : prepared.domains()) {
                for (String name : new LayoutFileNames(domain.name()).all()) {
                    Path file = dirs.root().resolve(name);
                    if (Files.isRegularFile(file)) {
                        layouts.put(name, Fingerprint.sha256(file));
                    }
                }
            }
        }
        return new TreeInputs(images, layouts);
    }

    /** The slot the build signs {@code image} for, found as the sign step finds it. */
    private Optional<String> signingSlot(PreparedTree prepared, ImagePlacement placement, String image) {
        if (placement.byLoadOffset()) {
            return Optional.empty();
        }
        return SignStage.layoutOf(prepared, request, placement.domain())
                .flatMap(layout -> SigningSlots.find(image, placement.partition(), layout))
                .map(slot -> slot.slot().name());
    }

    private ImageInputs inputsOf(
            ConfiguredImage image, ImagePlacement placement, Optional<String> signingSlot, Path imageDir)
            throws FirmwareException, IOException, InterruptedException {
        SortedMap<String, String> entries =
                new TreeMap<>(stage.inputsOf(image, placement, imageDir).entries());
        BuildStrategy strategy = image.strategy().strategy();
        if (strategy instanceof BuildStrategy.FromSource
                && image.context().toolchain().equals(GnuArmToolchain.ID)) {
            ImageSources sources =
                    request.sourcesOf(image.name(), image.context().imageDir());
            entries.putAll(CompilerReadFiles.of(
                    request.layout().root(),
                    sources.sourceDirectory(),
                    BuildStage.extraArgsOf(image, sources),
                    BuildStage.C_SOURCES));
        }
        Optional<String> hexOrigin = strategy instanceof BuildStrategy.UseHex useHex
                ? Optional.of(useHex.source().describe())
                : Optional.empty();
        return new ImageInputs(
                image.name(),
                strategy.id(),
                image.strategy().origin(),
                hexOrigin,
                describe(placement),
                signingSlot,
                entries);
    }

    /** The placement as one line: domain, how it was placed, flash, RAM. */
    private static String describe(ImagePlacement placement) {
        return (placement.domain().isEmpty() ? "" : "domain " + placement.domain() + ", ") + placement.describe()
                + (placement.staticPartition() ? " (static)" : "") + ", flash " + placement.flash()
                + " in flash from " + MemoryRegion.hex(placement.flashBase())
                + ", ram " + placement.ram();
    }
}
