package io.multiimage.bench.signing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Thread CPU time (and wall time) per sign and per verify of the 1 MiB image of
 * {@link SigningBenchmark}, for each key type, after warm-up. On a shared machine the CPU time
 * does not depend on how many other processes compete for the cores; JMH measures wall time.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.multiimage.bench.signing.SigningCpuTime [rounds]}
 */
public final class SigningCpuTime {

    private SigningCpuTime() {}

    /** Prints one line per key type and operation: the median round, and the fastest. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int perRound = 50;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String type : new String[] {"ed25519", "ecdsa-p256", "rsa-2048"}) {
            SigningBenchmark bench = new SigningBenchmark();
            bench.keyType = type;
            bench.setUp();
            for (String operation : new String[] {"sign", "verify"}) {
                Runnable op = operation.equals("sign") ? () -> sign(bench) : bench::verify;
                for (int i = 0; i < 200; i++) {
                    op.run(); // warm-up
                }
                double[] cpu = new double[rounds];
                double[] wall = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long wallStart = System.nanoTime();
                    for (int i = 0; i < perRound; i++) {
                        op.run();
                    }
                    cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / perRound / 1e6;
                    wall[r] = (System.nanoTime() - wallStart) / perRound / 1e6;
                }
                java.util.Arrays.sort(cpu);
                java.util.Arrays.sort(wall);
                System.out.printf(
                        Locale.ROOT,
                        "%-10s %-6s cpu median %.2f ms (min %.2f), wall median %.2f ms (min %.2f)%n",
                        type,
                        operation,
                        cpu[rounds / 2],
                        cpu[0],
                        wall[rounds / 2],
                        wall[0]);
            }
        }
    }

    private static void sign(SigningBenchmark bench) {
        try {
            bench.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
