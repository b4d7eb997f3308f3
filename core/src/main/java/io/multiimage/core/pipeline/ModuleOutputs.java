package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.lock.ImageLayout;
import io.multiimage.core.sign.SlotPartition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a module publishes besides its HEX, written after the build and sign steps: each image's
 * {@code image-layout.txt} and, for an image signed for a slot other than MCUboot's application
 * slot, its signed HEX.
 */
final class ModuleOutputs {

    private ModuleOutputs() {}

    /**
     * Writes {@code image-layout.txt} (the partition and the boot targets it was built for) beside
     * every image built from source here; the module publishes its own image's (classifier {@code layout}).
     */
    static List<PublishedFile> writeImageLayouts(
            List<BuiltImage> built,
            String moduleImage,
            PreparedTree prepared,
            BuildRequest request,
            ImageDirectories dirs)
            throws FirmwareException, IOException {
        List<PublishedFile> published = new ArrayList<>();
        for (BuiltImage image : built) {
            if (!image.strategy().equals("from-source") || image.placement().byLoadOffset()) {
                continue;
            }
            ImagePlacement placement = image.placement();
            ImageLayout layout = new ImageLayout(
                    image.name(),
                    new SlotPartition(
                            placement.partition(),
                            placement.flash().origin(),
                            placement.flash().size()),
                    BootChain.targets(image.name(), prepared, request));
            Path file = dirs.of(image.name()).resolve(ImageLayout.FILE_NAME);
            OutputFiles.writeIfChanged(file, layout.text());
            if (image.name().equals(moduleImage)) {
                published.add(new PublishedFile("layout", "txt", file));
            }
        }
        return published;
    }

    /**
     * The module's own image signed for a slot that is not MCUboot's application slot (whose files
     * the top module publishes under NCS's names), published with classifier {@code signed}.
     */
    static List<PublishedFile> ownSignedImage(String moduleImage, SignStage.Result signing, ImageDirectories dirs)
            throws InvalidConfigurationException {
        var outcome = signing.signed().get(moduleImage);
        if (outcome == null
                || outcome.slot().isMcubootApplication()
                || outcome.request().isPresent()) {
            return List.of();
        }
        Path file = dirs.of(moduleImage).resolve(outcome.slot().signedHexName());
        return List.of(new PublishedFile("signed", "hex", file));
    }
}
