package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Kconfig expression: a symbol or choice, {@code A && B}, {@code A || B}, {@code !A}, or a
 * comparison {@code A = B} (also {@code != < <= > >=}). Its value is a tristate: 0 (n),
 * 1 (m), 2 (y). {@link #toString()} prints it in Kconfig syntax, the way messages show it.
 *
 * <p>{@code A && B && C} is held as one node with three operands; this prints, evaluates
 * (left to right, stopping at the first n) and splits exactly like the reference's nested
 * pairs, and keeps long chains shallow.
 */
public abstract sealed class Expr permits Symbol, Choice, Expr.And, Expr.Or, Expr.Not, Expr.Comparison {

    Expr() {}

    /** The tristate value (0, 1 or 2), evaluating symbols lazily. */
    abstract int tri();

    /** Appends the Kconfig-syntax form. */
    abstract void appendTo(StringBuilder out);

    @Override
    public final String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    /** The comparison operators. */
    public enum Relation {
        /** {@code =} */
        EQUAL("="),
        /** {@code !=} */
        UNEQUAL("!="),
        /** {@code <} */
        LESS("<"),
        /** {@code <=} */
        LESS_EQUAL("<="),
        /** {@code >} */
        GREATER(">"),
        /** {@code >=} */
        GREATER_EQUAL(">=");

        private final String text;

        Relation(String text) {
            this.text = text;
        }

        /** The operator as written. */
        public String text() {
            return text;
        }

        boolean holds(int comparison) {
            switch (this) {
                case EQUAL:
                    return comparison == 0;
                case UNEQUAL:
                    return comparison != 0;
                case LESS:
                    return comparison < 0;
                case LESS_EQUAL:
                    return comparison <= 0;
                case GREATER:
                    return comparison > 0;
                default:
                    return comparison >= 0;
            }
        }
    }

    /** {@code A && B [&& ...]}: the minimum, evaluated left to right until an operand is n. */
    public static final class And extends Expr {
        private final List<Expr> operands;

        And(List<Expr> operands) {
            this.operands = Collections.unmodifiableList(new ArrayList<>(operands));
        }

        /** The operands, left to right (at least two). */
        public List<Expr> operands() {
            return operands;
        }

        @Override
        int tri() {
            int value = 2;
            for (Expr operand : operands) {
                value = Math.min(value, operand.tri());
                if (value == 0) {
                    return 0;
                }
            }
            return value;
        }

        @Override
        void appendTo(StringBuilder out) {
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    out.append(" && ");
                }
                appendParenthesized(out, operands.get(i), Or.class);
            }
        }
    }

    /** {@code A || B [|| ...]}: the maximum, evaluated left to right until an operand is y. */
    public static final class Or extends Expr {
        private final List<Expr> operands;

        Or(List<Expr> operands) {
            this.operands = Collections.unmodifiableList(new ArrayList<>(operands));
        }

        /** The operands, left to right (at least two). */
        public List<Expr> operands() {
            return operands;
        }

        @Override
        int tri() {
            int value = 0;
            for (Expr operand : operands) {
                value = Math.max(value, operand.tri());
                if (value == 2) {
                    return 2;
                }
            }
            return value;
        }

        @Override
        void appendTo(StringBuilder out) {
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    out.append(" || ");
                }
                appendParenthesized(out, operands.get(i), And.class);
            }
        }
    }

    /** {@code !A}: 2 minus the operand. */
    public static final class Not extends Expr {
        private final Expr operand;

        Not(Expr operand) {
            this.operand = operand;
        }

        /** The negated expression. */
        public Expr operand() {
            return operand;
        }

        @Override
        int tri() {
            return 2 - operand.tri();
        }

        @Override
        void appendTo(StringBuilder out) {
            if (operand instanceof Symbol || operand instanceof Choice) {
                out.append('!');
                operand.appendTo(out);
            } else {
                out.append("!(");
                operand.appendTo(out);
                out.append(')');
            }
        }
    }

    /**
     * {@code A op B}: y or n. Two string symbols compare as strings; otherwise both sides are
     * tried as numbers (bool as 0/2, int base 10, hex base 16, anything else as a literal with
     * an optional base prefix), falling back on comparing the string values.
     */
    public static final class Comparison extends Expr {
        private final Relation relation;
        private final Symbol left;
        private final Symbol right;

        Comparison(Relation relation, Symbol left, Symbol right) {
            this.relation = relation;
            this.left = left;
            this.right = right;
        }

        /** The operator. */
        public Relation relation() {
            return relation;
        }

        /** The left operand. */
        public Symbol left() {
            return left;
        }

        /** The right operand. */
        public Symbol right() {
            return right;
        }

        @Override
        int tri() {
            int comparison;
            if (left.type() == SymbolType.STRING && right.type() == SymbolType.STRING) {
                comparison = PyText.compare(left.strValue(), right.strValue());
            } else {
                java.math.BigInteger a = left.asNumber();
                java.math.BigInteger b = a == null ? null : right.asNumber();
                comparison = (a == null || b == null)
                        ? PyText.compare(left.strValue(), right.strValue())
                        : Integer.signum(a.compareTo(b));
            }
            return relation.holds(comparison) ? 2 : 0;
        }

        @Override
        void appendTo(StringBuilder out) {
            left.appendTo(out);
            out.append(' ').append(relation.text()).append(' ');
            right.appendTo(out);
        }
    }

    private static void appendParenthesized(StringBuilder out, Expr expr, Class<? extends Expr> wrapped) {
        if (wrapped.isInstance(expr)) {
            out.append('(');
            expr.appendTo(out);
            out.append(')');
        } else {
            expr.appendTo(out);
        }
    }

    /** The top-level operands of {@code expr} joined by {@code ||} (or by {@code &&}), in order. */
    static List<Expr> split(Expr expr, boolean orNotAnd) {
        List<Expr> out = new ArrayList<>();
        splitInto(expr, orNotAnd, out);
        return out;
    }

    private static void splitInto(Expr expr, boolean orNotAnd, List<Expr> out) {
        if (orNotAnd && expr instanceof Or) {
            for (Expr operand : ((Or) expr).operands) {
                splitInto(operand, true, out);
            }
        } else if (!orNotAnd && expr instanceof And) {
            for (Expr operand : ((And) expr).operands) {
                splitInto(operand, false, out);
            }
        } else {
            out.add(expr);
        }
    }

    /** Every symbol and choice in {@code expr}, in order of appearance. */
    static void collectItems(Expr expr, java.util.Collection<Expr> out) {
        if (expr instanceof And) {
            for (Expr operand : ((And) expr).operands) {
                collectItems(operand, out);
            }
        } else if (expr instanceof Or) {
            for (Expr operand : ((Or) expr).operands) {
                collectItems(operand, out);
            }
        } else if (expr instanceof Not) {
            collectItems(((Not) expr).operand, out);
        } else if (expr instanceof Comparison) {
            out.add(((Comparison) expr).left);
            out.add(((Comparison) expr).right);
        } else {
            out.add(expr);
        }
    }
}
