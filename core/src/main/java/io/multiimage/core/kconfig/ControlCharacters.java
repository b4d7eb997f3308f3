package io.multiimage.core.kconfig;

/**
 * The characters a configuration value may not hold: C0 controls U+0000 to U+001F (tab
 * included) and DEL U+007F. {@code autoconf.h} would carry them into C source unescaped (a
 * carriage return ends the {@code #define} line for the C preprocessor, so the rest of the
 * value became a line of its own), {@code .config} has no escape for them, and Kconfiglib
 * reads a carriage return in a fragment as a line break.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** True for U+0000 to U+001F and U+007F. */
    public static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F;
    }

    /** Index of the first control character in {@code text}, or -1. */
    public static int indexOfControl(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code U+000D (carriage return)}: the code and, for the common ones, the name. */
    public static String describe(char c) {
        String name = switch (c) {
            case 0x00 -> " (NUL)";
            case 0x09 -> " (tab)";
            case 0x0A -> " (line feed)";
            case 0x0B -> " (vertical tab)";
            case 0x0C -> " (form feed)";
            case 0x0D -> " (carriage return)";
            case 0x1B -> " (escape)";
            case 0x7F -> " (delete)";
            default -> "";
        };
        return String.format("U+%04X%s", (int) c, name);
    }
}
