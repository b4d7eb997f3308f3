package io.multiimage.bench.partition;

import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.PlacementStrategy;
import io.multiimage.partition.Region;
import io.multiimage.partition.RequestSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible 200-partition workload over three regions (complex flash, complex RAM, packed
 * external flash): chains anchored on start, end and app, some aligned, containers over chains,
 * an MCUboot-style slot with a dynamic sharer in flash. Valid for the reference script too
 * (no placement whose order depends on its hash seed).
 *
 * <p>{@code main(dir)} writes {@code pm.yml} and {@code place.args} (the reference's arguments)
 * for the end-to-end comparison script.
 */
public final class PartitionWorkload {

    /** Number of requested partitions. */
    public static final int PARTITIONS = 200;

    private final String yaml;
    private final List<Region> regions = new ArrayList<>();

    /** Builds the workload from a seed. */
    public PartitionWorkload(long seed) {
        Random rnd = new Random(seed);
        regions.add(Region.of("sram_primary", 0x20000000L, 0x80000, PlacementStrategy.COMPLEX)
                .withDynamicPartition("sram_primary"));
        regions.add(Region.of("flash_primary", 0, 0x1000000, PlacementStrategy.COMPLEX)
                .withDevice("flash_controller", "CONFIG_SOC_FLASH_NRF"));
        regions.add(Region.of("external_flash", 0, 0x4000000, PlacementStrategy.START_TO_END)
                .withDevice("spi_nor", "CONFIG_SPI_NOR"));
        StringBuilder b = new StringBuilder();
        int count = 0;
        b.append("mcuboot:\n  size: 0xc000\n  placement: {after: [start]}\n")
                .append("mcuboot_pad:\n  size: 0x200\n  placement: {before: [app]}\n")
                .append("mcuboot_primary:\n  span: [mcuboot_pad, app]\n")
                .append(
                        "mcuboot_secondary:\n  share_size: [mcuboot_primary]\n  placement: {after: [mcuboot_primary]}\n");
        count += 3;
        // flash: chains after mcuboot (start side) and before end, 60 partitions each
        count += chain(b, rnd, "f", "after", "mcuboot", 60, "flash_primary", true);
        count += chain(b, rnd, "g", "before", "end", 60, "flash_primary", true);
        // RAM: chains after start and before end
        count += chain(b, rnd, "r", "after", "start", 20, "sram_primary", false);
        count += chain(b, rnd, "q", "before", "end", 19, "sram_primary", false);
        // external flash: packed
        while (count < PARTITIONS) {
            b.append("x")
                    .append(count)
                    .append(":\n  region: external_flash\n  size: ")
                    .append(hex((1 + rnd.nextInt(64)) * 0x1000L))
                    .append('\n');
            count++;
        }
        this.yaml = b.toString();
    }

    private static int chain(
            StringBuilder b,
            Random rnd,
            String prefix,
            String dir,
            String anchor,
            int n,
            String region,
            boolean align) {
        String previous = anchor;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = prefix + i;
            b.append(name)
                    .append(":\n  region: ")
                    .append(region)
                    .append("\n  size: ")
                    .append(hex((1 + rnd.nextInt(32)) * 0x100L))
                    .append("\n  placement:\n    ")
                    .append(dir)
                    .append(": [")
                    .append(previous)
                    .append("]\n");
            if (align && rnd.nextInt(4) == 0) {
                b.append("    align: {start: ")
                        .append(hex(0x100L << rnd.nextInt(5)))
                        .append("}\n");
            }
            names.add(name);
            previous = name;
        }
        for (int i = 0; i + 5 <= n; i += 10) {
            b.append(prefix)
                    .append("_box")
                    .append(i)
                    .append(":\n  span: ")
                    .append(names.subList(i, i + 5))
                    .append("\n  region: ")
                    .append(region)
                    .append('\n');
        }
        return n;
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** The request file text. */
    public String yaml() {
        return yaml;
    }

    /** The regions (RAM, flash, external flash). */
    public List<Region> regions() {
        return regions;
    }

    /** The domain configuration with the request file as one source. */
    public DomainConfig config() {
        return DomainConfig.root(List.of(RequestSource.ofText("bench/pm.yml", yaml)), null, regions);
    }

    /** The reference script's region arguments. */
    public String regionArguments() {
        StringBuilder a = new StringBuilder("--regions");
        for (Region r : regions) {
            a.append(' ').append(r.name());
        }
        for (Region r : regions) {
            a.append(" --")
                    .append(r.name())
                    .append("-size ")
                    .append(hex(r.size()))
                    .append(" --")
                    .append(r.name())
                    .append("-base-address ")
                    .append(hex(r.baseAddress()))
                    .append(" --")
                    .append(r.name())
                    .append("-placement-strategy ")
                    .append(r.strategy().yamlName());
            if (!r.device().isEmpty()) {
                a.append(" --")
                        .append(r.name())
                        .append("-device ")
                        .append(r.device())
                        .append(" --")
                        .append(r.name())
                        .append("-default-driver-kconfig ")
                        .append(r.defaultDriverKconfig());
            }
            if (r.dynamicPartition() != null) {
                a.append(" --").append(r.name()).append("-dynamic-partition ").append(r.dynamicPartition());
            }
        }
        return a.toString();
    }

    /** Writes {@code pm.yml} and {@code place.args} into the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        PartitionWorkload w = new PartitionWorkload(42);
        Files.writeString(dir.resolve("pm.yml"), w.yaml());
        Files.writeString(dir.resolve("place.args"), w.regionArguments() + "\n");
    }
}
