package io.multiimage.partition;

import java.util.function.Consumer;

/**
 * Entry point: places the partitions of one domain the way NCS's Partition Manager does.
 *
 * <pre>{@code
 * DomainConfig cfg = DomainConfig.root(
 *         List.of(RequestSource.ofFile(Path.of("mcuboot/pm.yml")), RequestSource.ofFile(Path.of("app/pm.yml"))),
 *         null,
 *         List.of(Region.of("sram_primary", 0x20000000L, 0x40000, PlacementStrategy.COMPLEX)
 *                         .withDynamicPartition("sram_primary"),
 *                 Region.of("flash_primary", 0, 0x100000, PlacementStrategy.COMPLEX)
 *                         .withDevice("flash_controller", "CONFIG_SOC_FLASH_NRF")));
 * Layout layout = new PartitionManager().place(cfg);
 * long appAddress = layout.addressOf("app");
 * }</pre>
 */
public final class PartitionManager {

    private final Consumer<String> warnings;

    /** A partition manager that discards informational messages. */
    public PartitionManager() {
        this(message -> {});
    }

    /** A partition manager that reports informational messages and warnings to {@code warnings}. */
    public PartitionManager(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Lays out one domain.
     *
     * @throws PartitionException naming the partitions and files when the requests cannot be satisfied
     */
    public Layout place(DomainConfig config) throws PartitionException {
        DomainSolver.Solved solved = new DomainSolver(config, warnings).solve();
        return new Layout(config.name(), config.regions(), solved.partitions(), solved.staticNames());
    }
}
