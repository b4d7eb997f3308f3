package io.multiimage.core.report;

import io.multiimage.partition.OutputDomain;
import java.util.Objects;

/**
 * One domain's partition layout, as the partition manager wrote it, under the domain's name.
 *
 * @param domain the domain, e.g. {@code CPUAPP} (the layout itself names the top image's domain {@code ""})
 * @param layout its partitions and regions
 */
public record DomainLayout(String domain, OutputDomain layout) {

    /** Checks the parts. */
    public DomainLayout {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(layout, "layout");
    }
}
