package io.multiimage.core.sign;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.signing.DetachedSignature;
import io.multiimage.signing.ExternalSigning;
import io.multiimage.signing.ImageVersion;
import io.multiimage.signing.McubootSigner;
import io.multiimage.signing.PlacedImage;
import io.multiimage.signing.SignOptions;
import io.multiimage.signing.SignedImage;
import io.multiimage.signing.SigningException;
import io.multiimage.signing.SigningRequest;
import io.multiimage.signing.keys.VerificationKey;
import io.multiimage.signing.ncs.NcsOutputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs one image for its slot, from bytes to the files NCS makes: {@code <prefix>_signed.hex},
 * {@code <prefix>_update.bin} and, where the layout has a secondary slot,
 * {@code <prefix>_test_update.hex} and {@code <prefix>_moved_test_update.hex}. The header size,
 * slot size and addresses come from the {@link SigningSlot}; the alignment from the board.
 */
public final class ImageSigner {

    private final SigningConfig config;
    private final SigningKeys keys;
    private final ImageVersion version;

    /**
     * A signer with the build's configuration and keys.
     *
     * @throws InvalidConfigurationException the version is not valid or the POM version does not map to one
     */
    public ImageSigner(SigningConfig config, SigningKeys keys) throws InvalidConfigurationException {
        this.config = config;
        this.keys = keys;
        this.version = version(config);
    }

    /** The image version of {@code config}: the declared one, else the POM version's. */
    public static ImageVersion version(SigningConfig config) throws InvalidConfigurationException {
        try {
            if (config.version().isPresent()) {
                return ImageVersion.parse(config.version().get());
            }
            return ImageVersion.fromMavenVersion(config.projectVersion());
        } catch (SigningException e) {
            String where = config.version().isPresent()
                    ? "<signing><version> (firmware.signing.version)"
                    : "the project version";
            throw new InvalidConfigurationException("Signing: " + where + ": " + e.getMessage(), e);
        }
    }

    /** The version images are signed with. */
    public ImageVersion version() {
        return version;
    }

    /**
     * What signing {@code image} gave.
     *
     * @param slot where it sits
     * @param signed the image as it goes into the merged HEX (hash only while a sign-later request is open)
     * @param request the sign-later request, when the build writes one instead of signing
     * @param files output file name → content, in NCS's order
     * @param signedBy how it was signed, for the log and build-info.json
     */
    public record Outcome(
            SigningSlot slot,
            SignedImage signed,
            Optional<SigningRequest> request,
            Map<String, byte[]> files,
            String signedBy) {}

    /**
     * Signs {@code content}, the image as built, for {@code slot}.
     *
     * @param alignment the flash write block size
     * @throws InvalidConfigurationException the image is not where the slot puts it, does not fit
     *     (both sizes named), or a sign-later signature is missing or does not verify
     */
    public Outcome sign(SigningSlot slot, MemoryImage content, int alignment)
            throws InvalidConfigurationException, IOException {
        SlotPartition partition = slot.partition();
        long dataEnd = content.span().map(span -> span.end()).orElse(partition.address());
        if (content.span().isEmpty() || content.span().get().start() != partition.address()) {
            throw new InvalidConfigurationException(what(slot) + ": the image must start at its partition "
                    + partition.describe() + ", right after the MCUboot header pad "
                    + slot.header().describe()
                    + ", but its data "
                    + content.span().map(s -> "starts at " + hex(s.start())).orElse("is empty"));
        }
        byte[] bytes = content.read(partition.address(), (int) (dataEnd - partition.address()), (byte) 0xff);
        SignOptions options = options(slot, alignment);
        try {
            SignedImage signed;
            Optional<SigningRequest> request = Optional.empty();
            String signedBy;
            if (config.completesSignatures()) {
                signed = complete(slot, bytes, options, keys.publicKey().orElseThrow());
                signedBy = "detached signature " + signatureFile(slot).getFileName() + " ("
                        + keys.publicKey().get() + ")";
            } else if (config.signLater()) {
                request = Optional.of(ExternalSigning.prepare(
                        bytes, options, keys.publicKey().orElseThrow().type()));
                signed = McubootSigner.hashOnly(bytes, options);
                signedBy = "hash only, waiting for a detached signature (sign-later)";
            } else if (keys.signingKey().isPresent()) {
                signed = McubootSigner.sign(bytes, options, keys.signingKey().get());
                signedBy = "key " + config.keyLabel() + " ("
                        + keys.signingKey().get().publicKey() + ")";
            } else {
                signed = McubootSigner.hashOnly(bytes, options);
                signedBy = "hash only (no signing key configured)";
            }
            return new Outcome(slot, signed, request, files(slot, signed, request.isEmpty()), signedBy);
        } catch (SigningException e) {
            throw new InvalidConfigurationException(what(slot) + ": " + e.getMessage(), e);
        }
    }

    private SignOptions options(SigningSlot slot, int alignment) throws InvalidConfigurationException {
        try {
            return SignOptions.builder()
                    .headerSize((int) slot.header().size())
                    .padHeader(true)
                    .align(config.align().orElse(alignment))
                    .version(version)
                    .slotSize(slot.slot().size())
                    .build();
        } catch (SigningException e) {
            throw new InvalidConfigurationException(what(slot) + ": " + e.getMessage(), e);
        }
    }

    private SignedImage complete(SigningSlot slot, byte[] bytes, SignOptions options, VerificationKey key)
            throws InvalidConfigurationException, IOException, SigningException {
        Path file = signatureFile(slot);
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigurationException(what(slot) + ": the detached signature " + file
                    + " does not exist; sign " + slot.image() + ".to-sign from the sign-later build and put the"
                    + " signature there (<signing><signatureDirectory>)");
        }
        byte[] signature = DetachedSignature.decode(Files.readAllBytes(file), key.type(), file.toString());
        return ExternalSigning.complete(bytes, options, key, signature);
    }

    /** Where sign-later's signature of {@code slot}'s image is read from: {@code <signatureDirectory>/<image>.sig}. */
    public Path signatureFile(SigningSlot slot) {
        return config.signatureDirectory().orElseThrow().resolve(slot.image() + ".sig");
    }

    private static Map<String, byte[]> files(SigningSlot slot, SignedImage signed, boolean complete)
            throws SigningException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (slot.secondary().isPresent()) {
            NcsOutputs ncs = NcsOutputs.of(
                    slot.prefix(),
                    signed,
                    slot.slot().address(),
                    slot.secondary().get().address());
            files.put(slot.signedHexName(), hexText(ncs.signedHex()));
            if (complete) {
                files.put(slot.updateBinName(), ncs.updateBin());
                files.put(slot.testUpdateHexName(), hexText(ncs.testUpdateHex()));
                files.put(slot.movedTestUpdateHexName(), hexText(ncs.movedTestUpdateHex()));
            }
        } else {
            files.put(
                    slot.signedHexName(),
                    hexText(signed.placedAtSlot(slot.slot().address())));
            if (complete) {
                files.put(slot.updateBinName(), signed.binary());
            }
        }
        return files;
    }

    /** Intel HEX text of {@code placed}, as every HEX of the build is written. */
    public static byte[] hexText(PlacedImage placed) {
        MemoryImage image = new MemoryImage();
        for (PlacedImage.Chunk chunk : placed.chunks()) {
            image.write(chunk.address(), chunk.bytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            IntelHex.write(image, out, IntelHex.WriteOptions.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String what(SigningSlot slot) {
        return "Signing image '" + slot.image() + "' for slot " + slot.slot().name();
    }

    private static String hex(long value) {
        return String.format("0x%08x", value);
    }
}
