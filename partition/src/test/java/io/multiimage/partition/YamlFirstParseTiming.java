package io.multiimage.partition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints how long the first YAML parse takes in a fresh JVM (class loading included) and the
 * mean of the next ones, for the hand-written reader or the former Jackson-based one. Run it
 * once per JVM: {@code java -cp <classes>:<test-classes>:<jackson jars>
 * io.multiimage.partition.YamlFirstParseTiming hand|jackson FILE.yml}. A measurement tool, not
 * a test: timing is never asserted.
 */
final class YamlFirstParseTiming {

    private YamlFirstParseTiming() {}

    /** Entry point: {@code hand|jackson FILE}. */
    public static void main(String[] args) throws IOException, PartitionException {
        if (args.length != 2 || !(args[0].equals("hand") || args[0].equals("jackson"))) {
            System.err.println("usage: YamlFirstParseTiming hand|jackson FILE.yml");
            System.exit(2);
        }
        boolean hand = args[0].equals("hand");
        String text = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        parse(hand, text);
        long first = System.nanoTime() - t0;
        int runs = 50;
        long t1 = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            parse(hand, text);
        }
        long later = (System.nanoTime() - t1) / runs;
        System.out.printf("%s: first parse %.1f ms, next parses %.3f ms each%n", args[0], first / 1e6, later / 1e6);
    }

    private static Object parse(boolean hand, String text) throws PartitionException {
        return hand
                ? YamlReader.parse("t", text).root()
                : JacksonYamlReference.parse("t", text).root();
    }
}
