/**
 * Sparse memory images and the file formats firmware comes in: Intel HEX, S-record, ELF, raw
 * binary and UF2 (read and write), merging with overlap policies, atomic file writes. Depends on
 * the JDK only.
 */
package io.multiimage.hex;
