package io.multiimage.partition;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The candidate writer against the golden expected files and YamlWriter on random trees: WriterCompare TREES-DIR. */
public final class WriterCompare {
    public static void main(String[] a) throws Exception {
        int same = 0, diff = 0;
        for (Path f : YamlTrees.corpus()) {
            if (!f.toString().contains("/expected/")) continue;
            String text = Files.readString(f);
            Object root;
            try { root = YamlReader.parse(f.toString(), text).root(); } catch (PartitionException e) { continue; }
            if (!(root instanceof Map)) continue;
            @SuppressWarnings("unchecked") String out = SnakeWriter.write((Map<String, ?>) root);
            if (out.equals(text)) same++; else { diff++; System.out.println("GOLDEN DIFF " + f); show(text, out); }
        }
        System.out.println("golden expected .yml files: identical " + same + ", different " + diff);
        Method mapping = YamlRoundTripTest.class.getDeclaredMethod("mapping", Random.class, int.class, List.class);
        mapping.setAccessible(true);
        int rs = 0, rd = 0;
        for (long seed = 0; seed < 300; seed++) {
            @SuppressWarnings("unchecked") Map<String, Object> tree = (Map<String, Object>) mapping.invoke(null, new Random(seed), 0, new ArrayList<>());
            String hand = YamlWriter.write(tree), snake = SnakeWriter.write(tree);
            if (hand.equals(snake)) rs++; else { rd++; if (rd <= 4) { System.out.println("RANDOM DIFF seed " + seed); show(hand, snake); } }
            Files.writeString(Path.of(a[0], seed + ".snake.yml"), snake);
            Files.writeString(Path.of(a[0], seed + ".hand.yml"), hand);
        }
        System.out.println("random trees: identical " + rs + ", different " + rd);
    }
    static void show(String e, String a) {
        String[] x = e.split("\n", -1), y = a.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "<none>", q = i < y.length ? y[i] : "<none>";
            if (!p.equals(q)) { System.out.println("  line " + (i + 1) + "\n    hand : " + p + "\n    snake: " + q); return; }
        }
    }
}
