package io.multiimage.signing;

import io.multiimage.signing.format.Hex;
import io.multiimage.signing.format.ImageHeader;
import io.multiimage.signing.format.Trailer;
import io.multiimage.signing.keys.VerificationKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A signed MCUboot image, and the forms imgtool writes it in: a binary ({@link #binary()}, padded
 * to the slot with {@code --pad}) or HEX ({@link #placedAtSlot(long)}, where padding only adds the
 * trailer's magic and flags at the slot's end).
 */
public final class SignedImage {

    private final SignOptions options;
    private final ImageHeader header;
    private final byte[] bytes;
    private final byte[] digest;
    private final VerificationKey key;
    private final byte[] signature;

    SignedImage(
            SignOptions options,
            ImageHeader header,
            byte[] bytes,
            byte[] digest,
            VerificationKey key,
            byte[] signature) {
        this.options = options;
        this.header = header;
        this.bytes = bytes;
        this.digest = digest;
        this.key = key;
        this.signature = signature == null ? null : signature.clone();
    }

    /** The options it was made with. */
    public SignOptions options() {
        return options;
    }

    /** Its header fields. */
    public ImageHeader header() {
        return header;
    }

    /** Header, image and TLV areas, without padding: imgtool's output without {@code --pad}. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The length of {@link #bytes()}. */
    public int size() {
        return bytes.length;
    }

    /** The SHA-256 in the SHA256 TLV. */
    public byte[] digest() {
        return digest.clone();
    }

    /** The public key named in the image, if signed. */
    public Optional<VerificationKey> key() {
        return Optional.ofNullable(key);
    }

    /** The signature TLV's value, if signed. */
    public Optional<byte[]> signature() {
        return Optional.ofNullable(signature).map(byte[]::clone);
    }

    /**
     * The same signed image with {@code pad} set (other options unchanged): what imgtool makes
     * when {@code --pad} is added to the same command. Nothing that is hashed or signed changes,
     * so the signature stays valid.
     */
    public SignedImage withPad() {
        if (options.pad()) {
            return this;
        }
        try {
            return new SignedImage(options.toBuilder().pad(true).build(), header, bytes, digest, key, signature);
        } catch (SigningException e) {
            throw new IllegalStateException("valid options became invalid by setting pad", e);
        }
    }

    /**
     * imgtool's binary output: {@link #bytes()}, and with {@code pad} the erased fill up to the
     * slot size ending in the trailer (magic; image_ok set when {@code confirm}).
     */
    public byte[] binary() {
        if (!options.pad()) {
            return bytes();
        }
        Trailer trailer = options.trailer();
        byte[] padded = new byte[(int) options.slotSize()];
        Arrays.fill(padded, options.erasedValue());
        System.arraycopy(bytes, 0, padded, 0, bytes.length);
        byte[] trailerBytes = trailer.padded(options.erasedValue(), options.confirm());
        System.arraycopy(trailerBytes, 0, padded, padded.length - trailerBytes.length, trailerBytes.length);
        return padded;
    }

    /**
     * imgtool's HEX output for a slot at {@code slotAddress}: the image there, and with
     * {@code pad} only the trailer fields at the slot's end — the magic, and with
     * {@code confirm} or {@code test} the image_ok unit (1 when confirmed, erased for a test) —
     * not the fill between.
     */
    public PlacedImage placedAtSlot(long slotAddress) {
        List<PlacedImage.Chunk> chunks = new ArrayList<>();
        chunks.add(new PlacedImage.Chunk(slotAddress, bytes()));
        if (options.pad()) {
            Trailer trailer = options.trailer();
            long slotEnd = slotAddress + options.slotSize();
            if ((options.test() || options.confirm()) && !options.overwriteOnly()) {
                byte[] imageOk = new byte[trailer.maxAlign()];
                Arrays.fill(imageOk, options.erasedValue());
                if (options.confirm()) {
                    imageOk[0] = 0x01;
                }
                chunks.add(new PlacedImage.Chunk(slotEnd - trailer.imageOkFromEnd(), imageOk));
            }
            byte[] magic = trailer.magic();
            chunks.add(new PlacedImage.Chunk(slotEnd - magic.length, magic));
        }
        return new PlacedImage(chunks);
    }

    /**
     * imgtool's HEX output for a HEX input whose first byte is at {@code inputAddress}: with
     * {@code padHeader} the header goes in front of it, so the slot starts {@code headerSize}
     * lower; otherwise the input starts with the header and the slot at the input.
     *
     * @throws SigningException the header would start below address 0
     */
    public PlacedImage placedForInputAt(long inputAddress) throws SigningException {
        long slotAddress = options.padHeader() ? inputAddress - options.headerSize() : inputAddress;
        if (slotAddress < 0) {
            throw new SigningException("the image starts at " + Hex.address(inputAddress) + ", so its "
                    + Hex.offset(options.headerSize()) + "-byte header would start below address 0");
        }
        return placedAtSlot(slotAddress);
    }

    @Override
    public String toString() {
        return "MCUboot image " + header.version() + ", " + bytes.length + " bytes, sha256 " + Hex.of(digest)
                + (key == null ? ", hash only" : ", signed with " + key);
    }
}
