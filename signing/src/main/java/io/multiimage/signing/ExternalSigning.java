package io.multiimage.signing;

import io.multiimage.signing.format.Hex;
import io.multiimage.signing.keys.KeyType;
import io.multiimage.signing.keys.VerificationKey;

/**
 * Sign-later, for keys held in an HSM or a signing service. A first build
 * {@linkplain #prepare prepares} a {@link SigningRequest} and writes its
 * {@linkplain SigningRequest#bytesToSign() bytes to sign}; the signer signs them; a later build,
 * from the same image and options, {@linkplain #complete completes} the image with the detached
 * signature and the public key — and fails, writing nothing, if the signature does not verify.
 *
 * <p>Everything a signature covers is deterministic (header, image, protected TLVs), so the later
 * build needs no state from the first: the same inputs give the same bytes to sign.
 *
 * <pre>{@code
 * // build 1
 * SigningRequest request = ExternalSigning.prepare(appBytes, options, KeyType.ED25519);
 * Files.write(target.resolve("app.to-sign"), request.bytesToSign());
 * // build 2, with the signature the HSM returned
 * byte[] signature = DetachedSignature.decode(Files.readAllBytes(sigFile), publicKey.type(), sigFile.toString());
 * SignedImage signed = ExternalSigning.complete(appBytes, options, publicKey, signature);
 * }</pre>
 */
public final class ExternalSigning {

    private ExternalSigning() {}

    /**
     * The request an external signer must fulfil for {@code image}.
     *
     * @throws SigningException the image lacks its zeroed header space
     */
    public static SigningRequest prepare(byte[] image, SignOptions options, KeyType keyType) throws SigningException {
        UnsignedPayload payload = UnsignedPayload.of(image, options);
        return new SigningRequest(keyType, payload.payload(), payload.digest());
    }

    /**
     * The signed image from {@code image}, the options it was prepared with, the signer's public
     * key and its detached signature (use {@link DetachedSignature#decode} for signature files).
     *
     * @throws SigningException       the signature does not verify with {@code key} over this
     *                                image's payload (no image is produced)
     * @throws ImageTooLargeException the signed image and its trailer do not fit the slot
     */
    public static SignedImage complete(byte[] image, SignOptions options, VerificationKey key, byte[] signature)
            throws SigningException {
        UnsignedPayload payload = UnsignedPayload.of(image, options);
        byte[] value = key.type() == KeyType.ECDSA_P256
                        && !DetachedSignature.isDerSignature(signature)
                        && signature.length == 64
                ? DetachedSignature.decode(signature, key.type(), "the signature")
                : signature;
        if (!key.verify(payload.payloadView(), payload.digest(), value)) {
            throw new SigningException("the detached " + key.type() + " signature does not verify with the public key"
                    + " (SHA-256 " + key.keyHashHex() + ") over this image (SHA-256 " + Hex.of(payload.digest())
                    + "): it was made with another key, over other bytes (the image or the signing options changed"
                    + " since the signing request was made), or with other parameters than the request asks for;"
                    + " no image was written");
        }
        return payload.complete(key, value);
    }
}
