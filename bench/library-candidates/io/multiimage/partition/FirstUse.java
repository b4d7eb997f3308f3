package io.multiimage.partition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** First parse and first write in a fresh JVM, wall and thread CPU time: FirstUse hand|snake FILE.yml. */
public final class FirstUse {
    @SuppressWarnings("unchecked")
    public static void main(String[] a) throws Exception {
        boolean snake = a[0].equals("snake");
        String text = Files.readString(Path.of(a[1]));
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Object root = snake ? SnakeReader.parse("t", text).root() : YamlReader.parse("t", text).root();
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        String out = snake ? SnakeWriter.write((Map<String, ?>) root) : YamlWriter.write((Map<String, ?>) root);
        long t2 = System.nanoTime();
        long c2 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 200; i++) { if (snake) SnakeReader.parse("t", text); else YamlReader.parse("t", text); }
        long t3 = System.nanoTime();
        for (int i = 0; i < 200; i++) { if (snake) SnakeWriter.write((Map<String, ?>) root); else YamlWriter.write((Map<String, ?>) root); }
        long t4 = System.nanoTime();
        if (!out.equals(text)) System.out.println("(output differs from input)");
        System.out.printf("%s parse wall %.1f cpu %.1f | write wall %.1f cpu %.1f | next parse %.3f write %.3f%n", a[0], (t1 - t0) / 1e6, (c1 - c0) / 1e6, (t2 - t1) / 1e6, (c2 - c1) / 1e6, (t3 - t2) / 200e6, (t4 - t3) / 200e6);
    }
}
