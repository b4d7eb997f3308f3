package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.lock.ImageLayout;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexCoordinates;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.verify.BootTarget;
import io.multiimage.partition.OutputDomain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Before anything is built: every image taken prebuilt by coordinates is checked against the
 * layout it was published with ({@link ImageLayout}): its partition must start where it was built
 * for, and every partition it boots into must start where it was built to jump. A
 * disagreement fails the build with a table; an image published without a layout is named in the log.
 */
final class PrebuiltLayoutStage {

    private final BuildLog log;

    PrebuiltLayoutStage(BuildLog log) {
        this.log = log;
    }

    /** Checks the prebuilt images this invocation takes; returns their published boot targets for the verify step. */
    Map<String, VerifyStage.ExpectedBoots> run(
            PreparedTree prepared, BuildRequest request, HexArtifactResolver resolver)
            throws FirmwareException, IOException {
        Map<String, VerifyStage.ExpectedBoots> boots = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ConfiguredImage image : prepared.images().values()) {
            if (!request.scope().includes(image.name())
                    || !(image.strategy().strategy() instanceof BuildStrategy.UseHex useHex)
                    || !(useHex.source() instanceof HexCoordinates coordinates)
                    || coordinates.classifier().isPresent()) {
                continue;
            }
            ImagePlacement placement = prepared.placements().get(image.name());
            Optional<OutputDomain> layout = SignStage.layoutOf(prepared, request, placement.domain());
            Optional<Path> file = resolver.resolveLayout(coordinates);
            if (file.isEmpty() || layout.isEmpty()) {
                log.info(image.name() + ": " + coordinates.describe() + " was published without its layout"
                        + " (image-layout.txt): the addresses it boots into cannot be checked");
                continue;
            }
            String origin = "as published with " + coordinates.describe();
            ImageLayout built = ImageLayout.read(file.get(), coordinates.describe() + ":layout");
            SlotPartition was = built.partition();
            // The image is linked at its partition's start; a partition of another size holds it as
            // long as its data fits, which the build step checks.
            if (was.address() != placement.flash().origin()) {
                problems.add(String.format(
                        Locale.ROOT,
                        "  %-8s partition %-16s built for 0x%08x-0x%08x (0x%x bytes),"
                                + " this layout: 0x%08x-0x%08x (0x%x bytes)",
                        image.name(),
                        was.name(),
                        was.address(),
                        was.end(),
                        was.size(),
                        placement.flash().origin(),
                        placement.flash().end(),
                        placement.flash().size()));
            }
            for (BootTarget target : built.bootsInto()) {
                Optional<SlotPartition> now =
                        SigningSlots.partition(layout.get().partitions(), target.partition());
                if (now.isEmpty()) {
                    problems.add(String.format(
                            Locale.ROOT,
                            "  %-8s boots into %-14s at 0x%08x, this layout has no" + " partition %s",
                            image.name(),
                            target.partition(),
                            target.address(),
                            target.partition()));
                } else if (now.get().address() != target.address()) {
                    problems.add(String.format(
                            Locale.ROOT,
                            "  %-8s boots into %-14s at 0x%08x, this layout puts it" + " at 0x%08x",
                            image.name(),
                            target.partition(),
                            target.address(),
                            now.get().address()));
                }
            }
            boots.put(image.name(), new VerifyStage.ExpectedBoots(built.bootsInto(), origin));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException("This layout disagrees with the layout prebuilt images were built"
                    + " for (their published image-layout.txt); a released bootloader jumps to the address it was"
                    + " compiled for:\n" + String.join("\n", problems) + "\nKeep the released partitions in"
                    + " pm_static.yml as they were, or take a bootloader built for this layout");
        }
        return boots;
    }
}
