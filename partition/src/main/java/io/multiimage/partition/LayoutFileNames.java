package io.multiimage.partition;

import java.util.List;
import java.util.Objects;

/**
 * The names of the files that describe one domain's layout, as the Partition Manager names
 * them: {@code partitions.yml}, {@code regions.yml} and {@code pm.config} for the root domain
 * ({@code ""}), {@code partitions_<D>.yml}, {@code regions_<D>.yml} and {@code pm_<D>.config}
 * for domain {@code D}.
 *
 * @param domain the domain's name, {@code ""} for the root domain
 */
public record LayoutFileNames(String domain) {

    /** Checks the name is given. */
    public LayoutFileNames {
        Objects.requireNonNull(domain, "domain");
    }

    /** {@code partitions.yml}, or {@code partitions_<D>.yml}. */
    public String partitions() {
        return domain.isEmpty() ? "partitions.yml" : "partitions_" + domain + ".yml";
    }

    /** {@code regions.yml}, or {@code regions_<D>.yml}. */
    public String regions() {
        return domain.isEmpty() ? "regions.yml" : "regions_" + domain + ".yml";
    }

    /** {@code pm.config}, or {@code pm_<D>.config}. */
    public String pmConfig() {
        return domain.isEmpty() ? "pm.config" : "pm_" + domain + ".config";
    }

    /** The three names, in the order above. */
    public List<String> all() {
        return List.of(partitions(), regions(), pmConfig());
    }
}
