package io.multiimage.signing;

/** How the signing key is named in the image (imgtool's {@code --public-key-format}). */
public enum PublicKeyFormat {
    /** A {@code KEYHASH} TLV: the SHA-256 of the key (imgtool's default). */
    HASH,
    /** A {@code PUBKEY} TLV: the whole public key (for MCUboot built with {@code MCUBOOT_HW_KEY}). */
    FULL
}
