package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Operator precedence and associativity of cell expressions and {@code #if} expressions,
 * against dtc and cpp: random expressions with few parentheses, so precedence decides.
 */
class ExpressionPrecedenceTest {

    private static final String[] BINARY = {
        "*", "/", "%", "+", "-", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "&", "^", "|", "&&", "||"
    };

    @TempDir
    Path work;

    /**
     * A flat chain of 2 to 5 small operands. Divisors are never 0, and a chain with shifts has
     * no '*', '-' or unary operators, so every shift amount is 0 to 63 (C leaves others undefined).
     */
    private static String expression(Random random) {
        int operands = 2 + random.nextInt(4);
        boolean shifts = random.nextInt(3) == 0;
        StringBuilder b = new StringBuilder(operand(random, shifts));
        for (int i = 1; i < operands; i++) {
            String op;
            do {
                op = BINARY[random.nextInt(BINARY.length)];
            } while (shifts ? op.equals("*") || op.equals("-") : op.equals("<<") || op.equals(">>"));
            boolean plain = shifts || op.equals("/") || op.equals("%");
            b.append(' ').append(op).append(' ').append(operand(random, plain));
        }
        String flat = b.toString();
        if (random.nextInt(4) == 0) {
            return flat + " ? " + operand(random, false) + " + 1 : " + operand(random, false) + " * 2";
        }
        if (random.nextInt(4) == 0) {
            return "(" + flat + ") " + BINARY[random.nextInt(4)] + " 3";
        }
        return flat;
    }

    /** A small number, maybe with a unary operator; {@code plain}: 1 to 9 without one. */
    private static String operand(Random random, boolean plain) {
        String value = String.valueOf(plain ? 1 + random.nextInt(9) : random.nextInt(10));
        if (plain) {
            return value;
        }
        return switch (random.nextInt(8)) {
            case 0 -> "!" + value;
            case 1 -> "~" + value;
            case 2 -> "-" + value;
            default -> value;
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void cellExpressionsEvaluateLikeDtc(long seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder dts = new StringBuilder("/dts-v1/;\n/ {\n");
        for (int i = 0; i < 200; i++) {
            dts.append("\tp")
                    .append(i)
                    .append(" = <((")
                    .append(expression(random))
                    .append(") & 0xffffffff)>;\n");
        }
        Path board =
                Files.writeString(work.resolve("expr.dts"), dts.append("};\n").toString());
        String ours = DtsWriter.toDts(new DevicetreeMerger().merge(board, List.of(), List.of()));
        assertEquals(Dtc.merged(board, List.of(), work), ours, "seed " + seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void ifExpressionsEvaluateLikeCpp(long seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expressions.add(expression(random));
            text.append("#if ")
                    .append(expressions.get(i))
                    .append("\nyes")
                    .append(i)
                    .append("\n#else\nno")
                    .append(i)
                    .append("\n#endif\n");
        }
        Path file = Files.writeString(work.resolve("if.S"), text.toString());
        Preprocessor preprocessor = new Preprocessor(List.of());
        preprocessor.process(file);
        List<String> ours = nonEmptyLines(preprocessor.result().text);
        Path cpp = ReferenceTools.require("cpp", "cpp");
        String theirs = ReferenceTools.run(
                        List.of(
                                cpp.toString(),
                                "-nostdinc",
                                "-undef",
                                "-x",
                                "assembler-with-cpp",
                                "-P",
                                file.toString()),
                        work,
                        60)
                .assertSuccess()
                .stdout();
        List<String> expected = nonEmptyLines(theirs);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), ours.get(i), "seed " + seed + ": #if " + expressions.get(i));
        }
        assertEquals(expected, ours);
    }

    private static List<String> nonEmptyLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
