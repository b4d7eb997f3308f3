package io.multiimage.partition;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The candidate reader against YamlReader on the .yml corpus, the pinned diagnostics of YamlReaderTest and the nesting limits. */
public final class ReaderCompare {
    public static void main(String[] a) throws Exception {
        int same = 0, diff = 0;
        for (Path f : YamlTrees.corpus()) {
            String text = Files.readString(f);
            Object h; Object s;
            try { h = YamlReader.parse("t", text).root(); } catch (PartitionException e) { h = "ERR " + e.getMessage(); }
            try { s = SnakeReader.parse("t", text).root(); } catch (PartitionException e) { s = "ERR " + e.getMessage(); }
            if (Objects.equals(h, s)) same++; else { diff++; System.out.println("CORPUS DIFF " + f + "\n  hand " + h + "\n  snake " + s); }
        }
        System.out.println("corpus: same " + same + ", different " + diff);
        Method rejected = YamlReaderTest.class.getDeclaredMethod("rejected");
        rejected.setAccessible(true);
        @SuppressWarnings("unchecked") Stream<Arguments> cases = (Stream<Arguments>) rejected.invoke(null);
        int sameLineAndFragment = 0, rejectedOtherwise = 0, accepted = 0, wrongLine = 0;
        for (Arguments c : (Iterable<Arguments>) cases::iterator) {
            Object[] args = c.get();
            String text = (String) args[0]; int line = (Integer) args[1]; String fragment = (String) args[2];
            try {
                Object r = SnakeReader.parse("pm.yml", text).root();
                accepted++;
                System.out.printf("ACCEPTED  %-60s -> %s%n", esc(text), r);
            } catch (PartitionException e) {
                boolean lineOk = e.sources().equals(List.of("pm.yml:" + line));
                if (lineOk && e.getMessage().contains(fragment)) sameLineAndFragment++;
                else if (!lineOk) { wrongLine++; System.out.printf("LINE %d≠  %-58s -> %s%n", line, esc(text), e.getMessage()); }
                else { rejectedOtherwise++; System.out.printf("WORDING   %-60s -> %s%n", esc(text), e.getMessage()); }
            } catch (Throwable t) {
                System.out.printf("CRASH     %-60s -> %s%n", esc(text), t);
            }
        }
        System.out.printf("rejected(): same line+fragment %d, same line other wording %d, other line %d, accepted %d%n", sameLineAndFragment, rejectedOtherwise, wrongLine, accepted);
        for (String deep : List.of("a: 1\nb: " + "[".repeat(100_000) + "\n", "- ".repeat(5_000) + "x\n")) {
            try { SnakeReader.parse("pm.yml", deep); System.out.println("deep accepted"); }
            catch (PartitionException e) { System.out.println("deep: " + e.getMessage()); }
            catch (Throwable t) { System.out.println("deep: CRASH " + t); }
        }
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 20_000; i++) block.append(" ".repeat(i)).append("k:\n");
        try { SnakeReader.parse("pm.yml", block.toString()); } catch (PartitionException e) { System.out.println("block deep: " + e.getMessage()); } catch (Throwable t) { System.out.println("block deep: CRASH " + t); }
    }
    static String esc(String s) { return s.replace("\n", "\\n").replace("\t", "\\t"); }
}
