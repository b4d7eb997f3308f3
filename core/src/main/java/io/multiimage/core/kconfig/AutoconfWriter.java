package io.multiimage.core.kconfig;

import java.util.List;

/**
 * Renders {@code autoconf.h} (kconfig-subset §8.2): the header text, then one
 * {@code #define} per symbol in {@code .config} order — bool {@code y} as {@code 1}, bool
 * {@code n} omitted, strings quoted and escaped, ints verbatim, hex values with {@code 0x}
 * put in front unless they start with {@code 0x}/{@code 0X}. No guard, no comments.
 */
public final class AutoconfWriter {

    private AutoconfWriter() {}

    /** The {@code autoconf.h} text; {@code header} is written first, as is (may be empty). */
    public static String render(List<ResolvedSymbol> symbols, String header) {
        StringBuilder out = new StringBuilder(header);
        for (ResolvedSymbol symbol : symbols) {
            KconfigValue value = symbol.value();
            String text = switch (value.type()) {
                case BOOL -> value.isYes() ? "1" : null;
                case STRING -> value.configText();
                case INT -> value.text();
                case HEX ->
                    value.text().startsWith("0x") || value.text().startsWith("0X") ? value.text() : "0x" + value.text();
            };
            if (text != null) {
                out.append("#define CONFIG_")
                        .append(symbol.name())
                        .append(' ')
                        .append(text)
                        .append('\n');
            }
        }
        return out.toString();
    }
}
