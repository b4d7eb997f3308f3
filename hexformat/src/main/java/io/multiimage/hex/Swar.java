package io.multiimage.hex;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Hex text conversion eight characters at a time ("SIMD within a register"): one 64-bit
 * load turns eight hex digits into four bytes, one 64-bit store turns four bytes into eight
 * digits. The Intel HEX hot paths use it; everything else uses {@link HexDigits}.
 */
final class Swar {

    static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LANES16 = 0x00FF00FF00FF00FFL;

    private Swar() {}

    /**
     * Bits set (in the high bit of a byte) for every one of the eight characters in {@code x}
     * that is not an ASCII hex digit; 0 when all eight are.
     */
    static long invalidDigits(long x) {
        long high = x & HIGH_BITS;
        // With every byte below 0x80, adding at most 0x7F cannot carry into the next byte.
        long digit = (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L);
        long lower = x | 0x2020202020202020L;
        long letter = (lower + 0x1F1F1F1F1F1F1F1FL) & ~(lower + 0x1919191919191919L);
        return high | (~(digit | letter) & HIGH_BITS);
    }

    /**
     * The four byte values of eight valid hex digits (first character in the lowest byte of
     * {@code x}), each in the low 8 bits of a 16-bit lane, first pair in the lowest lane.
     */
    static long pairLanes(long x) {
        long nibbles = (x & 0x0F0F0F0F0F0F0F0FL) + ((x >>> 6) & 0x0101010101010101L) * 9;
        return ((nibbles & LANES16) << 4) | ((nibbles >>> 8) & LANES16);
    }

    /** Packs the four 16-bit lanes of {@link #pairLanes} into four consecutive bytes. */
    static int packLanes(long lanes) {
        long t = (lanes | (lanes >>> 8)) & 0x0000FFFF0000FFFFL;
        return (int) (t | (t >>> 16));
    }

    /** Sum of the four 16-bit lanes of an accumulator. */
    static int sumLanes(long acc) {
        return (int) ((acc & 0xFFFF) + ((acc >>> 16) & 0xFFFF) + ((acc >>> 32) & 0xFFFF) + (acc >>> 48));
    }

    /** Spreads four bytes (lowest first) into 16-bit lanes, one byte value per lane. */
    static long spread(int fourBytes) {
        long x = fourBytes & 0xFFFFFFFFL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        return (x | (x << 8)) & LANES16;
    }

    /** Eight upper-case hex digits of the bytes in {@link #spread} lanes, first character lowest. */
    static long digits(long lanes) {
        long nibbles = ((lanes >>> 4) & 0x000F000F000F000FL) | ((lanes & 0x000F000F000F000FL) << 8);
        long letters = ((nibbles + 0x0606060606060606L) >>> 4) & 0x0101010101010101L;
        return nibbles + 0x3030303030303030L + letters * 7;
    }
}
