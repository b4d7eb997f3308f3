package io.multiimage.core.pipeline;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.sign.FlashGeometry;
import io.multiimage.core.sign.ImageSigner;
import io.multiimage.core.sign.SigningConfig;
import io.multiimage.core.sign.SigningKeys;
import io.multiimage.core.sign.SigningSlot;
import io.multiimage.core.sign.SigningSlots;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.hex.ImageFormatException;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.partition.OutputDomain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign step, between build and assemble: every image the layout puts in an MCUboot-format
 * slot ({@link SigningSlots}) is signed for it, and the merge takes the signed HEX. The files go
 * into the image's own build directory ({@code <prefix>_signed.hex}, {@code <prefix>_update.bin},
 * {@code <prefix>_test_update.hex}, {@code <prefix>_moved_test_update.hex}; {@code <image>.to-sign}
 * in sign-later mode), written only when their content changes. The image's own HEX, the module's
 * main artifact, stays as it was built.
 */
final class SignStage {

    private final BuildRequest request;
    private final PreparedTree prepared;
    private final SigningConfig config;
    private final BuildLog log;
    private ImageSigner signer;
    private SigningKeys keys;

    SignStage(BuildRequest request, PreparedTree prepared, SigningConfig config, BuildLog log) {
        this.request = request;
        this.prepared = prepared;
        this.config = config;
        this.log = log;
    }

    /**
     * What signing gave.
     *
     * @param images the built images, each signed one's HEX replaced by its signed HEX (for the merge)
     * @param signed image name → how it was signed
     * @param version the image version, when anything was signed
     * @param publicKey the key the signed images verify with; empty when none was read
     * @param configuredKey the key configured for signing (also while sign-later waits); empty when none
     */
    record Result(
            List<BuiltImage> images,
            Map<String, ImageSigner.Outcome> signed,
            Optional<io.multiimage.signing.ImageVersion> version,
            Optional<io.multiimage.signing.keys.VerificationKey> publicKey,
            Optional<io.multiimage.signing.keys.VerificationKey> configuredKey) {

        /** Per signed image: slot, header, version, how it was signed and the signed image's sha256. */
        BuildInfoExtras facts() {
            BuildInfoExtras extras = new BuildInfoExtras();
            for (ImageSigner.Outcome outcome : signed.values()) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("slot", partitionNode(outcome.slot().slot()));
                node.put("header", partitionNode(outcome.slot().header()));
                outcome.slot().secondary().ifPresent(s -> node.put("secondary", partitionNode(s)));
                node.put("version", outcome.signed().header().version().toString());
                node.put("signedBy", outcome.signedBy());
                node.put(
                        "hashTlv",
                        io.multiimage.signing.format.Hex.of(outcome.signed().digest()));
                extras.image(outcome.slot().image(), "signing", node);
            }
            return extras;
        }

