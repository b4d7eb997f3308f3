package io.multiimage.signing.format;

import io.multiimage.signing.ImageVersion;

/**
 * The fixed fields of an MCUboot image header (see {@link ImageFormat}).
 *
 * @param loadAddress          ROM_FIXED or RAM_LOAD address, else 0
 * @param headerSize           bytes from the image start to the first image byte
 * @param protectedTlvSize     size of the protected TLV area including its info header, or 0
 * @param imageSize            bytes of image after the header
 * @param flags                header flags ({@link ImageFormat#FLAG_ROM_FIXED}, ...)
 * @param version              image version
 */
public record ImageHeader(
        long loadAddress, int headerSize, int protectedTlvSize, long imageSize, long flags, ImageVersion version) {

    /** The 32 header bytes, little-endian, magic first. */
    public byte[] encode() {
        byte[] header = new byte[ImageFormat.HEADER_FIELDS_SIZE];
        ImageFormat.putU32(header, 0x00, ImageFormat.IMAGE_MAGIC & 0xffffffffL);
        ImageFormat.putU32(header, 0x04, loadAddress);
        ImageFormat.putU16(header, 0x08, headerSize);
        ImageFormat.putU16(header, 0x0a, protectedTlvSize);
        ImageFormat.putU32(header, 0x0c, imageSize);
        ImageFormat.putU32(header, 0x10, flags);
        header[0x14] = (byte) version.major();
        header[0x15] = (byte) version.minor();
        ImageFormat.putU16(header, 0x16, version.revision());
        ImageFormat.putU32(header, 0x18, version.build());
        return header;
    }

    /** Decodes the fields at the start of {@code image} (at least 32 bytes, magic already checked). */
    public static ImageHeader decode(byte[] image) {
        return new ImageHeader(
                ImageFormat.u32(image, 0x04),
                ImageFormat.u16(image, 0x08),
                ImageFormat.u16(image, 0x0a),
                ImageFormat.u32(image, 0x0c),
                ImageFormat.u32(image, 0x10),
                new ImageVersion(
                        image[0x14] & 0xff,
                        image[0x15] & 0xff,
                        ImageFormat.u16(image, 0x16),
                        ImageFormat.u32(image, 0x18)));
    }

    /** Whether the ROM_FIXED flag is set. */
    public boolean romFixed() {
        return (flags & ImageFormat.FLAG_ROM_FIXED) != 0;
    }
}
