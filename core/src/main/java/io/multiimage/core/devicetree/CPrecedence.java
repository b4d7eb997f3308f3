package io.multiimage.core.devicetree;

import java.util.List;

/**
 * The binary operators of C integer expressions by precedence, loosest first, as both the
 * preprocessor's {@code #if} ({@link ConditionEvaluator}) and dtc's parenthesised cell
 * expressions ({@link DtsLexer}) group them. What the operators compute differs between the two
 * (signed for cpp, unsigned for dtc), so each evaluator applies them itself.
 */
final class CPrecedence {

    private static final List<List<String>> LEVELS = List.of(
            List.of("||"),
            List.of("&&"),
            List.of("|"),
            List.of("^"),
            List.of("&"),
            List.of("==", "!="),
            List.of("<=", ">=", "<", ">"),
            List.of("<<", ">>"),
            List.of("+", "-"),
            List.of("*", "/", "%"));

    /** How many precedence levels there are. */
    static final int LEVEL_COUNT = LEVELS.size();

    private CPrecedence() {}

    /** The operators of {@code level} (0 binds loosest), longer ones before their prefixes. */
    static List<String> operatorsAt(int level) {
        return LEVELS.get(level);
    }

    /** The precedence level of a binary operator; -1 for anything else. */
    static int levelOf(String token) {
        for (int level = 0; level < LEVEL_COUNT; level++) {
            if (LEVELS.get(level).contains(token)) {
                return level;
            }
        }
        return -1;
    }
}
