package io.multiimage.signing;

import io.multiimage.signing.format.Hex;
import io.multiimage.signing.format.ImageFormat;
import io.multiimage.signing.format.Trailer;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How to make an MCUboot image: imgtool {@code sign}'s options that shape the bytes. Build one
 * with {@link #builder()}; every value is checked by {@link Builder#build()}.
 *
 * <pre>{@code
 * SignOptions options = SignOptions.builder()
 *         .headerSize(0x200).padHeader(true)       // from the partition layout (mcuboot_pad)
 *         .align(4)                                // the board's flash write block size
 *         .slotSize(0x2c000)                       // the primary slot's size
 *         .version(ImageVersion.parse("1.2.3+4"))
 *         .build();
 * }</pre>
 */
public final class SignOptions {

    private final int headerSize;
    private final boolean padHeader;
    private final int align;
    private final ImageVersion version;
    private final long slotSize;
    private final boolean pad;
    private final boolean confirm;
    private final boolean test;
    private final byte erasedValue;
    private final OptionalLong romFixedAddress;
    private final SecurityCounter securityCounter;
    private final PublicKeyFormat publicKeyFormat;
    private final int maxSectors;
    private final boolean overwriteOnly;

    private SignOptions(Builder b) {
        this.headerSize = b.headerSize;
        this.padHeader = b.padHeader;
        this.align = b.align;
        this.version = b.version;
        this.slotSize = b.slotSize;
        this.confirm = b.confirm;
        this.test = b.test;
        this.pad = b.pad || b.confirm || b.test; // as imgtool: --confirm and --test imply --pad
        this.erasedValue = (byte) b.erasedValue;
        this.romFixedAddress = b.romFixedAddress;
        this.securityCounter = b.securityCounter;
        this.publicKeyFormat = b.publicKeyFormat;
        this.maxSectors = b.maxSectors;
        this.overwriteOnly = b.overwriteOnly;
    }

    /** A builder with imgtool's defaults (no header size, version or slot size yet). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.headerSize = headerSize;
        b.padHeader = padHeader;
        b.align = align;
        b.version = version;
        b.slotSize = slotSize;
        b.pad = pad;
        b.confirm = confirm;
        b.test = test;
        b.erasedValue = erasedValue & 0xff;
        b.romFixedAddress = romFixedAddress;
        b.securityCounter = securityCounter;
        b.publicKeyFormat = publicKeyFormat;
        b.maxSectors = maxSectors;
        b.overwriteOnly = overwriteOnly;
        return b;
    }

    /** {@code --header-size}: bytes reserved for the header before the image. */
    public int headerSize() {
        return headerSize;
    }

    /** {@code --pad-header}: add the header in front of the image (else the image starts with it, zeroed). */
    public boolean padHeader() {
        return padHeader;
    }

    /** {@code --align}: the flash write alignment, for the trailer layout. */
    public int align() {
        return align;
    }

    /** {@code --version}. */
    public ImageVersion version() {
        return version;
    }

    /** {@code --slot-size}: the slot the image must fit, with its trailer. */
    public long slotSize() {
        return slotSize;
    }

    /** {@code --pad}: pad to the slot size and write the trailer magic (also set by confirm and test). */
    public boolean pad() {
        return pad;
    }

    /** {@code --confirm}: the trailer's image_ok is set (the image is permanent after a swap). */
    public boolean confirm() {
        return confirm;
    }

    /** {@code --test}: padded with the magic and image_ok left erased (a test swap). */
    public boolean test() {
        return test;
    }

    /** {@code -R}: the value erased flash reads as, 0xff (default) or 0x00. */
    public byte erasedValue() {
        return erasedValue;
    }

    /** {@code --rom-fixed}: the flash address the image is linked to run from, if any. */
    public OptionalLong romFixedAddress() {
        return romFixedAddress;
    }

    /** {@code -s}: the security counter. */
    public SecurityCounter securityCounter() {
        return securityCounter;
    }

    /** {@code --public-key-format}. */
    public PublicKeyFormat publicKeyFormat() {
        return publicKeyFormat;
    }

    /** {@code --max-sectors}: sectors the trailer's swap status area allows for (default 128). */
    public int maxSectors() {
        return maxSectors;
    }

    /** {@code --overwrite-only}: the trailer of an overwrite-only bootloader (no swap status). */
    public boolean overwriteOnly() {
        return overwriteOnly;
    }

    /** The trailer these options lay out at the end of the slot. */
    public Trailer trailer() {
        return new Trailer(align, maxSectors, overwriteOnly);
    }

    /** imgtool's command-line options for these settings, for logs and docs. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("--header-size ").append(Hex.offset(headerSize));
        if (padHeader) {
            s.append(" --pad-header");
        }
        s.append(" --align ")
                .append(align)
                .append(" --version ")
                .append(version)
                .append(" --slot-size ")
                .append(Hex.offset(slotSize));
        if (confirm) {
            s.append(" --confirm");
        } else if (test) {
            s.append(" --test");
        } else if (pad) {
            s.append(" --pad");
        }
        if (erasedValue == 0) {
            s.append(" -R 0");
        }
        romFixedAddress.ifPresent(a -> s.append(" --rom-fixed ").append(Hex.offset(a)));
        if (!securityCounter.equals(SecurityCounter.NONE)) {
            s.append(" -s ").append(securityCounter);
        }
        if (publicKeyFormat == PublicKeyFormat.FULL) {
            s.append(" --public-key-format full");
        }
        if (maxSectors != Trailer.DEFAULT_MAX_SECTORS) {
            s.append(" --max-sectors ").append(maxSectors);
        }
        if (overwriteOnly) {
            s.append(" --overwrite-only");
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignOptions other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Collects options; {@link #build()} checks them. */
    public static final class Builder {
        private int headerSize = -1;
        private boolean padHeader;
        private int align = 1;
        private ImageVersion version;
        private long slotSize = -1;
        private boolean pad;
        private boolean confirm;
        private boolean test;
        private int erasedValue = 0xff;
        private OptionalLong romFixedAddress = OptionalLong.empty();
        private SecurityCounter securityCounter = SecurityCounter.NONE;
        private PublicKeyFormat publicKeyFormat = PublicKeyFormat.HASH;
        private int maxSectors = Trailer.DEFAULT_MAX_SECTORS;
        private boolean overwriteOnly;

        private Builder() {}

        /** Required: 32 to 65535 bytes. */
        public Builder headerSize(int bytes) {
            this.headerSize = bytes;
            return this;
        }

        /** Default false. */
        public Builder padHeader(boolean value) {
            this.padHeader = value;
            return this;
        }

        /** 1, 2, 4, 8, 16 or 32; default 1. */
        public Builder align(int bytes) {
            this.align = bytes;
            return this;
        }

        /** Required. */
        public Builder version(ImageVersion value) {
            this.version = Objects.requireNonNull(value, "version");
            return this;
        }

        /** Required: the slot size in bytes. */
        public Builder slotSize(long bytes) {
            this.slotSize = bytes;
            return this;
        }

        /** Default false. */
        public Builder pad(boolean value) {
            this.pad = value;
            return this;
        }

        /** Default false; implies pad. */
        public Builder confirm(boolean value) {
            this.confirm = value;
            return this;
        }

        /** Default false; implies pad. */
        public Builder test(boolean value) {
            this.test = value;
            return this;
        }

        /** 0x00 or 0xff (default). */
        public Builder erasedValue(int value) {
            this.erasedValue = value;
            return this;
        }

        /** The ROM_FIXED address; default none. */
        public Builder romFixedAddress(long address) {
            this.romFixedAddress = OptionalLong.of(address);
            return this;
        }

        /** Default {@link SecurityCounter#NONE}. */
        public Builder securityCounter(SecurityCounter value) {
            this.securityCounter = Objects.requireNonNull(value, "securityCounter");
            return this;
        }

        /** Default {@link PublicKeyFormat#HASH}. */
        public Builder publicKeyFormat(PublicKeyFormat value) {
            this.publicKeyFormat = Objects.requireNonNull(value, "publicKeyFormat");
            return this;
        }

        /** Default 128. */
        public Builder maxSectors(int value) {
            this.maxSectors = value;
            return this;
        }

        /** Default false. */
        public Builder overwriteOnly(boolean value) {
            this.overwriteOnly = value;
            return this;
        }

        /**
         * The options.
         *
         * @throws SigningException a value missing or out of range, or confirm with test
         */
        public SignOptions build() throws SigningException {
            if (headerSize < 0) {
                throw new SigningException("the MCUboot header size is not set (it comes from the partition"
                        + " layout: the size of the mcuboot_pad partition)");
            }
            if (headerSize < ImageFormat.HEADER_FIELDS_SIZE || headerSize > ImageFormat.MAX_HEADER_SIZE) {
                throw new SigningException("the MCUboot header size " + Hex.offset(headerSize) + " is out of range "
                        + Hex.offset(ImageFormat.HEADER_FIELDS_SIZE) + "-" + Hex.offset(ImageFormat.MAX_HEADER_SIZE));
            }
            if (Integer.bitCount(align) != 1 || align > 32) {
                throw new SigningException(
                        "the flash write alignment " + align + " is not one MCUboot supports: 1, 2, 4, 8, 16 or 32");
            }
            if (version == null) {
                throw new SigningException("the image version is not set");
            }
            if (slotSize < 0) {
                throw new SigningException("the slot size is not set (it comes from the partition layout)");
            }
            if (slotSize == 0 || slotSize > 0xffffffffL) {
                throw new SigningException("the slot size " + slotSize + " is out of range 1-0xffffffff");
            }
            if (confirm && test) {
                throw new SigningException("confirm and test exclude each other: a confirmed image is permanent,"
                        + " a test image is reverted unless the application confirms it");
            }
            if (erasedValue != 0 && erasedValue != 0xff) {
                throw new SigningException(
                        "the erased flash value must be 0x00 or 0xff, got " + Hex.offset(erasedValue));
            }
            if (romFixedAddress.isPresent()
                    && (romFixedAddress.getAsLong() < 0 || romFixedAddress.getAsLong() > 0xffffffffL)) {
                throw new SigningException("the ROM_FIXED address " + Hex.offset(romFixedAddress.getAsLong())
                        + " is outside the 32-bit address space");
            }
            if (maxSectors < 1) {
                throw new SigningException("max sectors must be positive, got " + maxSectors);
            }
            return new SignOptions(this);
        }
    }
}
