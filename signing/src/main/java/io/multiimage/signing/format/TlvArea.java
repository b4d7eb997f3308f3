package io.multiimage.signing.format;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Encodes a TLV area: an info header (magic, total size) followed by its records. */
public final class TlvArea {

    private TlvArea() {}

    /** Size of the area holding {@code tlvs}, info header included. */
    public static int size(List<Tlv> tlvs) {
        int size = ImageFormat.TLV_INFO_SIZE;
        for (Tlv tlv : tlvs) {
            size += ImageFormat.TLV_HEADER_SIZE + tlv.value().length;
        }
        return size;
    }

    /**
     * The encoded area, or no bytes when {@code tlvs} is empty (imgtool writes no info header
     * for an empty area).
     *
     * @param magic {@link ImageFormat#TLV_INFO_MAGIC} or {@link ImageFormat#TLV_PROTECTED_INFO_MAGIC}
     */
    public static byte[] encode(int magic, List<Tlv> tlvs) {
        if (tlvs.isEmpty()) {
            return new byte[0];
        }
        int size = size(tlvs);
        if (size > 0xffff) {
            throw new IllegalArgumentException("a TLV area holds at most 65535 bytes, these TLVs need " + size);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        byte[] field = new byte[4];
        ImageFormat.putU16(field, 0, magic);
        ImageFormat.putU16(field, 2, size);
        out.writeBytes(field);
        for (Tlv tlv : tlvs) {
            ImageFormat.putU16(field, 0, tlv.type());
            ImageFormat.putU16(field, 2, tlv.value().length);
            out.writeBytes(field);
            out.writeBytes(tlv.value());
        }
        return out.toByteArray();
    }
}
