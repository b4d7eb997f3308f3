package io.multiimage.bench.partition;

import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.PartitionManager;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Wall-clock and thread CPU time per placement of the 200-partition workload, after warm-up.
 * On a shared, loaded machine the CPU time is the figure that does not depend on how many
 * other processes compete for the cores; JMH ({@link PlacementBenchmark}) measures wall time.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.multiimage.bench.partition.PlacementCpuTime [rounds]}
 */
public final class PlacementCpuTime {

    private PlacementCpuTime() {}

    /** Prints one line per round of 100 placements. */
    public static void main(String[] args) throws PartitionException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        DomainConfig config = new PartitionWorkload(42).config();
        PartitionManager manager = new PartitionManager();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int perRound = 100;
        for (int r = 0; r < rounds; r++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                manager.place(config);
            }
            System.out.printf(
                    Locale.ROOT,
                    "round %d: wall %.2f ms, cpu %.2f ms per placement%n",
                    r + 1,
                    (System.nanoTime() - wall) / perRound / 1e6,
                    (threads.getCurrentThreadCpuTime() - cpu) / perRound / 1e6);
        }
    }
}
