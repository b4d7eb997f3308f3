package io.multiimage.hex;

/**
 * How forgiving a text-format reader is. {@link #STRICT} is the default everywhere: a
 * firmware tool must never silently drop or invent a byte. Both modes accept empty lines
 * (LF or CRLF) anywhere and DOS end-of-file characters (0x1A) on the lines after the
 * end-of-file or termination record, as {@code srec_cat} and Python's {@code intelhex} do.
 *
 * <p>{@link #LENIENT} tolerates only things that cannot change which byte ends up at which
 * address: a UTF-8 byte order mark at the start of the file; spaces and tabs around records
 * and lines of only blanks; a missing end-of-file (or S-record termination) record; anything
 * after the end-of-file record (ignored, never parsed); a non-zero address field on Intel HEX
 * record types 01-05 (the field is meaningless there); and a missing or wrong S5/S6 record
 * count. Checksums, byte counts, hex digits, unknown record types, addresses past 4 GiB, two
 * different values for one address, conflicting start addresses and over-long lines are
 * errors in both modes.
 */
public enum ReadMode {
    /** Every deviation from the format is an error. */
    STRICT,
    /** Tolerates the cosmetic deviations listed on {@link ReadMode}. */
    LENIENT
}
