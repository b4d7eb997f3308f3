package io.multiimage.signing;

import io.multiimage.signing.format.Hex;
import io.multiimage.signing.keys.KeyType;

/**
 * What an external signer (an HSM, a signing service) must sign for an image, from
 * {@link ExternalSigning#prepare}. The build writes {@link #bytesToSign()} to a file; a later
 * build takes the detached signature and {@linkplain ExternalSigning#complete completes} the
 * image from the same inputs.
 */
public final class SigningRequest {

    private final KeyType keyType;
    private final byte[] payload;
    private final byte[] digest;

    SigningRequest(KeyType keyType, byte[] payload, byte[] digest) {
        this.keyType = keyType;
        this.payload = payload;
        this.digest = digest;
    }

    /** The algorithm the signature must be made with. */
    public KeyType keyType() {
        return keyType;
    }

    /**
     * Header, image and protected TLV area: imgtool's {@code --vector-to-sign payload}. ECDSA
     * and RSA signers hash it with SHA-256 as part of signing.
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The SHA-256 of {@link #payload()}: imgtool's {@code --vector-to-sign digest}, the message
     * Ed25519 signs; also what a signer that takes pre-hashed input (PKCS#11 {@code CKM_ECDSA},
     * a cloud KMS "digest" call) signs for ECDSA P-256 or RSA-PSS with SHA-256.
     */
    public byte[] digest() {
        return digest.clone();
    }

    /**
     * The bytes the signer signs as its message, as imgtool 2.x signs: the 32-byte digest for
     * Ed25519, the payload for ECDSA and RSA.
     */
    public byte[] bytesToSign() {
        return keyType.signsDigest() ? digest() : payload();
    }

    /** One line saying how to sign {@link #bytesToSign()}, for the build log and the signing team. */
    public String instructions() {
        switch (keyType) {
            case ED25519:
                return "sign the " + digest.length + " bytes (the image's SHA-256 " + Hex.of(digest)
                        + ") as the message with Ed25519 (pure Ed25519, not Ed25519ph); the signature is 64 bytes";
            case ECDSA_P256:
                return "sign the " + payload.length + " bytes with ECDSA P-256 and SHA-256 (their SHA-256 is "
                        + Hex.of(digest) + "); the signature may be DER or raw r||s (64 bytes)";
            default:
                return "sign the " + payload.length + " bytes with " + keyType + " RSASSA-PSS, SHA-256, MGF1 with"
                        + " SHA-256, salt length 32 (their SHA-256 is " + Hex.of(digest) + ")";
        }
    }

    @Override
    public String toString() {
        return "signing request for " + keyType + ": " + instructions();
    }
}
