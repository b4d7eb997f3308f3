package io.multiimage.core.kconfig;

import java.util.List;

/**
 * Renders {@code .config} (kconfig-subset §8.1) for a list of symbols: the header text,
 * then per symbol {@code CONFIG_NAME=y}, {@code # CONFIG_NAME is not set},
 * {@code CONFIG_NAME=value} (int/hex verbatim) or {@code CONFIG_NAME="..."} (backslash and
 * double quote escaped). Every line ends with {@code \n}. Menus and comments come with the
 * Kconfig engine, which knows them; fragment-only results have none.
 */
public final class DotConfigWriter {

    private DotConfigWriter() {}

    /** The {@code .config} text; {@code header} is written first, as is (may be empty). */
    public static String render(List<ResolvedSymbol> symbols, String header) {
        StringBuilder out = new StringBuilder(header);
        for (ResolvedSymbol symbol : symbols) {
            KconfigValue value = symbol.value();
            if (value.type() == KconfigType.BOOL && !value.isYes()) {
                out.append("# CONFIG_").append(symbol.name()).append(" is not set\n");
            } else {
                out.append("CONFIG_")
                        .append(symbol.name())
                        .append('=')
                        .append(value.configText())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
