package io.multiimage.core.bridge;

import io.multiimage.partition.OutputDomain;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.PlacementStrategy;
import io.multiimage.partition.Region;
import io.multiimage.partition.StandardRegions;
import io.multiimage.testkit.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every layout of the partition module's golden cases: each {@code expected/partitions[_D].yml}
 * with its {@code regions[_D].yml}, one per domain of each case (what the reference partition
 * manager wrote for it).
 */
final class GoldenDomains {

    /** One domain of one golden case. */
    record Domain(String caseName, String fileName, OutputDomain layout) {
        @Override
        public String toString() {
            return caseName + "/" + fileName;
        }

        /** The regions as the partition manager takes them. */
        List<Region> regions() {
            List<Region> regions = new ArrayList<>();
            for (Map.Entry<String, Map<String, Object>> e : layout.regions().entrySet()) {
                Map<String, Object> r = e.getValue();
                Object dp = r.get("dynamic_partition");
                regions.add(new Region(
                        e.getKey(),
                        ((Number) r.get("base_address")).longValue(),
                        ((Number) r.get("size")).longValue(),
                        PlacementStrategy.fromYamlName(String.valueOf(r.get("placement_strategy"))),
                        String.valueOf(r.get("device")),
                        String.valueOf(r.get("default_driver_kconfig")),
                        dp == null ? null : String.valueOf(dp)));
            }
            // regions.yml is sorted by name; the partition manager takes them in the SDK's order
            return StandardRegions.inSdkOrder(regions);
        }
    }

    private GoldenDomains() {}

    static Path root() {
        return ProjectPaths.root().resolve("partition/src/test/resources/golden");
    }

    /** Every domain of every case, by case and file name. */
    static List<Domain> all() {
        List<Domain> domains = new ArrayList<>();
        try (Stream<Path> cases = Files.list(root())) {
            for (Path dir : cases.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir.resolve("expected"))) {
                    for (Path partitions : files.filter(
                                    f -> f.getFileName().toString().startsWith("partitions"))
                            .sorted()
                            .toList()) {
                        domains.add(load(dir.getFileName().toString(), partitions));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return domains;
    }

    static Domain load(String caseName, Path partitions) throws IOException {
        String name = partitions.getFileName().toString();
        Path regions = partitions.resolveSibling(name.replaceFirst("^partitions", "regions"));
        try {
            return new Domain(
                    caseName,
                    name,
                    OutputDomain.parse(
                            OutputDomain.domainOfFile(name, "partitions"),
                            name,
                            Files.readString(partitions),
                            regions.getFileName().toString(),
                            Files.readString(regions)));
        } catch (PartitionException e) {
            throw new IllegalStateException(e);
        }
    }
}
