package io.multiimage.hex;

/** Formatting of addresses in messages, one style everywhere. */
final class Hex {

    private Hex() {}

    /** {@code 0x0000abcd}: eight digits, as in every message. */
    static String addr(long address) {
        return String.format("0x%08x", address);
    }

    /** {@code 0x12}. */
    static String byteValue(int value) {
        return String.format("0x%02x", value & 0xFF);
    }

    /** Inclusive range {@code 0x00001000-0x00001fff} of the half-open range [start, end). */
    static String range(long start, long end) {
        return addr(start) + "-" + addr(end - 1);
    }
}
