package io.multiimage.core.report;

import java.math.BigDecimal;

/** Text helpers shared by the HTML report and its SVG maps. */
final class Html {

    private Html() {}

    /** {@code text} safe inside HTML or SVG text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code 0x14000}. */
    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** {@code 723 B}, {@code 176 KiB}, {@code 1.5 MiB}: a size a person reads at a glance. */
    static String human(long bytes) {
        long magnitude = Math.abs(bytes);
        if (magnitude < 1024) {
            return bytes + " B";
        }
        if (magnitude < 1024 * 1024) {
            return scaled(bytes, 1024) + " KiB";
        }
        return scaled(bytes, 1024 * 1024) + " MiB";
    }

    private static String scaled(long bytes, long unit) {
        BigDecimal value =
                BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, java.math.RoundingMode.HALF_UP);
        return value.stripTrailingZeros().scale() <= 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /** A number with a fixed two decimals, for SVG coordinates. */
    static String coordinate(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}
