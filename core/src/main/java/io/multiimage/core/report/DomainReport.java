package io.multiimage.core.report;

import java.util.List;
import java.util.Objects;

/**
 * One domain (CPU core) of the firmware: the regions of its partition layout and the images
 * placed outside the partition manager.
 *
 * @param name the domain, e.g. {@code CPUAPP}
 * @param regions its regions, by name; empty when the partition manager did not run for it
 * @param placedByLoadOffset its images placed by {@code CONFIG_FLASH_LOAD_OFFSET}, by address
 */
public record DomainReport(String name, List<RegionReport> regions, List<ReportedImage> placedByLoadOffset) {

    /** Checks the parts. */
    public DomainReport {
        Objects.requireNonNull(name, "name");
        regions = List.copyOf(regions);
        placedByLoadOffset = List.copyOf(placedByLoadOffset);
    }
}
