package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a symbol has its value: which rule gave it, the fragment line that set a user value, and
 * why a user value did not take when it did not.
 *
 * @param value the symbol's value
 * @param origin the rule that produced the value
 * @param detail what exactly (the default and where it is, the selecting symbols, ...)
 * @param userAssignment the assignment that gave the user value, if any
 * @param userValueIgnoredBecause why the user value is not the value, if there is one and it is not
 */
public record ValueExplanation(
        String value,
        Origin origin,
        String detail,
        Optional<UserAssignment> userAssignment,
        Optional<String> userValueIgnoredBecause) {

    /** The rule that produced a value. */
    public enum Origin {
        /** The user value (from a fragment or the API). */
        USER_VALUE,
        /** A {@code default}. */
        DEFAULT,
        /** Forced to y by a {@code select}. */
        SELECT,
        /** Raised to y by an {@code imply}. */
        IMPLY,
        /** The choice's selection (or not being selected). */
        CHOICE,
        /** A default moved into the active range. */
        RANGE_LIMIT,
        /** Nothing applied: n, or the empty string. */
        NO_VALUE,
        /** The symbol has no definition or no type: its value is its name. */
        UNDEFINED
    }

    /** One line: {@code NAME = VALUE from ...} plus the reason a user value was ignored. */
    public String summary() {
        StringBuilder out = new StringBuilder(value).append(" (").append(detail).append(')');
        userAssignment.ifPresent(a ->
                out.append("; assigned '").append(a.value()).append("' at ").append(a.where()));
        userValueIgnoredBecause.ifPresent(reason -> out.append(", ignored: ").append(reason));
        return out.toString();
    }

    static ValueExplanation of(Symbol sym) {
        String value = sym.strValue();
        Optional<UserAssignment> assignment = sym.userAssignment();
        if (sym.nodes.isEmpty() || sym.type == SymbolType.UNKNOWN) {
            return new ValueExplanation(
                    value, Origin.UNDEFINED, "no definition with a type", assignment, Optional.empty());
        }
        if (sym.choice != null) {
            return choiceSymbol(sym, value, assignment);
        }
        String ignored = ignoredReason(sym, value);
        Optional<String> because = Optional.ofNullable(ignored);
        int vis = sym.vis();
        boolean userTakes = ignored == null && sym.userValue().isPresent();
        if (sym.type == SymbolType.BOOL) {
            if (sym.revDep.tri() == 2 && value.equals("y") && !userTakes) {
                return new ValueExplanation(
                        value, Origin.SELECT, "selected by " + names(activeTerms(sym.revDep)), assignment, because);
            }
            if (userTakes && vis != 0) {
                return new ValueExplanation(value, Origin.USER_VALUE, "user value", assignment, because);
            }
            Default applied = firstApplicableDefault(sym);
            if (sym.weakRevDep.tri() == 2
                    && sym.directDep.tri() != 0
                    && (applied == null || applied.value().tri() == 0)) {
                return new ValueExplanation(
                        value, Origin.IMPLY, "implied by " + names(activeTerms(sym.weakRevDep)), assignment, because);
            }
            if (applied != null) {
                return new ValueExplanation(value, Origin.DEFAULT, describe(sym, applied), assignment, because);
            }
            return new ValueExplanation(value, Origin.NO_VALUE, "no default applies", assignment, because);
        }
        if (userTakes) {
            return new ValueExplanation(value, Origin.USER_VALUE, "user value", assignment, because);
        }
        Default applied = firstApplicableDefault(sym);
        String fromDefault = applied == null ? "" : ((Symbol) applied.value()).strValue();
        if (sym.type.isNumeric() && !value.equals(fromDefault)) {
            return new ValueExplanation(
                    value,
                    Origin.RANGE_LIMIT,
                    "limited to the active range" + (applied == null ? "" : " from " + describe(sym, applied)),
                    assignment,
                    because);
        }
        if (applied != null) {
            return new ValueExplanation(value, Origin.DEFAULT, describe(sym, applied), assignment, because);
        }
        return new ValueExplanation(value, Origin.NO_VALUE, "no default applies", assignment, because);
    }

    private static ValueExplanation choiceSymbol(Symbol sym, String value, Optional<UserAssignment> assignment) {
        Choice choice = sym.choice;
        Symbol selected = choice.selectionInternal();
        String detail;
        if (selected == null) {
            detail = choice.displayName() + " is not visible or has no visible symbol";
        } else if (selected == sym) {
            detail = choice.userSelection == sym
                    ? "selected by the user in " + choice.displayName()
                    : "default selection of " + choice.displayName();
        } else {
            detail = choice.displayName() + " selected " + selected.name;
        }
        Optional<String> ignored = Optional.empty();
        if (choice.userSelection == sym && selected != sym) {
            ignored = Optional.of(
                    sym.vis() == 0
                            ? "the symbol is not visible: " + visibilityText(sym)
                            : "the choice selected " + (selected == null ? "nothing" : selected.name));
        }
        return new ValueExplanation(value, Origin.CHOICE, detail, assignment, ignored);
    }

    /** Why the user value is not the value, or null if there is none or it took. */
    private static String ignoredReason(Symbol sym, String value) {
        Optional<String> user = sym.userValue();
        if (user.isEmpty()) {
            return null;
        }
        if (!sym.hasPrompt()) {
            return "the symbol has no prompt, so user values have no effect";
        }
        if (sym.vis() == 0) {
            return "the symbol is not visible: " + visibilityText(sym);
        }
        if (value.equals(user.get())) {
            return null;
        }
        if (sym.type == SymbolType.BOOL && sym.revDep.tri() == 2) {
            return "selected by " + names(activeTerms(sym.revDep));
        }
        if (sym.type.isNumeric()) {
            for (Range range : sym.ranges) {
                if (range.condition().tri() != 0) {
                    return "outside the active range [" + range.low().strValue() + ", "
                            + range.high().strValue() + "]";
                }
            }
        }
        return "evaluated to '" + value + "'";
    }

    private static String visibilityText(Symbol sym) {
        List<String> conditions = new ArrayList<>();
        for (MenuNode node : sym.nodes) {
            if (node.hasPrompt()) {
                conditions.add(node.promptCondition + " (at " + node.location() + ")");
            }
        }
        return "prompt condition " + String.join(" or ", conditions) + " is n";
    }

    private static Default firstApplicableDefault(Symbol sym) {
        for (Default d : sym.defaults) {
            if (d.condition().tri() != 0) {
                return d;
            }
        }
        return null;
    }

    private static String describe(Symbol sym, Default d) {
        for (MenuNode node : sym.nodes) {
            if (node.defaults.contains(d)) {
                Expr condition = sym.kconfig.stripDependency(node, d.condition());
                return "default " + d.value() + (condition == sym.kconfig.y ? "" : " if " + condition) + " at "
                        + node.location();
            }
        }
        return "default " + d.value();
    }

    private static List<Symbol> activeTerms(Expr reverse) {
        List<Symbol> out = new ArrayList<>();
        for (Expr term : Expr.split(reverse, true)) {
            if (term.tri() == 2) {
                Expr first = Expr.split(term, false).get(0);
                if (first instanceof Symbol) {
                    out.add((Symbol) first);
                }
            }
        }
        return out;
    }

    private static String names(List<Symbol> symbols) {
        List<String> names = new ArrayList<>();
        for (Symbol sym : symbols) {
            names.add(sym.name);
        }
        return String.join(", ", names);
    }
}
