package io.multiimage.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a child image gets into the firmware: built from source (the default), taken from a
 * prebuilt HEX, or left out.
 */
public sealed interface BuildStrategy permits BuildStrategy.FromSource, BuildStrategy.UseHex, BuildStrategy.Skip {

    /** The strategy's name as users write it: {@code from-source}, {@code use-hex} or {@code skip}. */
    String id();

    /** True for strategies that need the image's partition in {@code pm_static.yml}. */
    default boolean needsStaticPartition() {
        return !(this instanceof FromSource);
    }

    /** The default strategy. */
    static BuildStrategy fromSource() {
        return new FromSource();
    }

    /** Build the image from its sources. */
    record FromSource() implements BuildStrategy {
        @Override
        public String id() {
            return "from-source";
        }
    }

    /** Leave the image out of the build; its partition stays reserved. */
    record Skip() implements BuildStrategy {
        @Override
        public String id() {
            return "skip";
        }
    }

    /**
     * Use a prebuilt HEX.
     *
     * @param source the file or artifact
     * @param sha256 the expected SHA-256 of the HEX (64 lower-case hex digits), if pinned
     */
    record UseHex(HexSource source, Optional<String> sha256) implements BuildStrategy {

        private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

        /** Checks the parts; the digest must already be normalised (see {@link #of}). */
        public UseHex {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sha256, "sha256");
            if (sha256.isPresent() && !SHA256.matcher(sha256.get()).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256.get());
            }
        }

        /**
         * A use-hex strategy from user input; {@code sha256} may be null, any case.
         *
         * @throws ImageModelException naming {@code image} if the digest is not 64 hex digits
         */
        public static UseHex of(String image, HexSource source, String sha256) throws ImageModelException {
            if (sha256 == null) {
                return new UseHex(source, Optional.empty());
            }
            String normalised = sha256.trim().toLowerCase(Locale.ROOT);
            if (!SHA256.matcher(normalised).matches()) {
                throw new ImageModelException(
                        image,
                        "Image '" + image + "': invalid sha256 '" + sha256 + "': expected 64 hexadecimal digits");
            }
            return new UseHex(source, Optional.of(normalised));
        }

        @Override
        public String id() {
            return "use-hex";
        }
    }
}
