package io.multiimage.signing.format;

/**
 * One type-length-value record of a TLV area.
 *
 * @param type   the TLV type (imgtool writes it as one byte and a zero byte; MCUboot reads 16 bits)
 * @param value  its data
 * @param offset where its type field starts in the image (for messages), or -1 for a new TLV
 */
public record Tlv(int type, byte[] value, int offset) {

    /** A TLV not yet placed in an image. */
    public static Tlv of(int type, byte[] value) {
        return new Tlv(type, value.clone(), -1);
    }

    /** The value as lower-case hex. */
    public String hex() {
        return Hex.of(value);
    }

    /** {@code SHA256 (0x10)}. */
    public String name() {
        return ImageFormat.tlvName(type) + " (0x" + Integer.toHexString(type) + ")";
    }
}
