package io.multiimage.signing.verify;

import io.multiimage.signing.format.Hex;
import io.multiimage.signing.format.ImageFormat;
import io.multiimage.signing.format.ImageHeader;
import io.multiimage.signing.format.Tlv;
import io.multiimage.signing.keys.KeyType;
import io.multiimage.signing.keys.VerificationKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies an MCUboot image as the bootloader would: header, protected and unprotected TLV
 * areas, the SHA-256 over header, image and protected TLVs, the key named by KEYHASH or PUBKEY,
 * and the signature (Ed25519 over the digest; ECDSA P-256 or RSA-PSS over the payload). A padded
 * image's trailer is read from the end of the data.
 *
 * <p>It never throws for a bad image: each problem is a failed {@link Check} whose message says
 * what is wrong and at which field or offset; {@link VerificationResult#requireValid()} turns
 * failures into an exception.
 *
 * <pre>{@code
 * VerificationResult result = McubootVerifier.verify(bytes, PemKeys.readPublicKey(pub),
 *         new ImageLocation("app", "mcuboot_primary", 0xc000));
 * if (!result.valid()) throw new MojoFailureException(result.failureMessage());
 * }</pre>
 */
public final class McubootVerifier {

    private final byte[] data;
    private final VerificationKey key;
    private final ImageLocation location;
    private final List<Check> checks = new ArrayList<>();
    private final List<Tlv> protectedTlvs = new ArrayList<>();
    private final List<Tlv> tlvs = new ArrayList<>();
    private ImageHeader header;
    private byte[] computedHash;
    private int signedSize;
    private TrailerInfo trailer;

    private McubootVerifier(byte[] data, VerificationKey key, ImageLocation location) {
        this.data = data;
        this.key = key;
        this.location = location;
    }

    /**
     * Verifies {@code image} (the slot's bytes from the header on; trailing padding and trailer
     * allowed).
     *
     * @param key the public key the image must be signed with, or null to check only the
     *            structure and hash (the key and signature checks then do not run)
     */
    public static VerificationResult verify(byte[] image, VerificationKey key) {
        return verify(image, key, null);
    }

    /**
     * Verifies {@code image}; messages name {@code location}'s image and partition and give flash
     * addresses next to offsets.
     *
     * @param location where the image is, or null
     */
    public static VerificationResult verify(byte[] image, VerificationKey key, ImageLocation location) {
        return new McubootVerifier(image, key, location).run();
    }

    private VerificationResult run() {
        if (readHeader() && readProtectedArea() && readTlvArea()) {
            checkHash();
            checkKey();
            checkSignature();
            readTrailer();
        }
        for (Check.Name name : Check.Name.values()) {
            if (checks.stream().noneMatch(c -> c.name() == name)) {
                checks.add(new Check(name, Check.Status.NOT_RUN, "not run: the image's structure is broken"));
            }
        }
        return new VerificationResult(location, header, protectedTlvs, tlvs, computedHash, signedSize, trailer, checks);
    }

    private String at(long offset) {
        return location == null ? "offset " + Hex.offset(offset) : location.offset(offset);
    }

    private boolean fail(Check.Name name, String message) {
        checks.add(new Check(name, Check.Status.FAILED, message));
        return false;
    }

    private void pass(Check.Name name, String message) {
        checks.add(new Check(name, Check.Status.PASSED, message));
    }

    private void notRun(Check.Name name, String reason) {
        checks.add(new Check(name, Check.Status.NOT_RUN, reason));
    }

    private boolean readHeader() {
        if (data.length < ImageFormat.HEADER_FIELDS_SIZE) {
            return fail(
                    Check.Name.HEADER,
                    "the image has " + data.length + " bytes, fewer than the " + ImageFormat.HEADER_FIELDS_SIZE
                            + "-byte MCUboot header");
        }
        long magic = u32(0);
        if (magic != (ImageFormat.IMAGE_MAGIC & 0xffffffffL)) {
            return fail(
                    Check.Name.HEADER,
                    "wrong header magic at " + at(0) + ": " + String.format("0x%08x", magic)
                            + ", expected " + String.format("0x%08x", ImageFormat.IMAGE_MAGIC)
                            + " (not an MCUboot image, or the address does not point at its header)");
        }
        ImageHeader h = ImageHeader.decode(data);
        if (h.headerSize() < ImageFormat.HEADER_FIELDS_SIZE) {
            return fail(
                    Check.Name.HEADER,
                    "the header size field at " + at(0x08) + " is " + Hex.offset(h.headerSize()) + ", less than the "
                            + ImageFormat.HEADER_FIELDS_SIZE + " bytes of the header's own fields");
        }
        long imageEnd = h.headerSize() + h.imageSize();
        if (imageEnd > data.length) {
            return fail(
                    Check.Name.HEADER,
                    "the image size field at " + at(0x0c) + " says " + Hex.offset(h.imageSize())
                            + " bytes follow the " + Hex.offset(h.headerSize()) + "-byte header, but the data ends at "
                            + at(data.length) + ": the image is truncated");
        }
        header = h;
        pass(
                Check.Name.HEADER,
                "magic ok, header " + Hex.offset(h.headerSize()) + " bytes, image " + Hex.offset(h.imageSize())
                        + " bytes, version " + h.version() + ", flags " + Hex.offset(h.flags()));
        return true;
    }

    private boolean readProtectedArea() {
        int offset = (int) (header.headerSize() + header.imageSize());
        if (header.protectedTlvSize() == 0) {
            notRun(Check.Name.PROTECTED_TLV_AREA, "the header declares no protected TLV area");
            return true;
        }
        Area area = readArea(
                Check.Name.PROTECTED_TLV_AREA,
                "protected TLV area",
                offset,
                ImageFormat.TLV_PROTECTED_INFO_MAGIC,
                protectedTlvs);
        if (area == null) {
            return false;
        }
        if (area.size != header.protectedTlvSize()) {
            return fail(
                    Check.Name.PROTECTED_TLV_AREA,
                    "the protected TLV area at " + at(offset) + " declares "
                            + Hex.offset(area.size) + " bytes, but the header's protected TLV size at " + at(0x0a)
                            + " is "
                            + Hex.offset(header.protectedTlvSize()));
        }
        pass(Check.Name.PROTECTED_TLV_AREA, describe(protectedTlvs) + " at " + at(offset));
        return true;
    }

    private boolean readTlvArea() {
        int offset = (int) (header.headerSize() + header.imageSize()) + header.protectedTlvSize();
        Area area = readArea(Check.Name.TLV_AREA, "TLV area", offset, ImageFormat.TLV_INFO_MAGIC, tlvs);
        if (area == null) {
            return false;
        }
        signedSize = offset + area.size;
        pass(Check.Name.TLV_AREA, describe(tlvs) + " at " + at(offset));
        return true;
    }

    private record Area(int size) {}

    private Area readArea(Check.Name check, String what, int offset, int expectedMagic, List<Tlv> into) {
        if (offset + ImageFormat.TLV_INFO_SIZE > data.length) {
            fail(
                    check,
                    "the " + what + " is truncated: its info header at " + at(offset) + " needs "
                            + ImageFormat.TLV_INFO_SIZE + " bytes, but the data ends at " + at(data.length));
            return null;
        }
        int magic = u16(offset);
        if (magic != expectedMagic) {
            String hint = magic == ImageFormat.TLV_PROTECTED_INFO_MAGIC
                    ? " (a protected TLV area's magic: the header's protected TLV size at " + at(0x0a) + " is wrong)"
                    : "";
            fail(
                    check,
                    "wrong " + what + " magic at " + at(offset) + ": " + String.format("0x%04x", magic) + ", expected "
                            + String.format("0x%04x", expectedMagic) + hint);
            return null;
        }
        int size = u16(offset + 2);
        int end = offset + size;
        if (size < ImageFormat.TLV_INFO_SIZE) {
            fail(
                    check,
                    "the " + what + " at " + at(offset) + " declares " + size
                            + " bytes, less than its own info header");
            return null;
        }
        if (end > data.length) {
            fail(
                    check,
                    "the " + what + " at " + at(offset) + " declares " + Hex.offset(size)
                            + " bytes, up to " + at(end) + ", but the data ends at " + at(data.length)
                            + ": the " + what + " is truncated");
            return null;
        }
        int cursor = offset + ImageFormat.TLV_INFO_SIZE;
        while (cursor < end) {
            if (cursor + ImageFormat.TLV_HEADER_SIZE > end) {
                fail(
                        check,
                        "the TLV at " + at(cursor) + " has no room for its type and length before the " + what
                                + " ends at " + at(end));
                return null;
            }
            int type = u16(cursor);
            int length = u16(cursor + 2);
            int valueStart = cursor + ImageFormat.TLV_HEADER_SIZE;
            if (valueStart + length > end) {
                fail(
                        check,
                        "the " + ImageFormat.tlvName(type) + " TLV at " + at(cursor) + " declares " + length
                                + " bytes, past the end of the " + what + " at " + at(end));
                return null;
            }
            into.add(new Tlv(type, Arrays.copyOfRange(data, valueStart, valueStart + length), cursor));
            cursor = valueStart + length;
        }
        return new Area(size);
    }

    private static String describe(List<Tlv> list) {
        List<String> names = new ArrayList<>();
        for (Tlv tlv : list) {
            names.add(ImageFormat.tlvName(tlv.type()));
        }
        return names.isEmpty() ? "no TLVs" : String.join(", ", names);
    }

    private Tlv first(int type) {
        return tlvs.stream().filter(t -> t.type() == type).findFirst().orElse(null);
    }

    /** The end of header, image and protected TLV area: what the hash and signatures cover. */
    private int hashedEnd() {
        return (int) (header.headerSize() + header.imageSize()) + header.protectedTlvSize();
    }

    private void checkHash() {
        int end = hashedEnd();
        computedHash = sha256(data, end);
        Tlv stored = first(ImageFormat.TLV_SHA256);
        if (stored == null) {
            fail(Check.Name.HASH, "the TLV area has no SHA256 TLV (" + describe(tlvs) + ")");
            return;
        }
        if (!Arrays.equals(stored.value(), computedHash)) {
            fail(
                    Check.Name.HASH,
                    "SHA-256 mismatch: the SHA256 TLV at " + at(stored.offset()) + " holds "
                            + stored.hex() + ", but header, image and protected TLVs (" + at(0) + " to " + at(end)
                            + ") hash to " + Hex.of(computedHash) + ": the image was changed after it was signed");
            return;
        }
        pass(Check.Name.HASH, "SHA-256 " + Hex.of(computedHash));
    }

    private void checkKey() {
        if (key == null) {
            notRun(Check.Name.KEY, "no public key given");
            return;
        }
        Tlv keyHash = first(ImageFormat.TLV_KEYHASH);
        Tlv fullKey = first(ImageFormat.TLV_PUBKEY);
        if (keyHash != null) {
            if (Arrays.equals(keyHash.value(), key.keyHash())) {
                pass(Check.Name.KEY, "KEYHASH " + keyHash.hex() + " is the given " + key.type() + " key's");
            } else {
                fail(
                        Check.Name.KEY,
                        "wrong key: the KEYHASH TLV at " + at(keyHash.offset()) + " is " + keyHash.hex()
                                + ", the image was signed for another key than the given " + key.type()
                                + " key (SHA-256 "
                                + key.keyHashHex() + ")");
            }
        } else if (fullKey != null) {
            if (Arrays.equals(fullKey.value(), key.mcubootEncoding())) {
                pass(Check.Name.KEY, "PUBKEY is the given " + key.type() + " key");
            } else {
                fail(
                        Check.Name.KEY,
                        "wrong key: the PUBKEY TLV at " + at(fullKey.offset()) + " holds another key than"
                                + " the given " + key.type() + " key (SHA-256 " + key.keyHashHex() + ")");
            }
        } else {
            fail(Check.Name.KEY, "the image names no key (no KEYHASH or PUBKEY TLV): it is not signed");
        }
    }

    private void checkSignature() {
        if (key == null) {
            notRun(Check.Name.SIGNATURE, "no public key given");
            return;
        }
        List<Tlv> ours = new ArrayList<>();
        Tlv other = null;
        for (Tlv tlv : tlvs) {
            KeyType type = KeyType.ofSignatureTlv(tlv.type());
            if (type == key.type()) {
                ours.add(tlv);
            } else if (type != null && other == null) {
                other = tlv;
            }
        }
        if (ours.isEmpty()) {
            fail(
                    Check.Name.SIGNATURE,
                    other != null
                            ? "the image is signed with " + KeyType.ofSignatureTlv(other.type()) + " (" + other.name()
                                    + " TLV at " + at(other.offset()) + "), but the given key is " + key.type()
                            : "the image has no signature TLV (" + describe(tlvs) + ")");
            return;
        }
        // Only RSA-PSS needs the payload itself (the JDK has no pre-hashed PSS); the others
        // verify the digest, and a 1 MiB copy is not free.
        byte[] region = key.type() == KeyType.RSA_2048 || key.type() == KeyType.RSA_3072
                ? Arrays.copyOf(data, hashedEnd())
                : new byte[0];
        for (Tlv signature : ours) {
            if (key.verify(region, computedHash, signature.value())) {
                pass(Check.Name.SIGNATURE, key.type() + " signature at " + at(signature.offset()) + " verifies");
                return;
            }
        }
        Tlv signature = ours.get(0);
        fail(
                Check.Name.SIGNATURE,
                "the " + signature.name() + " signature at " + at(signature.offset())
                        + " does not verify with the given " + key.type()
                        + " key over header, image and protected TLVs ("
                        + at(0) + " to " + at(hashedEnd()) + ")");
    }

    private void readTrailer() {
        if (data.length == signedSize) {
            notRun(Check.Name.TRAILER, "the image is not padded: no trailer");
            return;
        }
        int magicOffset = data.length - ImageFormat.BOOT_MAGIC_SIZE;
        if (magicOffset < signedSize) {
            notRun(
                    Check.Name.TRAILER,
                    "the " + (data.length - signedSize) + " bytes after the TLV area are too few" + " for a trailer");
            return;
        }
        byte[] magic = Arrays.copyOfRange(data, magicOffset, data.length);
        int maxAlign = trailerAlignment(magic);
        if (maxAlign < 0) {
            if (allEqual(magic)) {
                notRun(
                        Check.Name.TRAILER,
                        "the trailer at the end of the data is erased (no magic): MCUboot will"
                                + " not swap this image in unless the application marks it");
            } else {
                fail(
                        Check.Name.TRAILER,
                        "wrong trailer magic at " + at(magicOffset) + ": " + Hex.of(magic) + ", expected "
                                + Hex.of(new io.multiimage.signing.format.Trailer(8, 1, false).magic()));
            }
            return;
        }
        int magicArea = Math.max(ImageFormat.BOOT_MAGIC_SIZE, maxAlign);
        int imageOk = data.length - magicArea - maxAlign;
        int copyDone = imageOk - maxAlign;
        int swapInfo = copyDone - maxAlign;
        int swapSize = swapInfo - maxAlign;
        if (swapSize < signedSize) {
            fail(Check.Name.TRAILER, "the trailer at the end of the data overlaps the TLV area");
            return;
        }
        trailer = new TrailerInfo(
                maxAlign, data[imageOk] & 0xff, data[copyDone] & 0xff, data[swapInfo] & 0xff, u32(swapSize));
        pass(
                Check.Name.TRAILER,
                "magic ok, image_ok " + String.format("0x%02x", trailer.imageOk())
                        + (trailer.confirmed() ? " (confirmed)" : " (test: not confirmed)"));
    }

    /** 8 for the standard magic, the encoded alignment for the aligned magic, -1 otherwise. */
    private static int trailerAlignment(byte[] magic) {
        byte[] standard = new io.multiimage.signing.format.Trailer(8, 1, false).magic();
        if (Arrays.equals(magic, standard)) {
            return 8;
        }
        int align = (magic[0] & 0xff) | (magic[1] & 0xff) << 8;
        if (align == 16 || align == 32) {
            byte[] aligned = new io.multiimage.signing.format.Trailer(align, 1, false).magic();
            if (Arrays.equals(magic, aligned)) {
                return align;
            }
        }
        return -1;
    }

    private static boolean allEqual(byte[] bytes) {
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return true;
    }

    private int u16(int offset) {
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    private long u32(int offset) {
        return (u16(offset) | (long) u16(offset + 2) << 16) & 0xffffffffL;
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, length);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
