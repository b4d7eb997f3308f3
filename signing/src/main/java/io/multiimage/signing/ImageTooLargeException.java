package io.multiimage.signing;

import io.multiimage.signing.format.Hex;

/** A signed image that, with the MCUboot trailer, does not fit its slot. */
public class ImageTooLargeException extends SigningException {

    private static final long serialVersionUID = 1L;

    private final long signedSize;
    private final long trailerSize;
    private final long slotSize;

    /** The sizes that do not fit. */
    public ImageTooLargeException(long signedSize, long trailerSize, long slotSize) {
        super("the signed image is " + size(signedSize) + " and the MCUboot trailer needs " + size(trailerSize)
                + " at the end of the slot: together " + size(signedSize + trailerSize) + ", but the slot is "
                + size(slotSize) + " (" + (signedSize + trailerSize - slotSize) + " bytes too many)");
        this.signedSize = signedSize;
        this.trailerSize = trailerSize;
        this.slotSize = slotSize;
    }

    private static String size(long bytes) {
        return Hex.offset(bytes) + " (" + bytes + ") bytes";
    }

    /** Header, image and TLV areas. */
    public long signedSize() {
        return signedSize;
    }

    /** The trailer reserved at the slot's end. */
    public long trailerSize() {
        return trailerSize;
    }

    /** The slot. */
    public long slotSize() {
        return slotSize;
    }
}
