package io.multiimage.core.kconfig.engine;

/** A truth value of Kconfig: n (0), m (1) or y (2). */
public enum Tristate {
    /** n: false. */
    N,
    /** m: only reachable through the constant {@code m}; bool symbols promote it to y. */
    M,
    /** y: true. */
    Y;

    /** The value as a number 0, 1 or 2. */
    public int number() {
        return ordinal();
    }

    /** {@code n}, {@code m} or {@code y}. */
    public String text() {
        return TEXT[ordinal()];
    }

    private static final String[] TEXT = {"n", "m", "y"};

    static Tristate of(int value) {
        return values()[value];
    }

    static String text(int value) {
        return TEXT[value];
    }
}
