package io.multiimage.signing.keys;

import io.multiimage.signing.format.Hex;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;

/**
 * A public key that checks MCUboot image signatures. Its {@linkplain #mcubootEncoding() MCUboot
 * encoding} is what imgtool puts in a {@code PUBKEY} TLV and what the {@code KEYHASH} TLV is the
 * SHA-256 of: the DER SubjectPublicKeyInfo for Ed25519 and ECDSA, the DER PKCS#1
 * RSAPublicKey for RSA.
 */
public final class VerificationKey {

    /** The PSS parameters MCUboot accepts: SHA-256, MGF1 with SHA-256, 32-byte salt. */
    static final PSSParameterSpec MCUBOOT_PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final KeyType type;
    private final PublicKey key;
    private final byte[] encoding;
    private final byte[] keyHash;

    VerificationKey(KeyType type, PublicKey key, byte[] encoding) {
        this.type = type;
        this.key = key;
        this.encoding = encoding.clone();
        this.keyHash = sha256(encoding);
    }

    /** The algorithm. */
    public KeyType type() {
        return type;
    }

    /** The JCA key. */
    public PublicKey publicKey() {
        return key;
    }

    /** The bytes of a {@code PUBKEY} TLV ({@code --public-key-format full}). */
    public byte[] mcubootEncoding() {
        return encoding.clone();
    }

    /** The SHA-256 of {@link #mcubootEncoding()}: the {@code KEYHASH} TLV. */
    public byte[] keyHash() {
        return keyHash.clone();
    }

    /** {@link #keyHash()} as lower-case hex, for messages and logs (it is public information). */
    public String keyHashHex() {
        return Hex.of(keyHash);
    }

    /**
     * Whether {@code signature} is this key's valid signature of an image whose hashed region is
     * {@code payload} and whose SHA-256 is {@code digest}.
     */
    public boolean verify(byte[] payload, byte[] digest, byte[] signature) {
        try {
            Signature verifier = newSignature(type);
            verifier.initVerify(key);
            if (type == KeyType.ECDSA_P256) {
                signature = withoutDerPadding(signature);
            }
            verifier.update(hashesItself(type) ? payload : digest);
            return verifier.verify(signature);
        } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
            return false; // a malformed signature is simply not a valid one
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + type + " verification", e);
        }
    }

    /**
     * A JCA Signature for {@code type} with MCUboot's parameters. ECDSA signs the SHA-256
     * digest with {@code NONEwithECDSA}: the same signature as {@code SHA256withECDSA} over the
     * payload (ECDSA only ever signs the hash), without hashing a large image a second time.
     */
    static Signature newSignature(KeyType type) throws GeneralSecurityException {
        switch (type) {
            case ED25519:
                return Signature.getInstance("Ed25519");
            case ECDSA_P256:
                return Signature.getInstance("NONEwithECDSA");
            default:
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(MCUBOOT_PSS);
                return pss;
        }
    }

    /** Whether the JCA algorithm for {@code type} takes the payload (RSA-PSS) rather than its digest. */
    static boolean hashesItself(KeyType type) {
        return type == KeyType.RSA_2048 || type == KeyType.RSA_3072;
    }

    /**
     * imgtool's {@code --pad-sig} appends zeros to short ECDSA signatures (MCUboot before 1.5);
     * the DER SEQUENCE's own length says where the signature ends.
     */
    private static byte[] withoutDerPadding(byte[] signature) {
        if (signature.length > 2
                && signature[0] == 0x30
                && (signature[1] & 0x80) == 0
                && signature[1] + 2 < signature.length) {
            return Arrays.copyOf(signature, signature[1] + 2);
        }
        return signature;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Type and key hash only: never key material. */
    @Override
    public String toString() {
        return type + " public key (SHA-256 " + keyHashHex() + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey other && type == other.type && Arrays.equals(encoding, other.encoding);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyHash);
    }
}
