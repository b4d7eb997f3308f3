package io.multiimage.signing.ncs;

import io.multiimage.signing.McubootSigner;
import io.multiimage.signing.PlacedImage;
import io.multiimage.signing.SignOptions;
import io.multiimage.signing.SignedImage;
import io.multiimage.signing.SigningException;
import io.multiimage.signing.format.Hex;
import io.multiimage.signing.keys.SigningKey;
import java.util.List;

/**
 * The update files the nRF Connect SDK builds for an MCUboot-booted image, as its
 * {@code modules/mcuboot/CMakeLists.txt} ({@code sign()} function) makes them with imgtool and
 * objcopy — for the application ({@code app_*}) and, the same way, a network-core image
 * ({@code net_core_app_*}):
 *
 * <table>
 *   <caption>Files and how NCS makes them</caption>
 *   <tr><th>file</th><th>NCS command</th><th>here</th></tr>
 *   <tr><td>{@code <prefix>_signed.hex}</td><td>{@code imgtool sign … --slot-size <primary size> in.hex}</td>
 *       <td>{@link #signedHex()}: the signed image at the primary slot, no trailer</td></tr>
 *   <tr><td>{@code <prefix>_update.bin}</td><td>objcopy HEX→binary ({@code --gap-fill 0xff}), then
 *       {@code imgtool sign …} on the binary</td><td>{@link #updateBin()}: the same signed bytes</td></tr>
 *   <tr><td>{@code <prefix>_test_update.hex}</td><td>{@code imgtool sign … --pad in.hex}</td>
 *       <td>{@link #testUpdateHex()}: the signed image at the primary slot plus the trailer magic at the
 *       slot's end (HEX output with {@code --pad} writes only the magic, image_ok stays erased: a test swap)</td></tr>
 *   <tr><td>{@code <prefix>_moved_test_update.hex}</td><td>{@code objcopy --change-address=<secondary - primary>
 *       --gap-fill=0xff test_update.hex}</td><td>{@link #movedTestUpdateHex()}: the test update at the
 *       secondary slot, the gap between image and magic filled with 0xff</td></tr>
 * </table>
 *
 * <p>NCS runs imgtool once per file; here the image is signed once and every file carries the
 * same signature (for ECDSA and RSA, whose signatures are randomised, NCS's files differ from
 * each other in the signature TLV; both are valid). objcopy also writes the shift as a start
 * address record into the moved HEX; a {@link PlacedImage} has no start address, so a HEX
 * written from it has none (it is meaningless for a slot that is not executed in place).
 */
public final class NcsOutputs {

    private final String prefix;
    private final SignedImage signed;
    private final long primaryAddress;
    private final long secondaryAddress;

    private NcsOutputs(String prefix, SignedImage signed, long primaryAddress, long secondaryAddress) {
        this.prefix = prefix;
        this.signed = signed;
        this.primaryAddress = primaryAddress;
        this.secondaryAddress = secondaryAddress;
    }

    /**
     * Signs {@code image} for the primary slot and derives the four files.
     *
     * @param prefix           {@code app}, or {@code net_core_app} for the network core
     * @param image            the unsigned image (the HEX's bytes, gaps filled with 0xff)
     * @param imageAddress     the address of the image's first byte: the primary slot's address plus
     *                         the header size ({@code PM_APP_ADDRESS})
     * @param primaryAddress   the primary slot's address ({@code PM_MCUBOOT_PRIMARY_ADDRESS})
     * @param secondaryAddress the secondary slot's address ({@code PM_MCUBOOT_SECONDARY_ADDRESS})
     * @param options          with {@code padHeader} (NCS always pads the header), the header size
     *                         of the layout's {@code mcuboot_pad} and the primary slot's size
     * @throws SigningException the image is not where the slot and header size put it, or does not fit
     */
    public static NcsOutputs sign(
            String prefix,
            byte[] image,
            long imageAddress,
            long primaryAddress,
            long secondaryAddress,
            SignOptions options,
            SigningKey key)
            throws SigningException {
        checkPlacement(imageAddress, primaryAddress, options);
        return of(prefix, McubootSigner.sign(image, options, key), primaryAddress, secondaryAddress);
    }

    /**
     * The four files of an image already signed (by {@link McubootSigner} or by
     * {@link io.multiimage.signing.ExternalSigning sign-later}) for the primary slot.
     */
    public static NcsOutputs of(String prefix, SignedImage signed, long primaryAddress, long secondaryAddress)
            throws SigningException {
        long slotSize = signed.options().slotSize();
        long primaryEnd = primaryAddress + slotSize;
        long secondaryEnd = secondaryAddress + slotSize;
        if (primaryEnd > 0x1_0000_0000L
                || secondaryEnd > 0x1_0000_0000L
                || primaryAddress < 0
                || secondaryAddress < 0) {
            throw new SigningException("the slots at " + Hex.address(primaryAddress) + " and "
                    + Hex.address(secondaryAddress) + " of " + Hex.offset(slotSize)
                    + " bytes do not lie in the 32-bit address space");
        }
        if (primaryAddress < secondaryEnd && secondaryAddress < primaryEnd) {
            throw new SigningException("the primary slot " + Hex.address(primaryAddress) + "-" + Hex.address(primaryEnd)
                    + " and the secondary slot " + Hex.address(secondaryAddress) + "-" + Hex.address(secondaryEnd)
                    + " overlap (slot size " + Hex.offset(slotSize) + ")");
        }
        return new NcsOutputs(prefix, signed, primaryAddress, secondaryAddress);
    }

    private static void checkPlacement(long imageAddress, long primaryAddress, SignOptions options)
            throws SigningException {
        if (!options.padHeader()) {
            throw new SigningException("NCS signs with --pad-header: the image is linked after the MCUboot header"
                    + " space, and the signer adds the header in front of it; set padHeader");
        }
        long expected = primaryAddress + options.headerSize();
        if (imageAddress != expected) {
            throw new SigningException("the image starts at " + Hex.address(imageAddress) + ", but the primary slot at "
                    + Hex.address(primaryAddress) + " with a " + Hex.offset(options.headerSize())
                    + "-byte MCUboot header"
                    + " puts the image at " + Hex.address(expected) + ": link it there (PM_APP_ADDRESS)");
        }
    }

    /** {@code app} or {@code net_core_app}. */
    public String prefix() {
        return prefix;
    }

    /** The signed image they are made from. */
    public SignedImage signedImage() {
        return signed;
    }

    /** {@code <prefix>_signed.hex}: the signed image at the primary slot. */
    public PlacedImage signedHex() {
        return signed.placedAtSlot(primaryAddress);
    }

    /** {@code <prefix>_update.bin}: the signed image for DFU transfer (and {@code dfu_application.zip}). */
    public byte[] updateBin() {
        return signed.binary();
    }

    /** {@code <prefix>_test_update.hex}: signed, at the primary slot, with the trailer magic at its end. */
    public PlacedImage testUpdateHex() {
        return signed.withPad().placedAtSlot(primaryAddress);
    }

    /** {@code <prefix>_moved_test_update.hex}: the test update moved to the secondary slot, gaps 0xff. */
    public PlacedImage movedTestUpdateHex() {
        return testUpdateHex().shifted(secondaryAddress - primaryAddress).gapFilled((byte) 0xff);
    }

    /** The file names, in the order NCS lists them: signed, update, test update, moved test update. */
    public List<String> fileNames() {
        return List.of(
                prefix + "_signed.hex",
                prefix + "_update.bin",
                prefix + "_test_update.hex",
                prefix + "_moved_test_update.hex");
    }
}
