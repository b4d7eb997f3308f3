package io.multiimage.signing;

import io.multiimage.signing.format.Hex;
import io.multiimage.signing.format.ImageFormat;
import io.multiimage.signing.format.ImageHeader;
import io.multiimage.signing.format.Tlv;
import io.multiimage.signing.format.TlvArea;
import io.multiimage.signing.keys.VerificationKey;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The part of an MCUboot image that is hashed and signed — header, image and protected TLV
 * area — with its SHA-256, built from the image bytes and the options exactly as imgtool's
 * {@code Image.create} does before it signs. Completing it with the signature TLVs gives the
 * signed image; the sign-later flow hands its bytes to an external signer in between.
 */
final class UnsignedPayload {

    private final SignOptions options;
    private final ImageHeader header;
    private final byte[] payload;
    private final byte[] digest;

    private UnsignedPayload(SignOptions options, ImageHeader header, byte[] payload, byte[] digest) {
        this.options = options;
        this.header = header;
        this.payload = payload;
        this.digest = digest;
    }

    /**
     * Lays out header, image and protected TLVs.
     *
     * @param image the image bytes (with a zeroed header in front unless {@code padHeader})
     * @throws SigningException the image does not start with the zeroed header space it must have
     */
    static UnsignedPayload of(byte[] image, SignOptions options) throws SigningException {
        int headerSize = options.headerSize();
        if (!options.padHeader()) {
            checkZeroedHeader(image, headerSize);
        }
        List<Tlv> protectedTlvs = protectedTlvs(options);
        byte[] protectedArea = TlvArea.encode(ImageFormat.TLV_PROTECTED_INFO_MAGIC, protectedTlvs);
        int imageEnd = options.padHeader() ? headerSize + image.length : image.length;
        // One array for header, image and protected TLVs: images are large, copies are not free.
        byte[] hashed = new byte[imageEnd + protectedArea.length];
        if (options.padHeader()) {
            Arrays.fill(hashed, 0, headerSize, options.erasedValue());
            System.arraycopy(image, 0, hashed, headerSize, image.length);
        } else {
            System.arraycopy(image, 0, hashed, 0, image.length);
        }
        System.arraycopy(protectedArea, 0, hashed, imageEnd, protectedArea.length);
        long flags = 0;
        long loadAddress = 0;
        OptionalLong romFixed = options.romFixedAddress();
        // imgtool tests the address for truth: ROM_FIXED at address 0 sets neither flag nor address.
        if (romFixed.isPresent() && romFixed.getAsLong() != 0) {
            flags |= ImageFormat.FLAG_ROM_FIXED;
            loadAddress = romFixed.getAsLong();
        }
        ImageHeader header = new ImageHeader(
                loadAddress, headerSize, protectedArea.length, imageEnd - headerSize, flags, options.version());
        byte[] encoded = header.encode();
        System.arraycopy(encoded, 0, hashed, 0, encoded.length);
        return new UnsignedPayload(options, header, hashed, sha256(hashed));
    }

    private static void checkZeroedHeader(byte[] image, int headerSize) throws SigningException {
        if (image.length < headerSize) {
            throw new SigningException("the image has " + image.length + " bytes, fewer than the "
                    + Hex.offset(headerSize) + "-byte header it must start with (or sign with padHeader"
                    + " to add the header in front of the image)");
        }
        for (int i = 0; i < headerSize; i++) {
            if (image[i] != 0) {
                throw new SigningException("the image does not start with " + Hex.offset(headerSize)
                        + " zero bytes for the MCUboot header (the byte at offset " + Hex.offset(i) + " is "
                        + String.format("0x%02x", image[i] & 0xff) + "); link it after the header space,"
                        + " or sign with padHeader to add the header in front of the image");
            }
        }
    }

    private static List<Tlv> protectedTlvs(SignOptions options) {
        List<Tlv> tlvs = new ArrayList<>();
        OptionalLong counter = options.securityCounter().valueFor(options.version());
        if (counter.isPresent()) {
            byte[] value = ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) counter.getAsLong())
                    .array();
            tlvs.add(Tlv.of(ImageFormat.TLV_SEC_CNT, value));
        }
        return tlvs;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    SignOptions options() {
        return options;
    }

    ImageHeader header() {
        return header;
    }

    /** Header, image and protected TLV area: the bytes hashed (and, for ECDSA/RSA, signed). */
    byte[] payload() {
        return payload.clone();
    }

    /** {@link #payload()} itself, for callers in this package that only read it. */
    byte[] payloadView() {
        return payload;
    }

    byte[] digest() {
        return digest.clone();
    }

    /**
     * The signed image: this payload, then the TLV area with SHA256, the key (hash or full) and
     * the signature — or SHA256 alone when {@code key} is null.
     *
     * @throws ImageTooLargeException image and trailer do not fit the slot
     */
    SignedImage complete(VerificationKey key, byte[] signature) throws ImageTooLargeException {
        List<Tlv> tlvs = new ArrayList<>();
        tlvs.add(Tlv.of(ImageFormat.TLV_SHA256, digest));
        if (key != null) {
            tlvs.add(
                    options.publicKeyFormat() == PublicKeyFormat.HASH
                            ? Tlv.of(ImageFormat.TLV_KEYHASH, key.keyHash())
                            : Tlv.of(ImageFormat.TLV_PUBKEY, key.mcubootEncoding()));
            tlvs.add(Tlv.of(key.type().signatureTlv(), signature));
        }
        byte[] tlvArea = TlvArea.encode(ImageFormat.TLV_INFO_MAGIC, tlvs);
        byte[] signed = Arrays.copyOf(payload, payload.length + tlvArea.length);
        System.arraycopy(tlvArea, 0, signed, payload.length, tlvArea.length);
        int trailerSize = options.trailer().size();
        if (signed.length + (long) trailerSize > options.slotSize()) {
            throw new ImageTooLargeException(signed.length, trailerSize, options.slotSize());
        }
        return new SignedImage(options, header, signed, digest, key, signature);
    }
}
