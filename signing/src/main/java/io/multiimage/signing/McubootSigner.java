package io.multiimage.signing;

import io.multiimage.signing.keys.SigningKey;
import io.multiimage.signing.keys.VerificationKey;
import java.util.Objects;

/**
 * Signs images in MCUboot's format, byte for byte as imgtool 2.4 does wherever the algorithm is
 * deterministic (Ed25519 and hash-only images).
 *
 * <pre>{@code
 * SigningKey key = PemKeys.readPrivateKey(Path.of("keys/app.pem"), passphrase);
 * SignedImage signed = McubootSigner.sign(appBytes, options, key);
 * Files.write(Path.of("app_update.bin"), signed.binary());
 * PlacedImage hex = signed.placedAtSlot(primarySlotAddress);   // for app_signed.hex
 * }</pre>
 */
public final class McubootSigner {

    private McubootSigner() {}

    /**
     * Signs {@code image}.
     *
     * @param image   the image bytes; with {@code padHeader} the header is added in front,
     *                otherwise the image must start with {@code headerSize} zero bytes
     * @param options header size, alignment, version, slot size and the rest
     * @param key     the signing key
     * @throws ImageTooLargeException the signed image and its trailer do not fit the slot
     * @throws SigningException       the image lacks its zeroed header space
     */
    public static SignedImage sign(byte[] image, SignOptions options, SigningKey key) throws SigningException {
        Objects.requireNonNull(key, "key (use hashOnly for an unsigned image)");
        UnsignedPayload payload = UnsignedPayload.of(image, options);
        byte[] hashed = payload.payloadView();
        byte[] digest = payload.digest();
        byte[] signature = key.sign(hashed, digest);
        VerificationKey publicKey = key.publicKey();
        // Never hand out an image that does not verify: a key file whose stored public key does
        // not belong to its private key would otherwise produce one.
        if (!publicKey.verify(hashed, digest, signature)) {
            throw new SigningException("the signature made with the " + key.type() + " key does not verify with"
                    + " the public key stored in the same key file: the key file is inconsistent");
        }
        return payload.complete(publicKey, signature);
    }

    /**
     * An unsigned image: header and a SHA256 TLV only (imgtool without {@code --key}).
     *
     * @throws ImageTooLargeException the image and its trailer do not fit the slot
     * @throws SigningException       the image lacks its zeroed header space
     */
    public static SignedImage hashOnly(byte[] image, SignOptions options) throws SigningException {
        return UnsignedPayload.of(image, options).complete(null, null);
    }
}
