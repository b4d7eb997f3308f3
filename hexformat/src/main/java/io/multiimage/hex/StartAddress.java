package io.multiimage.hex;

import java.util.Objects;

/**
 * Where execution starts, as a file recorded it. Intel HEX has two kinds, and both are kept
 * so that a read-then-write reproduces the original record: type 03 (segmented, 16-bit CS
 * and 16-bit IP) and type 05 (32-bit linear, the EIP). ELF entry points and S-record
 * termination addresses are linear.
 *
 * @param kind  which record kind carried it
 * @param value for {@link Kind#LINEAR} the address; for {@link Kind#SEGMENTED} {@code CS << 16 | IP}
 */
public record StartAddress(Kind kind, long value) {

    /** The two Intel HEX start-address record kinds. */
    public enum Kind {
        /** Intel HEX type 03: CS:IP, physical address {@code CS * 16 + IP}. */
        SEGMENTED,
        /** Intel HEX type 05 (and ELF, S-record): a 32-bit linear address. */
        LINEAR
    }

    /** Validates that the value fits 32 bits. */
    public StartAddress {
        Objects.requireNonNull(kind, "kind");
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("start address does not fit 32 bits: 0x" + Long.toHexString(value));
        }
    }

    /** A type 05 start address. */
    public static StartAddress linear(long address) {
        return new StartAddress(Kind.LINEAR, address);
    }

    /** A type 03 start address from its two 16-bit halves. */
    public static StartAddress segmented(int cs, int ip) {
        if ((cs & ~0xFFFF) != 0 || (ip & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("CS and IP are 16-bit values: " + cs + ":" + ip);
        }
        return new StartAddress(Kind.SEGMENTED, ((long) cs << 16) | ip);
    }

    /** CS of a segmented start address (the upper 16 bits of {@link #value()}). */
    public int cs() {
        return (int) (value >>> 16);
    }

    /** IP of a segmented start address (the lower 16 bits of {@link #value()}). */
    public int ip() {
        return (int) (value & 0xFFFF);
    }

    /** The address execution starts at: {@code CS * 16 + IP} for segmented, else the value. */
    public long physical() {
        return kind == Kind.SEGMENTED ? ((long) cs() << 4) + ip() : value;
    }

    /** {@code linear 0x00008001} or {@code segmented 0x0000:0x010D}. */
    @Override
    public String toString() {
        return kind == Kind.LINEAR
                ? String.format("linear 0x%08X", value)
                : String.format("segmented 0x%04X:0x%04X", cs(), ip());
    }
}
