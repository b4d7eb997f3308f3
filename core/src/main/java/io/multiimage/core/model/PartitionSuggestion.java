package io.multiimage.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an image's partition would go, for the {@code pm_static.yml} entry an error message
 * proposes (typically the address and size the dynamic layout gave it).
 *
 * @param address start address
 * @param size size in bytes
 * @param region the memory region, e.g. {@code flash_primary}
 */
public record PartitionSuggestion(long address, long size, String region) {

    /** Checks the parts. */
    public PartitionSuggestion {
        Objects.requireNonNull(region, "region");
        if (address < 0 || size <= 0) {
            throw new IllegalArgumentException("address must be >= 0 and size > 0");
        }
    }

    /** The {@code pm_static.yml} entry for {@code image}, one line per key, no trailing newline. */
    public String yamlEntry(String image) {
        return image + ":\n  address: 0x" + Long.toHexString(address).toLowerCase(Locale.ROOT)
                + "\n  size: 0x" + Long.toHexString(size).toLowerCase(Locale.ROOT)
                + "\n  region: " + region;
    }
}
