/**
 * The sign step's rules over the signing library: which partitions of a layout are MCUboot-format
 * signing slots ({@link io.multiimage.core.sign.SigningSlots}: a container spanning a pad and the
 * image), where keys and passphrases come from, signing one image for its slot with header, slot
 * size and alignment from the layout and the board ({@link io.multiimage.core.sign.ImageSigner}),
 * and the flash geometry. See docs/signing.md.
 */
package io.multiimage.core.sign;
