package io.multiimage.bench.kconfig;

import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.kconfig.engine.KconfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times the engine in a warm JVM: the whole job of the {@code kconfig} command (parse the tree,
 * load the fragments, evaluate, render {@code .config} and {@code autoconf.h}, warnings and
 * assignment checks) repeated in-process after warm-up runs, minus JVM start and file writes.
 *
 * <p>{@code main(DIR [warmup] [runs])} on a tree written by {@link ZephyrSizedTree}; prints the
 * median wall and process CPU time of a run, the fastest run, and the median of each phase.
 */
public final class KconfigWarmRuns {

    private KconfigWarmRuns() {}

    /** Runs the benchmark. */
    public static void main(String[] args) throws KconfigException {
        Path dir = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Double> total = new ArrayList<>();
        List<Double> parse = new ArrayList<>();
        List<Double> fragments = new ArrayList<>();
        List<Double> evaluate = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int checksum = 0;
        for (int i = 0; i < warmup + runs; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Kconfig kconfig = Kconfig.load(dir, "Kconfig", ZephyrSizedTree.environment());
            long t1 = System.nanoTime();
            kconfig.loadFragments(List.of(Path.of("board_defconfig"), Path.of("prj.conf")));
            long t2 = System.nanoTime();
            String config = kconfig.configText("");
            String autoconf = kconfig.autoconfText("");
            int checks = kconfig.assignmentChecks().size();
            int warnings = kconfig.warnings().size();
            long t3 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            checksum += config.length() + autoconf.length() + checks + warnings;
            if (i >= warmup) {
                total.add((t3 - t0) / 1e6);
                parse.add((t1 - t0) / 1e6);
                fragments.add((t2 - t1) / 1e6);
                evaluate.add((t3 - t2) / 1e6);
                cpu.add((c1 - c0) / 1e6);
            }
        }
        System.out.printf(
                "warm engine, %d runs after %d warm-up runs: median %.1f ms wall, %.1f ms process CPU, "
                        + "fastest %.1f ms (parse %.1f, fragments %.1f, evaluate+render %.1f ms median) [%d]%n",
                runs,
                warmup,
                median(total),
                median(cpu),
                Collections.min(total),
                median(parse),
                median(fragments),
                median(evaluate),
                checksum % 10);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
