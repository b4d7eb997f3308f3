package io.multiimage.bench.partition;

import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.Layout;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.PartitionManager;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Placing 200 partitions across 3 regions (target: under 20 ms after warm-up), with and
 * without writing {@code partitions.yml}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlacementBenchmark {

    private DomainConfig config;
    private final PartitionManager manager = new PartitionManager();

    /** Builds the workload once. */
    @Setup
    public void setUp() {
        config = new PartitionWorkload(42).config();
    }

    /** Parse the request text and place every partition. */
    @Benchmark
    public Layout place200Partitions() throws PartitionException {
        return manager.place(config);
    }

    /** Place and produce the text of {@code partitions.yml}. */
    @Benchmark
    public String placeAndWritePartitionsYaml() throws PartitionException {
        return manager.place(config).partitionsYaml();
    }
}
