package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.PlacedDomain;
import io.multiimage.partition.RequestSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lays out one domain with the partition manager's own algorithm: the domain's requests, its
 * static layout and the regions its devicetree offers (an {@code external_flash} region only
 * when a request names it) give a {@link PlacedDomain}; its warnings go to the log as they come.
 * A request the partition manager refuses is the user's to fix: the error names the domain, the
 * file and line, the domain's main image, and a {@code CONFIG_} name the preprocessor left
 * standing because the configuration does not set it.
 */
final class LayoutSolver {

    private final BuildLog log;
    private final PmYmlReader pmYml;

    LayoutSolver(BuildLog log, PmYmlReader pmYml) {
        this.log = log;
        this.pmYml = pmYml;
    }

    /** Lays out the domain {@code pmDomain} ({@code ""} for the top-level one), whose main image is {@code mainImage}. */
    PlacedDomain solve(
            String pmDomain,
            String mainImage,
            List<RequestSource> requests,
            Optional<RequestSource> staticConfig,
            DomainRegions regions)
            throws InvalidConfigurationException {
        try {
            Set<String> requested = new LinkedHashSet<>();
            for (RequestSource request : requests) {
                requested.addAll(request.regionsNamed());
            }
            DomainConfig config =
                    new DomainConfig(pmDomain, requests, staticConfig.orElse(null), regions.forRequests(requested));
            return PlacedDomain.place(config, warning -> log.warn(PlaceStage.describe(pmDomain) + ": " + warning));
        } catch (PartitionException e) {
            InvalidConfigurationException error = new InvalidConfigurationException(
                    "Partition layout of " + PlaceStage.describe(pmDomain) + ": " + e.getMessage()
                            + pmYml.unsetSymbols(e.getMessage()),
                    e);
            e.sources().stream().findFirst().ifPresent(error::blameFile);
            error.blameImage(mainImage);
            throw error;
        }
    }
}
