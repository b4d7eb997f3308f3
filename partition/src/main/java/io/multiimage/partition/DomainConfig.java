package io.multiimage.partition;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the partition manager needs to lay out one domain.
 *
 * @param name         domain name; {@code ""} for the root domain (files {@code partitions.yml}),
 *                     otherwise e.g. {@code CPUNET} (files {@code partitions_CPUNET.yml})
 * @param requests     request files in the order they are read (the order matters)
 * @param staticConfig the {@code pm_static.yml}, or {@code null}
 * @param regions      the regions in the order given to the reference script
 */
public record DomainConfig(
        String name, List<RequestSource> requests, RequestSource staticConfig, List<Region> regions) {

    /** Copies the lists and checks region names are unique and do not contain one another. */
    public DomainConfig {
        Objects.requireNonNull(name, "name");
        requests = List.copyOf(requests);
        regions = List.copyOf(regions);
        Set<String> names = new HashSet<>();
        for (Region r : regions) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("region " + r.name() + " is given twice");
            }
        }
        for (Region a : regions) {
            for (Region b : regions) {
                if (a != b && b.name().contains(a.name())) {
                    throw new IllegalArgumentException("region name '" + a.name() + "' is part of region name '"
                            + b.name() + "'; the reference matches regions by substring, so such names are rejected");
                }
            }
        }
    }

    /** The root domain. */
    public static DomainConfig root(List<RequestSource> requests, RequestSource staticConfig, List<Region> regions) {
        return new DomainConfig("", requests, staticConfig, regions);
    }

    /** The names of this domain's layout files ({@code partitions.yml}, {@code regions.yml}, {@code pm.config}). */
    public LayoutFileNames fileNames() {
        return new LayoutFileNames(name);
    }

    /** {@code partitions.yml} for the root domain, {@code partitions_<name>.yml} otherwise. */
    public String partitionsFileName() {
        return fileNames().partitions();
    }

    /** {@code regions.yml} for the root domain, {@code regions_<name>.yml} otherwise. */
    public String regionsFileName() {
        return fileNames().regions();
    }
}
