package io.multiimage.core.toolchain;

import java.util.Locale;

/**
 * How much of its partition and of RAM an image uses, in the terms of {@code size}: text
 * (code and constants, including the vector table), data (initialised variables: stored in
 * flash, copied to RAM) and bss (zeroed variables, RAM only).
 *
 * @param text bytes of code and read-only data
 * @param data bytes of initialised data
 * @param bss bytes of zero-initialised data
 * @param flashAvailable size of the image's flash partition
 * @param ramAvailable size of the RAM the image may use
 */
public record SizeReport(long text, long data, long bss, long flashAvailable, long ramAvailable) {

    /** Bytes of flash the image occupies: text plus the initial values of data. */
    public long flashUsed() {
        return text + data;
    }

    /** Bytes of RAM taken by variables (the stack comes on top). */
    public long ramUsed() {
        return data + bss;
    }

    /** {@code "flash 1234 of 49152 bytes (2.5%), RAM 56 of 65536 bytes (0.1%)"}. */
    public String summary() {
        return "flash " + flashUsed() + " of " + flashAvailable + " bytes (" + percent(flashUsed(), flashAvailable)
                + "), RAM " + ramUsed() + " of " + ramAvailable + " bytes (" + percent(ramUsed(), ramAvailable)
                + ")";
    }

    private static String percent(long used, long available) {
        return String.format(Locale.ROOT, "%.1f%%", available == 0 ? 0.0 : 100.0 * used / available);
    }
}
