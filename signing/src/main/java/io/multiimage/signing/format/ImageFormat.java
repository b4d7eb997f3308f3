package io.multiimage.signing.format;

/**
 * Constants of MCUboot's image format (bootutil's {@code image.h}, imgtool's {@code image.py}):
 * all multi-byte fields are little-endian.
 *
 * <pre>
 * offset  field                    size
 * 0x00    magic 0x96f3b83d         4
 * 0x04    load address             4   (ROM_FIXED / RAM_LOAD address, else 0)
 * 0x08    header size              2
 * 0x0a    protected TLV area size  2   (0 when there is none)
 * 0x0c    image size               4   (bytes after the header, before the TLV areas)
 * 0x10    flags                    4
 * 0x14    version major, minor     1 + 1
 * 0x16    version revision         2
 * 0x18    version build number     4
 * 0x1c    (reserved, 0)            4
 * </pre>
 */
public final class ImageFormat {

    /** Header magic. */
    public static final int IMAGE_MAGIC = 0x96f3b83d;
    /** Size of the fixed header fields; the header itself may be larger ({@code --header-size}). */
    public static final int HEADER_FIELDS_SIZE = 32;
    /** Largest header size the 16-bit field holds. */
    public static final int MAX_HEADER_SIZE = 0xffff;

    /** Magic of the (unprotected) TLV info header. */
    public static final int TLV_INFO_MAGIC = 0x6907;
    /** Magic of the protected TLV info header. */
    public static final int TLV_PROTECTED_INFO_MAGIC = 0x6908;
    /** Size of a TLV info header (magic and total size, 2 bytes each). */
    public static final int TLV_INFO_SIZE = 4;
    /** Size of one TLV's type and length fields. */
    public static final int TLV_HEADER_SIZE = 4;

    /** Header flag: the image runs from the address in the load address field. */
    public static final int FLAG_ROM_FIXED = 0x100;
    /** Header flag: the image is copied to RAM at the load address. */
    public static final int FLAG_RAM_LOAD = 0x20;
    /** Header flag: not bootable (a dependency-only image). */
    public static final int FLAG_NON_BOOTABLE = 0x10;

    /** TLV: SHA-256 of the public key (its MCUboot DER encoding). */
    public static final int TLV_KEYHASH = 0x01;
    /** TLV: the public key itself. */
    public static final int TLV_PUBKEY = 0x02;
    /** TLV: SHA-256 of header, image and protected TLV area. */
    public static final int TLV_SHA256 = 0x10;
    /** TLV: security counter (4 bytes), in the protected area. */
    public static final int TLV_SEC_CNT = 0x50;

    /** The standard trailer magic (write alignment up to 8). */
    static final byte[] BOOT_MAGIC = {
        0x77,
        (byte) 0xc2,
        (byte) 0x95,
        (byte) 0xf3,
        0x60,
        (byte) 0xd2,
        (byte) 0xef,
        0x7f,
        0x35,
        0x52,
        0x50,
        0x0f,
        0x2c,
        (byte) 0xb6,
        0x79,
        (byte) 0x80
    };
    /** The last 14 bytes of the trailer magic when the alignment exceeds 8 (the first two hold it). */
    static final byte[] BOOT_MAGIC_ALIGNED_TAIL = {
        0x2d, (byte) 0xe1, 0x5d, 0x29, 0x41, 0x0b, (byte) 0x8d, 0x77, 0x67, (byte) 0x9c, 0x11, 0x0f, 0x1f, (byte) 0x8a
    };
    /** Size of the trailer magic. */
    public static final int BOOT_MAGIC_SIZE = 16;

    private ImageFormat() {}

    /** The name imgtool gives a TLV type, or {@code 0x..} for others. */
    public static String tlvName(int type) {
        switch (type) {
            case TLV_KEYHASH:
                return "KEYHASH";
            case TLV_PUBKEY:
                return "PUBKEY";
            case TLV_SHA256:
                return "SHA256";
            case 0x11:
                return "SHA384";
            case 0x12:
                return "SHA512";
            case 0x20:
                return "RSA2048";
            case 0x22:
                return "ECDSASIG";
            case 0x23:
                return "RSA3072";
            case 0x24:
                return "ED25519";
            case 0x25:
                return "SIG_PURE";
            case 0x30:
                return "ENCRSA2048";
            case 0x31:
                return "ENCKW";
            case 0x32:
                return "ENCEC256";
            case 0x33:
                return "ENCX25519";
            case 0x40:
                return "DEPENDENCY";
            case TLV_SEC_CNT:
                return "SEC_CNT";
            case 0x60:
                return "BOOT_RECORD";
            default:
                return String.format("0x%02x", type);
        }
    }

    static int u16(byte[] data, int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    static long u32(byte[] data, int offset) {
        return (u16(data, offset) | (long) u16(data, offset + 2) << 16) & 0xffffffffL;
    }

    static void putU16(byte[] data, int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }

    static void putU32(byte[] data, int offset, long value) {
        putU16(data, offset, (int) (value & 0xffff));
        putU16(data, offset + 2, (int) ((value >>> 16) & 0xffff));
    }
}
