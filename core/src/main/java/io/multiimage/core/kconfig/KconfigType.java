package io.multiimage.core.kconfig;

/**
 * The type of a configuration symbol. Without Kconfig definitions (fragment-only mode) the
 * type is read off the literal: {@code y}/{@code n} are bool, a quoted text is a string,
 * {@code 0x…} is hex and a decimal number is int.
 */
public enum KconfigType {
    /** {@code y} or {@code n}. */
    BOOL,
    /** A decimal integer, kept as written. */
    INT,
    /** A hexadecimal integer, kept as written. */
    HEX,
    /** A text; stored without quotes and escapes. */
    STRING;

    /** Lower-case name as Kconfig spells it ({@code bool}, {@code int}, {@code hex}, {@code string}). */
    public String kconfigName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
