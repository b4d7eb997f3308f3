/**
 * Checks a merged file against the layout it was merged for: each image's vector table inside its
 * partition, each MCUboot image's header, hash and signature, each bootloader's next stage where
 * the layout puts it ({@link io.multiimage.core.verify.MergedImageVerifier}). Errors name image,
 * partition and address. Used by the build's verify step and by {@code firmware:verify} on any file.
 */
package io.multiimage.core.verify;
