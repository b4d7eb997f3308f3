package io.multiimage.signing.keys;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * A private key that signs MCUboot images, with its public half. Load one with
 * {@link PemKeys#readPrivateKey}. {@link #toString()} shows the type and the public key's hash,
 * never private material.
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final VerificationKey publicKey;

    SigningKey(PrivateKey privateKey, VerificationKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The algorithm. */
    public KeyType type() {
        return publicKey.type();
    }

    /** The public half, for {@code KEYHASH}/{@code PUBKEY} and verification. */
    public VerificationKey publicKey() {
        return publicKey;
    }

    /**
     * Signs an image: Ed25519 signs {@code digest}, ECDSA and RSA sign {@code payload} (hashing
     * it with SHA-256 themselves), as imgtool does.
     *
     * @param payload the hashed region: header, image and protected TLV area
     * @param digest  SHA-256 of {@code payload}
     * @return the signature as it goes into the signature TLV (DER for ECDSA)
     */
    public byte[] sign(byte[] payload, byte[] digest) {
        try {
            Signature signer = VerificationKey.newSignature(type());
            signer.initSign(privateKey);
            signer.update(VerificationKey.hashesItself(type()) ? payload : digest);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            // Our own key objects are always usable by the JDK that made them.
            throw new IllegalStateException("the JDK cannot sign with this " + type() + " key", e);
        }
    }

    /** Type and public key hash only. */
    @Override
    public String toString() {
        return type() + " signing key (public key SHA-256 " + publicKey.keyHashHex() + ")";
    }
}
