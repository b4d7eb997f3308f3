package io.multiimage.signing.dfu;

import java.util.Objects;

/**
 * One key of a {@code manifest.json} file entry. NCS's {@code generate_zip.py} turns values
 * written as {@code 0x...} into JSON numbers and keeps every other value a string; here the
 * caller says which by the factory used.
 *
 * @param key   the JSON key
 * @param value a {@link String} or a {@link Long}
 */
public record ManifestField(String key, Object value) {

    /** Checks the value's type. */
    public ManifestField {
        Objects.requireNonNull(key, "key");
        if (!(value instanceof String) && !(value instanceof Long)) {
            throw new IllegalArgumentException("a manifest value is a String or a Long, got " + value);
        }
    }

    /** A string value, e.g. {@code "version_MCUBOOT": "1.2.3+4"} or {@code "image_index": "0"}. */
    public static ManifestField text(String key, String value) {
        return new ManifestField(key, Objects.requireNonNull(value, key));
    }

    /** A number value, e.g. {@code "load_address": 49664}. */
    public static ManifestField number(String key, long value) {
        return new ManifestField(key, value);
    }
}
