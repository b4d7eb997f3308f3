package io.multiimage.core.toolchain;

import io.multiimage.core.InvalidConfigurationException;
import java.util.Map;

/**
 * Replaces {@code ${NAME}} in a configured text by the fact named {@code NAME}. {@code $$} stands
 * for a literal {@code $}; any other {@code $} is kept as it is. An unknown name or an unclosed
 * {@code ${} is an error naming the text and the known names.
 */
public final class Placeholders {

    private Placeholders() {}

    /** {@code text} with every placeholder replaced; {@code where} names the setting for messages. */
    public static String expand(String text, Map<String, String> facts, String where)
            throws InvalidConfigurationException {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new InvalidConfigurationException(where + ": unclosed '${' in '" + text + "'");
                }
                String name = text.substring(i + 2, close);
                String value = facts.get(name);
                if (value == null) {
                    throw new InvalidConfigurationException(where + ": unknown placeholder ${" + name + "} in '" + text
                            + "'; known names: " + String.join(", ", facts.keySet()));
                }
                out.append(value);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
