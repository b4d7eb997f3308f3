package io.multiimage.core.report;

import io.multiimage.core.InvalidConfigurationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size limit on one image: its flash or RAM use must stay at or below a share of its partition
 * (or RAM) or a number of bytes. A build whose image passes a limit fails, naming the image, its
 * size, the limit and where the limit was declared.
 *
 * @param image the image the limit applies to
 * @param memory flash or RAM
 * @param limit the limit
 * @param declaredIn where the limit was declared, for messages (e.g. the build file and element)
 */
public record Budget(String image, Memory memory, Limit limit, String declaredIn) {

    /** Which memory a budget limits. */
    public enum Memory {
        /** The image's flash use against its partition. */
        FLASH,
        /** The image's RAM use against the RAM it was given. */
        RAM;

        /** {@code flash} or {@code ram}, as in {@code memory-report.json}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code flash} or {@code RAM}, as messages say it. */
        public String label() {
            return this == FLASH ? "flash" : "RAM";
        }
    }

    /** Checks the parts. */
    public Budget {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(declaredIn, "declaredIn");
    }

    /**
     * A limit as written: a percentage of the partition ({@code 90%}, {@code 87.5%}) or a number of
     * bytes ({@code 98304}, {@code 0x18000}, {@code 96K}, {@code 96KiB}, {@code 1M}; K and M are 1024
     * and 1024 * 1024, as in linker scripts).
     *
     * @param text the limit as written
     * @param percent the percentage, when the limit is one
     * @param bytes the number of bytes, when the limit is one
     */
    public record Limit(String text, Optional<BigDecimal> percent, Optional<Long> bytes) {

        private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(k|kb|kib|m|mb|mib)?", Pattern.CASE_INSENSITIVE);
        private static final Pattern HEX = Pattern.compile("0x([0-9a-f]+)", Pattern.CASE_INSENSITIVE);

        /**
         * Parses {@code text}; {@code where} names the setting in the message of a bad one.
         *
         * @throws InvalidConfigurationException naming {@code where} and the forms expected
         */
        public static Limit parse(String text, String where) throws InvalidConfigurationException {
            String value = text == null ? "" : text.trim();
            try {
                Matcher percent = PERCENT.matcher(value);
                if (percent.matches()) {
                    BigDecimal share = new BigDecimal(percent.group(1));
                    if (share.signum() > 0 && share.compareTo(BigDecimal.valueOf(100)) <= 0) {
                        return new Limit(value, Optional.of(share), Optional.empty());
                    }
                    throw bad(value, where, "a percentage must be above 0% and at most 100%");
                }
                Matcher hex = HEX.matcher(value);
                if (hex.matches()) {
                    return bytes(value, Long.parseLong(hex.group(1), 16), where);
                }
                Matcher size = SIZE.matcher(value);
                if (size.matches()) {
                    String unit = size.group(2) == null ? "" : size.group(2).toLowerCase(Locale.ROOT);
                    long factor = unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1;
                    return bytes(value, Math.multiplyExact(Long.parseLong(size.group(1)), factor), where);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw bad(value, where, "the number is too large");
            }
            throw bad(value, where, null);
        }

        private static Limit bytes(String text, long bytes, String where) throws InvalidConfigurationException {
            if (bytes <= 0 || bytes > 1L << 32) {
                throw bad(text, where, "a size must be above 0 and at most 4G");
            }
            return new Limit(text, Optional.empty(), Optional.of(bytes));
        }

        private static InvalidConfigurationException bad(String text, String where, String why) {
            return new InvalidConfigurationException(where + ": '" + text + "' is not a memory budget"
                    + (why == null ? "" : " (" + why + ")") + "; expected a percentage of the image's partition"
                    + " such as 90% or 87.5%, or a size in bytes such as 98304, 0x18000, 96K (96KiB) or 1M");
        }

        /** The limit in bytes for a partition (or RAM) of {@code size} bytes; a percentage rounds down. */
        public long bytesOf(long size) {
            if (bytes.isPresent()) {
                return bytes.get();
            }
            return BigDecimal.valueOf(size)
                    .multiply(percent.orElseThrow())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
                    .longValueExact();
        }
    }
}
