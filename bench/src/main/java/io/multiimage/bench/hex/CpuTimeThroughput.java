package io.multiimage.bench.hex;

import io.multiimage.hex.ImageException;
import io.multiimage.hex.ImageMerger;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.OverlapPolicy;
import io.multiimage.hex.ReadMode;
import io.multiimage.hex.StartPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The JMH benchmark's in-memory parse + merge + write, timed by the CPU time the whole
 * process spends (all threads) as well as by the wall clock. On a shared machine the wall
 * clock also counts the time other processes hold the processors; CPU time does not, so it
 * shows what the code costs. Prints one Markdown table row per workload.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.multiimage.bench.hex.CpuTimeThroughput [ROUNDS]}
 */
public final class CpuTimeThroughput {

    private CpuTimeThroughput() {}

    /** Entry point. */
    public static void main(String[] args) throws IOException, ImageException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("| workload | HEX text in | CPU time per merge (min of " + rounds
                + ") | throughput by CPU time" + " | wall time per merge (median) | throughput by wall time |");
        System.out.println("|---|---|---|---|---|---|");
        for (Workload w : Workload.values()) {
            List<byte[]> texts = WorkloadGenerator.texts(w);
            long textBytes = texts.stream().mapToLong(t -> t.length).sum();
            // The process CPU clock ticks in milliseconds: repeat small workloads within a round.
            int repeat = (int) Math.max(1, 100_000_000L / textBytes);
            long bestCpu = Long.MAX_VALUE;
            List<Long> walls = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                for (int k = 0; k < repeat; k++) {
                    once(w, texts);
                }
                walls.add((System.nanoTime() - wall0) / repeat);
                bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - cpu0) / repeat);
            }
            Collections.sort(walls);
            long wall = walls.get(walls.size() / 2);
            System.out.printf(
                    "| %s | %.1f MB | %.1f ms | **%.0f MB/s** | %.1f ms | %.0f MB/s |%n",
                    w.id(),
                    textBytes / 1e6,
                    bestCpu / 1e6,
                    textBytes / 1e6 / (bestCpu / 1e9),
                    wall / 1e6,
                    textBytes / 1e6 / (wall / 1e9));
        }
    }

    private static void once(Workload w, List<byte[]> texts) throws IOException, ImageException {
        ImageMerger merger = new ImageMerger(OverlapPolicy.ERROR, StartPolicy.ERROR);
        for (int i = 0; i < texts.size(); i++) {
            String name = w.images().get(i).file();
            merger.addAndConsume(name, IntelHex.read(new ByteArrayInputStream(texts.get(i)), name, ReadMode.STRICT));
        }
        IntelHex.write(merger.result(), OutputStream.nullOutputStream(), IntelHex.WriteOptions.DEFAULT);
    }
}