        private static Map<String, Object> partitionNode(io.multiimage.core.sign.SlotPartition partition) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", partition.name());
            node.put("address", "0x" + Long.toHexString(partition.address()));
            node.put("size", "0x" + Long.toHexString(partition.size()));
            return node;
        }
    }

    Result run(List<BuiltImage> built, ImageDirectories dirs) throws FirmwareException, IOException {
        List<BuiltImage> images = new ArrayList<>();
        Map<String, ImageSigner.Outcome> signed = new LinkedHashMap<>();
        for (BuiltImage image : built) {
            Optional<SigningSlot> slot = slotOf(image);
            if (slot.isEmpty() || image.hex().isEmpty()) {
                images.add(image);
                continue;
            }
            try {
                ImageSigner.Outcome outcome = sign(image, slot.get(), dirs.of(image.name()));
                signed.put(image.name(), outcome);
                images.add(withSignedHex(image, outcome, dirs.of(image.name())));
            } catch (FirmwareException e) {
                e.blameImage(image.name());
                throw e;
            }
        }
        return new Result(
                images,
                signed,
                signer == null ? Optional.empty() : Optional.of(signer.version()),
                // While sign-later waits for signatures the merged images carry hashes only.
                keys == null || (config.signLater() && !config.completesSignatures())
                        ? Optional.empty()
                        : keys.publicKey(),
                keys == null ? Optional.empty() : keys.publicKey());
    }

    /** The slot the layout puts {@code image} in, if any. */
    private Optional<SigningSlot> slotOf(BuiltImage image) {
        ImagePlacement placement = image.placement();
        if (placement.byLoadOffset()) {
            return Optional.empty();
        }
        return layoutOf(prepared, request, placement.domain())
                .flatMap(layout -> SigningSlots.find(image.name(), placement.partition(), layout));
    }

    /** The layout of {@code domain} ({@code ""} in the layout for the top image's domain). */
    static Optional<OutputDomain> layoutOf(PreparedTree prepared, BuildRequest request, String domain) {
        String rootDomain = prepared.images().get(request.rootImage()).domain();
        String name = domain.equals(rootDomain) ? "" : domain;
        return prepared.domains().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private ImageSigner.Outcome sign(BuiltImage image, SigningSlot slot, Path imageDir)
            throws FirmwareException, IOException {
        MemoryImage content;
        try {
            content = IntelHex.read(image.hex().orElseThrow());
        } catch (ImageFormatException e) {
            throw new InvalidConfigurationException("Image '" + image.name() + "': " + e.getMessage(), e);
        }
        int alignment = FlashGeometry.of(imageDir.resolve("zephyr.dts")).writeBlock();
        ImageSigner.Outcome outcome = signer().sign(slot, content, alignment);
        boolean changed = false;
        for (Map.Entry<String, byte[]> file : outcome.files().entrySet()) {
            changed |= OutputFiles.writeIfChanged(imageDir.resolve(file.getKey()), file.getValue());
        }
        if (outcome.request().isPresent()) {
            Path toSign = imageDir.resolve(image.name() + ".to-sign");
            OutputFiles.writeIfChanged(toSign, outcome.request().get().bytesToSign());
            log.warn(image.name() + ": sign-later: " + outcome.request().get().instructions() + "; the bytes are in "
                    + request.layout().relative(toSign) + ", the signature goes to " + image.name()
                    + ".sig in <signing><signatureDirectory>. Until then the images in the merged HEX carry their hash"
                    + " only");
        } else if (config.hashOnly()) {
            log.warn(image.name() + ": not signed: no <signing><keyFile> is configured, so the image in slot "
                    + slot.slot().name() + " carries its SHA-256 only");
        }
        String line = image.name() + ": signed for " + slot.slot().describe() + ", header "
                + slot.header().name()
                + " (0x" + Long.toHexString(slot.header().size()) + " bytes), version " + signer().version() + ", "
                + outcome.signedBy();
        if (changed) {
            log.info(line);
        } else {
            log.debug(line + " (up to date)");
        }
        return outcome;
    }

    private ImageSigner signer() throws InvalidConfigurationException, IOException {
        if (signer == null) {
            String buildType =
                    prepared.images().get(request.rootImage()).context().buildType();
            keys = SigningKeys.load(config, buildType);
            signer = new ImageSigner(config, keys);
        }
        return signer;
    }

    private static BuiltImage withSignedHex(BuiltImage image, ImageSigner.Outcome outcome, Path imageDir)
            throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>(image.outputs());
        for (String name : outcome.files().keySet()) {
            outputs.put(name, Fingerprint.sha256(imageDir.resolve(name)));
        }
        Path signedHex = imageDir.resolve(outcome.slot().signedHexName());
        return new BuiltImage(
                image.name(),
                image.placement(),
                image.strategy(),
                image.strategyOrigin(),
                Optional.of(signedHex),
                image.hexOrigin(),
                image.upToDate(),
                image.inputs(),
                outputs);
    }
}
