package io.multiimage.core.kconfig.engine;

/** The type of a symbol or choice, named as Kconfig writes it. */
public enum SymbolType {
    /** No type given (a symbol only referenced, or defined without a type). */
    UNKNOWN("unknown", 0),
    /** {@code bool}. */
    BOOL("bool", 0),
    /** {@code tristate}: only the constants n, m and y have it (tristate symbols are not supported). */
    TRISTATE("tristate", 0),
    /** {@code string}. */
    STRING("string", 0),
    /** {@code int}. */
    INT("int", 10),
    /** {@code hex}. */
    HEX("hex", 16);

    private final String text;
    private final int base;

    SymbolType(String text, int base) {
        this.text = text;
        this.base = base;
    }

    /** The keyword: {@code bool}, {@code int}, ... ({@code unknown} for no type). */
    public String text() {
        return text;
    }

    /** The number base of values of this type (0 means: inferred from a prefix, as Python does). */
    int base() {
        return base;
    }

    boolean isBoolOrTristate() {
        return this == BOOL || this == TRISTATE;
    }

    boolean isNumeric() {
        return this == INT || this == HEX;
    }
}
