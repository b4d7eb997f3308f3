package io.multiimage.core.devicetree;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the expression of {@code #if}/{@code #elif} after {@code defined} has been
 * replaced and macros expanded: C integer arithmetic on signed 64-bit values, every C
 * operator except assignment and comma; identifiers left over count as 0, as in cpp.
 */
final class ConditionEvaluator {

    private static final List<String> UNARY = List.of("-", "+", "~", "!");

    private static final List<String> OPERATORS = List.of(
            "||", "&&", "==", "!=", "<=", ">=", "<<", ">>", "(", ")", "?", ":", "+", "-", "*", "/", "%", "&", "|", "^",
            "~", "!", "<", ">");

    private final List<String> tokens;
    private final SourceLocation where;
    private int position;
    private int depth;

    private ConditionEvaluator(List<String> tokens, SourceLocation where) {
        this.tokens = tokens;
        this.where = where;
    }

    /** True if the expression is non-zero. */
    static boolean holds(String expression, SourceLocation where) throws DevicetreeException {
        ConditionEvaluator evaluator = new ConditionEvaluator(tokenize(expression, where), where);
        if (evaluator.tokens.isEmpty()) {
            throw new DevicetreeException(where, "#if with no expression");
        }
        long value = evaluator.conditional();
        if (evaluator.position < evaluator.tokens.size()) {
            throw evaluator.error("unexpected '" + evaluator.tokens.get(evaluator.position) + "'");
        }
        return value != 0;
    }

    private long conditional() throws DevicetreeException {
        enter();
        long value = choice();
        depth--;
        return value;
    }

    /** Counts a level of parentheses, unary operators or conditional branches ({@link DtsLexer#MAX_EXPRESSION_DEPTH}). */
    private void enter() throws DevicetreeException {
        if (++depth > DtsLexer.MAX_EXPRESSION_DEPTH) {
            throw new DevicetreeException(
                    where, "nesting deeper than " + DtsLexer.MAX_EXPRESSION_DEPTH + " levels in an #if expression");
        }
    }

    private long choice() throws DevicetreeException {
        long condition = binary(0);
        if (accept("?")) {
            long whenTrue = conditional();
            expect(":");
            long whenFalse = conditional();
            return condition != 0 ? whenTrue : whenFalse;
        }
        return condition;
    }

    /** Binary operators of precedence {@code minLevel} and tighter, by precedence climbing (see {@link DtsLexer}). */
    private long binary(int minLevel) throws DevicetreeException {
        long left = unary();
        while (position < tokens.size()) {
            String operator = tokens.get(position);
            int level = CPrecedence.levelOf(operator);
            if (level < minLevel) {
                return left;
            }
            position++;
            long right = binary(level + 1);
            left = apply(operator, left, right);
        }
        return left;
    }

    private long apply(String operator, long a, long b) throws DevicetreeException {
        switch (operator) {
            case "||":
                return (a != 0 || b != 0) ? 1 : 0;
            case "&&":
                return (a != 0 && b != 0) ? 1 : 0;
            case "|":
                return a | b;
            case "^":
                return a ^ b;
            case "&":
                return a & b;
            case "==":
                return a == b ? 1 : 0;
            case "!=":
                return a != b ? 1 : 0;
            case "<":
                return a < b ? 1 : 0;
            case ">":
                return a > b ? 1 : 0;
            case "<=":
                return a <= b ? 1 : 0;
            case ">=":
                return a >= b ? 1 : 0;
            case "<<":
                return a << b;
            case ">>":
                return a >> b;
            case "+":
                return a + b;
            case "-":
                return a - b;
            case "*":
                return a * b;
            default:
                if (b == 0) {
                    throw error("division by zero");
                }
                return operator.equals("/") ? a / b : a % b;
        }
    }

    private long unary() throws DevicetreeException {
        for (String operator : UNARY) {
            if (accept(operator)) {
                enter();
                long operand = unary();
                depth--;
                return switch (operator) {
                    case "-" -> -operand;
                    case "+" -> operand;
                    case "~" -> ~operand;
                    default -> operand == 0 ? 1 : 0;
                };
            }
        }
        if (accept("(")) {
            long value = conditional();
            expect(")");
            return value;
        }
        if (position >= tokens.size()) {
            throw error("expected a value at the end of the expression");
        }
        String token = tokens.get(position++);
        if (Preprocessor.isIdentifierStart(token.charAt(0))) {
            return 0;
        }
        if (token.charAt(0) == '\'') {
            return characterValue(token);
        }
        if (Character.isDigit(token.charAt(0))) {
            return number(token);
        }
        throw error("unexpected '" + token + "'");
    }

    private long number(String token) throws DevicetreeException {
        String digits = token.replaceFirst("(?i)(ULL|LLU|LL|UL|LU|U|L)$", "");
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return Long.parseUnsignedLong(digits.substring(2), 16);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                return Long.parseUnsignedLong(digits.substring(1), 8);
            }
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw error("invalid number '" + token + "'");
        }
    }

    private long characterValue(String token) throws DevicetreeException {
        String body = token.substring(1, token.length() - 1);
        if (body.length() == 1) {
            return body.charAt(0);
        }
        if (body.length() == 2 && body.charAt(0) == '\\') {
            return switch (body.charAt(1)) {
                case 'n' -> 10;
                case 't' -> 9;
                case 'r' -> 13;
                case '0' -> 0;
                default -> body.charAt(1);
            };
        }
        throw error("unsupported character constant " + token);
    }

    private boolean accept(String token) {
        if (position < tokens.size() && tokens.get(position).equals(token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) throws DevicetreeException {
        if (!accept(token)) {
            throw error("expected '" + token + "' but found "
                    + (position < tokens.size() ? "'" + tokens.get(position) + "'" : "the end of the expression"));
        }
    }

    private DevicetreeException error(String problem) {
        return new DevicetreeException(where, "invalid #if expression: " + problem);
    }

    private static List<String> tokenize(String text, SourceLocation where) throws DevicetreeException {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Preprocessor.isIdentifierPart(c)) {
                int end = i;
                while (end < text.length() && Preprocessor.isIdentifierPart(text.charAt(end))) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + (text.startsWith("'\\'", i) ? 3 : 1));
                if (end < 0) {
                    throw new DevicetreeException(where, "invalid #if expression: unterminated character constant");
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                String operator = null;
                for (String candidate : OPERATORS) {
                    if (text.startsWith(candidate, i)) {
                        operator = candidate;
                        break;
                    }
                }
                if (operator == null) {
                    throw new DevicetreeException(where, "invalid #if expression: unexpected '" + c + "'");
                }
                tokens.add(operator);
                i += operator.length();
            }
        }
        return tokens;
    }
}
