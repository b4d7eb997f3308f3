package io.multiimage.signing.verify;

import io.multiimage.signing.ImageVersion;
import io.multiimage.signing.format.Hex;
import io.multiimage.signing.format.ImageFormat;
import io.multiimage.signing.format.ImageHeader;
import io.multiimage.signing.format.Tlv;
import io.multiimage.signing.keys.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link McubootVerifier} found: the image's header fields and TLVs as far as they could be
 * read, and the outcome of every check. {@link #valid()} when no check failed.
 */
public final class VerificationResult {

    private final ImageLocation location;
    private final ImageHeader header;
    private final List<Tlv> protectedTlvs;
    private final List<Tlv> tlvs;
    private final byte[] computedHash;
    private final int signedSize;
    private final TrailerInfo trailer;
    private final List<Check> checks;

    VerificationResult(
            ImageLocation location,
            ImageHeader header,
            List<Tlv> protectedTlvs,
            List<Tlv> tlvs,
            byte[] computedHash,
            int signedSize,
            TrailerInfo trailer,
            List<Check> checks) {
        this.location = location;
        this.header = header;
        this.protectedTlvs = List.copyOf(protectedTlvs);
        this.tlvs = List.copyOf(tlvs);
        this.computedHash = computedHash;
        this.signedSize = signedSize;
        this.trailer = trailer;
        this.checks = List.copyOf(checks);
    }

    /** True when no check failed (checks that did not run do not count against it). */
    public boolean valid() {
        return checks.stream().noneMatch(Check::failed);
    }

    /** Every check, in order. */
    public List<Check> checks() {
        return checks;
    }

    /** The checks that failed. */
    public List<Check> failures() {
        return checks.stream().filter(Check::failed).toList();
    }

    /** The check called {@code name}. */
    public Check check(Check.Name name) {
        return checks.stream().filter(c -> c.name() == name).findFirst().orElseThrow();
    }

    /** Where the image is, if the caller said. */
    public Optional<ImageLocation> location() {
        return Optional.ofNullable(location);
    }

    /** The header fields, when the header could be read. */
    public Optional<ImageHeader> header() {
        return Optional.ofNullable(header);
    }

    /** The image version, when the header could be read. */
    public Optional<ImageVersion> version() {
        return header().map(ImageHeader::version);
    }

    /** Header, image and both TLV areas: the end of the signed image (0 if not readable). */
    public int signedSize() {
        return signedSize;
    }

    /** The protected TLVs read. */
    public List<Tlv> protectedTlvs() {
        return protectedTlvs;
    }

    /** The (unprotected) TLVs read. */
    public List<Tlv> tlvs() {
        return tlvs;
    }

    /** The SHA-256 stored in the SHA256 TLV. */
    public Optional<byte[]> storedHash() {
        return find(tlvs, ImageFormat.TLV_SHA256);
    }

    /** The SHA-256 of header, image and protected TLVs, as computed. */
    public Optional<byte[]> computedHash() {
        return Optional.ofNullable(computedHash).map(byte[]::clone);
    }

    /** The KEYHASH TLV's value. */
    public Optional<byte[]> keyHash() {
        return find(tlvs, ImageFormat.TLV_KEYHASH);
    }

    /** The PUBKEY TLV's value. */
    public Optional<byte[]> publicKey() {
        return find(tlvs, ImageFormat.TLV_PUBKEY);
    }

    /** The algorithm of the first signature TLV found. */
    public Optional<KeyType> signatureType() {
        return tlvs.stream()
                .map(t -> KeyType.ofSignatureTlv(t.type()))
                .filter(t -> t != null)
                .findFirst();
    }

    /** The SEC_CNT protected TLV's value. */
    public OptionalLong securityCounter() {
        Optional<byte[]> value = find(protectedTlvs, ImageFormat.TLV_SEC_CNT);
        if (value.isEmpty() || value.get().length != 4) {
            return OptionalLong.empty();
        }
        byte[] v = value.get();
        return OptionalLong.of((v[0] & 0xffL) | (v[1] & 0xffL) << 8 | (v[2] & 0xffL) << 16 | (v[3] & 0xffL) << 24);
    }

    /** The trailer fields, when the data holds a trailer with a valid magic. */
    public Optional<TrailerInfo> trailer() {
        return Optional.ofNullable(trailer);
    }

    private static Optional<byte[]> find(List<Tlv> tlvs, int type) {
        return tlvs.stream()
                .filter(t -> t.type() == type)
                .findFirst()
                .map(t -> t.value().clone());
    }

    /**
     * Every failed check in one message, prefixed with the location:
     * {@code image 'app' in partition 'mcuboot_primary' at 0x0000c000: HASH: ...}.
     */
    public String failureMessage() {
        List<String> parts = new ArrayList<>();
        for (Check check : failures()) {
            parts.add(check.name() + ": " + check.message());
        }
        String what = location == null ? "the MCUboot image" : location.toString();
        return parts.isEmpty() ? what + " is valid" : what + " is not valid: " + String.join("; ", parts);
    }

    /**
     * Throws unless {@link #valid()}.
     *
     * @throws ImageVerificationException listing every failed check
     */
    public VerificationResult requireValid() throws ImageVerificationException {
        if (!valid()) {
            throw new ImageVerificationException(this);
        }
        return this;
    }

    /** A multi-line report: the header facts and each check, for a plugin to print. */
    public String report() {
        StringBuilder s = new StringBuilder();
        s.append(location == null ? "MCUboot image" : location.toString()).append('\n');
        if (header != null) {
            s.append("  version ")
                    .append(header.version())
                    .append(", header ")
                    .append(Hex.offset(header.headerSize()))
                    .append(", image ")
                    .append(Hex.offset(header.imageSize()))
                    .append(", protected TLVs ")
                    .append(Hex.offset(header.protectedTlvSize()))
                    .append(", flags ")
                    .append(Hex.offset(header.flags()));
            if (header.romFixed()) {
                s.append(" (ROM_FIXED ")
                        .append(Hex.address(header.loadAddress()))
                        .append(')');
            }
            s.append('\n');
        }
        for (Check check : checks) {
            s.append("  ")
                    .append(check.name()
                            .name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' '))
                    .append(": ")
                    .append(check.status().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT))
                    .append(" - ")
                    .append(check.message())
                    .append('\n');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return valid() ? "valid " + (header == null ? "" : header.version()) : failureMessage();
    }
}
