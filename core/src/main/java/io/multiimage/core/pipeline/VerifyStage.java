package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.sign.SlotPartition;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.verify.BootTarget;
import io.multiimage.core.verify.ExpectedImage;
import io.multiimage.core.verify.MergedImageVerifier;
import io.multiimage.core.verify.VerificationReport;
import io.multiimage.hex.ImageFormatException;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.partition.OutputDomain;
import io.multiimage.signing.keys.VerificationKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verify step: each merged file of the tree checked against the layout it was merged for
 * ({@link MergedImageVerifier}): every image's vector table inside its partition, every MCUboot
 * image's header, hash and signature, every bootloader's next stage where the layout puts it. Run
 * at the end of every whole-tree build (it reads the merged files once: milliseconds) and by
 * {@code firmware:verify}, also on a HEX file given by path.
 */
final class VerifyStage {

    private final BuildLog log;

    VerifyStage(BuildLog log) {
        this.log = log;
    }

    /**
     * Verifies the merged file of each domain.
     *
     * @param merged merged file name → path, as the assemble step wrote them
     * @param bootTargets per prebuilt image, the boot targets its published metadata records
     */
    void run(
            PreparedTree prepared,
            BuildRequest request,
            Map<String, Path> merged,
            Optional<VerificationKey> key,
            Map<String, ExpectedBoots> bootTargets)
            throws FirmwareException, IOException {
        String rootDomain = prepared.images().get(request.rootImage()).domain();
        for (String domain : domains(prepared)) {
            String fileName = domain.equals(rootDomain) ? "merged.hex" : "merged_" + domain + ".hex";
            Path file = merged.get(fileName);
            if (file == null) {
                continue;
            }
            VerificationReport report =
                    verify(prepared, request, domain, file, request.layout().relative(file), key, bootTargets);
            report.requireValid();
            log.info("Verified " + fileName + ": " + report.checked().size() + " checks passed");
            for (String line : report.checked()) {
                log.debug("  " + line);
            }
        }
    }

    /** The boot targets of a prebuilt image as its metadata records them, and where they come from. */
    record ExpectedBoots(List<BootTarget> targets, String origin) {}

    /** Verifies {@code file} as the merged file of {@code domain}. */
    static VerificationReport verify(
            PreparedTree prepared,
            BuildRequest request,
            String domain,
            Path file,
            String label,
            Optional<VerificationKey> key,
            Map<String, ExpectedBoots> bootTargets)
            throws FirmwareException, IOException {
        MemoryImage image;
        try {
            image = IntelHex.read(file);
        } catch (ImageFormatException e) {
            throw new InvalidConfigurationException(label + ": " + e.getMessage(), e);
        }
        Optional<OutputDomain> layout = SignStage.layoutOf(prepared, request, domain);
        Map<String, SlotPartition> partitions = new LinkedHashMap<>();
        layout.ifPresent(l -> l.partitions()
                .keySet()
                .forEach(name -> SigningSlots.partition(l.partitions(), name).ifPresent(p -> partitions.put(name, p))));
        return MergedImageVerifier.verify(
                label, image, expectations(prepared, request, domain, layout, bootTargets), partitions, key);
    }

    private static List<ExpectedImage> expectations(
            PreparedTree prepared,
            BuildRequest request,
            String domain,
            Optional<OutputDomain> layout,
            Map<String, ExpectedBoots> bootTargets) {
        List<ExpectedImage> out = new ArrayList<>();
        for (ConfiguredImage image : prepared.images().values()) {
            ImagePlacement placement = prepared.placements().get(image.name());
            if (!image.domain().equals(domain)
                    || placement == null
                    || image.strategy().strategy() instanceof BuildStrategy.Skip) {
                continue;
            }
            // The merged file holds each image at the addresses it is linked at: an image linked at a
            // memory alias (a secure image in a non-secure application's domain) is found there.
            SlotPartition own = new SlotPartition(
                    placement.partition(),
                    placement.linkedFlash().origin(),
                    placement.linkedFlash().size());
            Optional<io.multiimage.core.sign.SigningSlot> slot = layout.filter(l -> !placement.byLoadOffset())
                    .flatMap(l -> SigningSlots.find(image.name(), placement.partition(), l));
            List<BootTarget> boots = List.of();
            String origin = "built for this layout";
            ExpectedBoots published = bootTargets.get(image.name());
            if (published != null) {
                boots = published.targets();
                origin = published.origin();
            } else if (image.fromSource()) {
                boots = BootChain.targets(image.name(), prepared, request);
            }
            out.add(new ExpectedImage(image.name(), own, placement.linkedRam(), slot, boots, origin));
        }
        return out;
    }

    private static List<String> domains(PreparedTree prepared) {
        List<String> domains = new ArrayList<>();
        for (ConfiguredImage image : prepared.images().values()) {
            if (!domains.contains(image.domain())) {
                domains.add(image.domain());
            }
        }
        return domains;
    }
}
