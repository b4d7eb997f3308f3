/**
 * The MCUboot image format: header, protected and unprotected TLV areas, padding and the trailer.
 */
package io.multiimage.signing.format;
