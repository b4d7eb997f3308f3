package io.multiimage.core.kconfig;

import java.util.Objects;

/**
 * A typed symbol value. {@code text} is the value itself: {@code y}/{@code n} for bool, the
 * digits as written for int and hex, and the unescaped text (no quotes) for string. No value
 * holds a control character ({@link ControlCharacters}): the constructor refuses them.
 *
 * @param type the symbol type
 * @param text the value text
 */
public record KconfigValue(KconfigType type, String text) {

    /** The bool value {@code y}. */
    public static final KconfigValue YES = new KconfigValue(KconfigType.BOOL, "y");
    /** The bool value {@code n}. */
    public static final KconfigValue NO = new KconfigValue(KconfigType.BOOL, "n");

    /** Checks the parts; a bool must be {@code y} or {@code n}. */
    public KconfigValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (type == KconfigType.BOOL && !text.equals("y") && !text.equals("n")) {
            throw new IllegalArgumentException("a bool value is y or n, not '" + text + "'");
        }
        int control = ControlCharacters.indexOfControl(text);
        if (control >= 0) {
            // FragmentParser refuses these with the file and line; this guards every other producer,
            // so that no writer can put a raw control character into .config or autoconf.h
            throw new IllegalArgumentException("a configuration value may not contain the control character "
                    + ControlCharacters.describe(text.charAt(control)));
        }
    }

    /** A string value holding {@code text} (unescaped). */
    public static KconfigValue ofString(String text) {
        return new KconfigValue(KconfigType.STRING, text);
    }

    /** True for the bool value {@code y}. */
    public boolean isYes() {
        return type == KconfigType.BOOL && text.equals("y");
    }

    /**
     * The value as it appears after {@code CONFIG_NAME=} in a {@code .config}: strings quoted
     * with {@code \} and {@code "} escaped, everything else verbatim.
     */
    public String configText() {
        return type == KconfigType.STRING ? quote(text) : text;
    }

    /** {@code "text"} with backslash and double quote escaped, the {@code .config} string form. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    @Override
    public String toString() {
        return configText();
    }
}
