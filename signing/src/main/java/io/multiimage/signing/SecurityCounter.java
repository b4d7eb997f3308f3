package io.multiimage.signing;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * The security counter of an image (a {@code SEC_CNT} TLV in the protected TLV area, which
 * MCUboot's downgrade prevention compares): none, {@code auto} (derived from the version as
 * imgtool's {@code -s auto}), or an explicit 32-bit value.
 */
public final class SecurityCounter {

    /** No security counter: no protected TLV area. */
    public static final SecurityCounter NONE = new SecurityCounter(Kind.NONE, 0);
    /** Derived from the image version: {@link ImageVersion#autoSecurityCounter()}. */
    public static final SecurityCounter AUTO = new SecurityCounter(Kind.AUTO, 0);

    private enum Kind {
        NONE,
        AUTO,
        EXPLICIT
    }

    private final Kind kind;
    private final long value;

    private SecurityCounter(Kind kind, long value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * An explicit counter.
     *
     * @throws IllegalArgumentException outside 0-4294967295
     */
    public static SecurityCounter of(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("the security counter " + value + " is out of range 0-4294967295");
        }
        return new SecurityCounter(Kind.EXPLICIT, value);
    }

    /**
     * Reads imgtool's {@code -s} syntax: {@code auto} or an integer (decimal, or {@code 0x} hex).
     *
     * @throws SigningException anything else
     */
    public static SecurityCounter parse(String text) throws SigningException {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        try {
            long number = value.startsWith("0x") || value.startsWith("0X")
                    ? Long.parseLong(value.substring(2), 16)
                    : Long.parseLong(value);
            return of(number);
        } catch (NumberFormatException e) {
            throw new SigningException("the security counter '" + text + "' is neither 'auto' nor an integer"
                    + " (decimal or 0x-prefixed hex, 0-4294967295)");
        } catch (IllegalArgumentException e) {
            throw new SigningException(e.getMessage());
        }
    }

    /** The counter value for {@code version}, or empty for {@link #NONE}. */
    public OptionalLong valueFor(ImageVersion version) {
        switch (kind) {
            case AUTO:
                return OptionalLong.of(version.autoSecurityCounter());
            case EXPLICIT:
                return OptionalLong.of(value);
            default:
                return OptionalLong.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityCounter other && kind == other.kind && value == other.value;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    @Override
    public String toString() {
        return kind == Kind.EXPLICIT ? Long.toString(value) : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
