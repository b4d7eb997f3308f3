package io.multiimage.signing.verify;

/**
 * The trailer fields of a padded image, read from the end of the data as imgtool's
 * {@code dumpinfo} does.
 *
 * @param maxAlign the alignment the magic implies (8 for the standard magic)
 * @param imageOk  the image_ok byte (1 = confirmed; erased = not set)
 * @param copyDone the copy_done byte
 * @param swapInfo the swap_info byte
 * @param swapSize the swap_size field
 */
public record TrailerInfo(int maxAlign, int imageOk, int copyDone, int swapInfo, long swapSize) {

    /** Whether image_ok is 1: the image stays after a swap without the application confirming it. */
    public boolean confirmed() {
        return imageOk == 1;
    }
}
