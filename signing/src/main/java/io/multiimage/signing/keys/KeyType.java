package io.multiimage.signing.keys;

/**
 * The signature algorithms MCUboot verifies and this library signs with, with the TLV each
 * signature is stored in and what is signed (imgtool 2.x behaviour).
 */
public enum KeyType {

    /** Ed25519 over the image's 32-byte SHA-256 digest; TLV {@code ED25519} (0x24), 64 bytes. */
    ED25519("Ed25519", 0x24, true),

    /** ECDSA P-256 with SHA-256 over the payload; DER signature in TLV {@code ECDSASIG} (0x22). */
    ECDSA_P256("ECDSA P-256", 0x22, false),

    /** RSA-2048 PSS (SHA-256, MGF1-SHA-256, salt 32) over the payload; TLV {@code RSA2048} (0x20). */
    RSA_2048("RSA-2048", 0x20, false),

    /** RSA-3072 PSS (SHA-256, MGF1-SHA-256, salt 32) over the payload; TLV {@code RSA3072} (0x23). */
    RSA_3072("RSA-3072", 0x23, false);

    private final String displayName;
    private final int signatureTlv;
    private final boolean signsDigest;

    KeyType(String displayName, int signatureTlv, boolean signsDigest) {
        this.displayName = displayName;
        this.signatureTlv = signatureTlv;
        this.signsDigest = signsDigest;
    }

    /** The TLV type that holds this algorithm's signature. */
    public int signatureTlv() {
        return signatureTlv;
    }

    /**
     * Whether the signature is made over the 32-byte SHA-256 digest of the payload (Ed25519)
     * rather than over the payload itself (ECDSA and RSA hash it as part of signing).
     */
    public boolean signsDigest() {
        return signsDigest;
    }

    /** The key type whose signature is stored in {@code tlvType}, or null. */
    public static KeyType ofSignatureTlv(int tlvType) {
        for (KeyType type : values()) {
            if (type.signatureTlv == tlvType) {
                return type;
            }
        }
        return null;
    }

    /** A name for messages: {@code Ed25519}, {@code ECDSA P-256}, {@code RSA-2048}, {@code RSA-3072}. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
