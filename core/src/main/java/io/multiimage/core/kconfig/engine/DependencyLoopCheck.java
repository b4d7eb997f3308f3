package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds dependency loops (a symbol whose value depends, through defaults, selects, prompts,
 * ranges or dependencies, on itself) with the reference's depth-first search, and reports the
 * first one as an error. Choices are entered through their symbols without counting the
 * choice-symbol/choice back edge. Iteration follows definition order, so the loop reported is
 * always the same.
 */
final class DependencyLoopCheck {

    private DependencyLoopCheck() {}

    /** Records in every item which items depend on it. */
    static void buildDependents(Kconfig kconfig) {
        for (Symbol sym : kconfig.uniqueDefinedSyms) {
            for (MenuNode node : sym.nodes) {
                if (node.hasPrompt()) {
                    dependOn(sym, node.promptCondition);
                }
            }
            for (Default d : sym.defaults) {
                dependOn(sym, d.value());
                dependOn(sym, d.condition());
            }
            dependOn(sym, sym.revDep);
            dependOn(sym, sym.weakRevDep);
            for (Range r : sym.ranges) {
                dependOn(sym, r.low());
                dependOn(sym, r.high());
                dependOn(sym, r.condition());
            }
            dependOn(sym, sym.directDep);
        }
        for (Choice choice : kconfig.uniqueChoices) {
            for (MenuNode node : choice.nodes) {
                if (node.hasPrompt()) {
                    dependOn(choice, node.promptCondition);
                }
            }
            for (Default d : choice.defaults) {
                dependOn(choice, d.condition());
            }
        }
    }

    private static void dependOn(Object item, Expr expr) {
        if (expr instanceof Symbol) {
            Symbol sym = (Symbol) expr;
            if (!sym.isConstant) {
                addDependent(sym.dependents, item);
            }
        } else if (expr instanceof Choice) {
            addDependent(((Choice) expr).dependents, item);
        } else if (expr instanceof Expr.And) {
            for (Expr operand : ((Expr.And) expr).operands()) {
                dependOn(item, operand);
            }
        } else if (expr instanceof Expr.Or) {
            for (Expr operand : ((Expr.Or) expr).operands()) {
                dependOn(item, operand);
            }
        } else if (expr instanceof Expr.Not) {
            dependOn(item, ((Expr.Not) expr).operand());
        } else {
            Expr.Comparison comparison = (Expr.Comparison) expr;
            dependOn(item, comparison.left());
            dependOn(item, comparison.right());
        }
    }

    /** Adds {@code item} unless it was the last one added (the usual repetition); the search tolerates repeats. */
    private static void addDependent(List<Object> dependents, Object item) {
        if (dependents.isEmpty() || dependents.get(dependents.size() - 1) != item) {
            dependents.add(item);
        }
    }

    /** Throws if some symbol depends on itself. */
    static void check(Kconfig kconfig) throws KconfigException {
        for (Symbol sym : kconfig.uniqueDefinedSyms) {
            List<Object> loop = checkSymbol(sym, false);
            if (loop != null) {
                throw new IllegalStateException("unreported dependency loop");
            }
        }
    }

    /** Returns the loop found so far (while unwinding), or null. Throws once the loop is complete. */
    private static List<Object> checkSymbol(Symbol sym, boolean ignoreChoice) throws KconfigException {
        if (sym.visited == 0) {
            sym.visited = 1;
            for (Object dependent : sym.dependents) {
                List<Object> loop = dependent instanceof Choice
                        ? checkChoice((Choice) dependent, null)
                        : checkSymbol((Symbol) dependent, false);
                if (loop != null) {
                    return found(loop, sym);
                }
            }
            if (sym.choice != null && !ignoreChoice) {
                List<Object> loop = checkChoice(sym.choice, sym);
                if (loop != null) {
                    return found(loop, sym);
                }
            }
            sym.visited = 2;
            return null;
        }
        if (sym.visited == 2) {
            return null;
        }
        List<Object> loop = new ArrayList<>();
        loop.add(sym);
        return loop;
    }

    private static List<Object> checkChoice(Choice choice, Symbol skip) throws KconfigException {
        if (choice.visited == 0) {
            choice.visited = 1;
            for (Symbol sym : choice.syms) {
                if (sym != skip) {
                    List<Object> loop = checkSymbol(sym, true);
                    if (loop != null) {
                        return found(loop, choice);
                    }
                }
            }
            choice.visited = 2;
            return null;
        }
        if (choice.visited == 2) {
            return null;
        }
        List<Object> loop = new ArrayList<>();
        loop.add(choice);
        return loop;
    }

    private static List<Object> found(List<Object> loop, Object current) throws KconfigException {
        if (current != loop.get(0)) {
            loop.add(current);
            return loop;
        }
        StringBuilder msg = new StringBuilder("Dependency loop\n===============\n\n");
        for (Object item : loop) {
            if (item != loop.get(0)) {
                msg.append("...depends on ");
                if (item instanceof Symbol && ((Symbol) item).choice != null) {
                    msg.append("the choice symbol ");
                }
            }
            msg.append(nameOf(item)).append('\n');
        }
        msg.append("...depends again on ").append(nameOf(loop.get(0)));
        throw new KconfigException(msg.toString());
    }

    private static String nameOf(Object item) {
        return item instanceof Symbol ? ((Symbol) item).nameAndLocations() : ((Choice) item).nameAndLocations();
    }
}
