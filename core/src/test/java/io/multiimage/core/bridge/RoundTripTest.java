package io.multiimage.core.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.Layout;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.PartitionManager;
import io.multiimage.partition.RequestSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export, then import, gives the same layout, for every layout of the partition module's golden
 * cases. "The same": the same partition names, and for each the same address, size and region;
 * a container spans the same partitions (as a set; the reference's span order is not stable) —
 * the containers the partition manager generated, the {@code *_pad} partitions and the
 * {@code EMPTY_<n>} gaps included. Placement hints ({@code placement}, {@code share_size},
 * {@code sharers}, {@code orig_span}) are not part of a devicetree and not compared.
 */
class RoundTripTest {

    static List<GoldenDomains.Domain> domains() {
        return GoldenDomains.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void exportThenImportGivesTheSameLayout(GoldenDomains.Domain domain, @TempDir Path dir) throws Exception {
        ImportedLayout imported = exportAndImport(domain, dir);
        assertEquals(
                summary(LayoutPartitions.of(domain.layout(), domain.fileName())),
                summary(imported.partitions()),
                domain.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void theImportedStaticLayoutPlacesEveryPartitionWhereTheOriginalWas(GoldenDomains.Domain domain, @TempDir Path dir)
            throws Exception {
        ImportedLayout imported = exportAndImport(domain, dir);
        String pmStatic = imported.pmStaticYaml(List.of("imported"));
        Layout replaced = new PartitionManager()
                .place(new DomainConfig(
                        domain.layout().name(),
                        List.of(),
                        RequestSource.ofText("pm_static.yml", pmStatic),
                        domain.regions()));
        assertEquals(
                summary(LayoutPartitions.of(domain.layout(), domain.fileName())),
                summary(LayoutPartitions.of(replaced.toOutputDomain(), "re-placed")),
                domain + "\n" + pmStatic);
    }

    static ImportedLayout exportAndImport(GoldenDomains.Domain domain, Path dir)
            throws IOException, InvalidConfigurationException {
        BridgeFixture.Exported exported = BridgeFixture.export(domain, BridgeFixture.imagePartition(domain), dir);
        return new DevicetreeImporter(RegionNodes.parse(
                        SyntheticBoard.mappings(domain.layout().regions())))
                .read(exported.merged());
    }

    /** name → "address size region [span as a sorted set]". */
    static Map<String, String> summary(List<LayoutPartition> partitions) {
        Map<String, String> summary = new TreeMap<>();
        for (LayoutPartition p : partitions) {
            Set<String> span = new TreeSet<>(p.span());
            summary.put(p.name(), String.format("0x%x 0x%x %s %s", p.address(), p.size(), p.region(), span));
        }
        return summary;
    }

    static void unused() throws PartitionException {}
}
