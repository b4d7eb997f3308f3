package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the parsed menu tree into its final form (the C tools' {@code menu_finalize}):
 * <ul>
 *   <li>each node's dependencies are ANDed with its parent's, and propagated to its prompt,
 *       defaults, selects, implies and ranges ({@code visible if} of menus only to prompts of
 *       symbols and choices);</li>
 *   <li>properties are copied from nodes to their symbols, and selects/implies become reverse
 *       dependencies of their targets;</li>
 *   <li>a symbol followed by entries that depend on it gets them as children (implicit menu);</li>
 *   <li>{@code if} nodes and promptless parents are flattened away;</li>
 *   <li>choices learn their symbols and types.</li>
 * </ul>
 */
final class MenuTreeFinalizer {

    private final Kconfig kconfig;

    MenuTreeFinalizer(Kconfig kconfig) {
        this.kconfig = kconfig;
    }

    void finalizeTree(MenuNode top) {
        finalizeNode(top, kconfig.y);
        for (Symbol sym : kconfig.syms.values()) {
            sym.revDep = orOfTerms(sym.revDepTerms);
            sym.weakRevDep = orOfTerms(sym.weakRevDepTerms);
        }
    }

    private Expr orOfTerms(List<Expr> terms) {
        if (terms.isEmpty()) {
            return kconfig.n;
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
    }

    private void finalizeNode(MenuNode node, Expr visibleIf) {
        if (node.kind == MenuNode.Kind.SYMBOL) {
            addPropertiesToSymbol(node);
            MenuNode cur = node;
            while (cur.next != null && dependsOnAsMenu(node, cur.next)) {
                finalizeNode(cur.next, visibleIf);
                cur = cur.next;
                cur.parent = node;
            }
            if (cur != node) {
                node.list = node.next;
                node.next = cur.next;
                cur.next = null;
            }
        } else if (node.list != null) {
            if (node.kind == MenuNode.Kind.MENU) {
                visibleIf = kconfig.makeAnd(visibleIf, node.visibility);
            }
            propagateDependencies(node, visibleIf);
            for (MenuNode cur = node.list; cur != null; cur = cur.next) {
                finalizeNode(cur, visibleIf);
            }
        }
        if (node.list != null) {
            flatten(node.list);
            removeIfs(node);
        }
        if (node.kind == MenuNode.Kind.CHOICE) {
            Choice choice = node.choice;
            choice.directDep = kconfig.makeOr(choice.directDep, node.dep);
            choice.defaults.addAll(node.defaults);
            finalizeChoice(node);
        }
    }

    private void propagateDependencies(MenuNode node, Expr visibleIf) {
        Expr baseDep = node.kind == MenuNode.Kind.CHOICE ? node.choice : node.dep;
        for (MenuNode cur = node.list; cur != null; cur = cur.next) {
            Expr dep = kconfig.makeAnd(cur.dep, baseDep);
            cur.dep = dep;
            if (cur.kind == MenuNode.Kind.SYMBOL || cur.kind == MenuNode.Kind.CHOICE) {
                if (cur.hasPrompt()) {
                    cur.promptCondition = kconfig.makeAnd(cur.promptCondition, kconfig.makeAnd(visibleIf, dep));
                }
                if (!cur.defaults.isEmpty()) {
                    List<Default> defaults = new ArrayList<>();
                    for (Default d : cur.defaults) {
                        defaults.add(new Default(d.value(), kconfig.makeAnd(d.condition(), dep)));
                    }
                    cur.defaults = defaults;
                }
                if (!cur.ranges.isEmpty()) {
                    List<Range> ranges = new ArrayList<>();
                    for (Range r : cur.ranges) {
                        ranges.add(new Range(r.low(), r.high(), kconfig.makeAnd(r.condition(), dep)));
                    }
                    cur.ranges = ranges;
                }
                cur.selects = withDependency(cur.selects, dep);
                cur.implies = withDependency(cur.implies, dep);
            } else if (cur.hasPrompt()) {
                cur.promptCondition = kconfig.makeAnd(cur.promptCondition, dep);
            }
        }
    }

    private List<Select> withDependency(List<Select> selects, Expr dep) {
        if (selects.isEmpty()) {
            return selects;
        }
        List<Select> out = new ArrayList<>();
        for (Select s : selects) {
            out.add(new Select(s.target(), kconfig.makeAnd(s.condition(), dep)));
        }
        return out;
    }

    private void addPropertiesToSymbol(MenuNode node) {
        Symbol sym = node.symbol;
        sym.directDep = kconfig.makeOr(sym.directDep, node.dep);
        sym.defaults.addAll(node.defaults);
        sym.ranges.addAll(node.ranges);
        sym.selects.addAll(node.selects);
        sym.implies.addAll(node.implies);
        for (Select s : node.selects) {
            Expr term = kconfig.makeAnd(sym, s.condition());
            if (term != kconfig.n) {
                s.target().revDepTerms.add(term);
            }
        }
        for (Select s : node.implies) {
            Expr term = kconfig.makeAnd(sym, s.condition());
            if (term != kconfig.n) {
                s.target().weakRevDepTerms.add(term);
            }
        }
    }

    /** Whether {@code node2} goes into an implicit menu under the symbol of {@code node1}. */
    private static boolean dependsOnAsMenu(MenuNode node1, MenuNode node2) {
        return exprDependsOn(node2.hasPrompt() ? node2.promptCondition : node2.dep, node1.symbol);
    }

    /** {@code expr_depends_symbol()} of the C tools: SYM, SYM = y/m, SYM != n, possibly ANDed with more. */
    private static boolean exprDependsOn(Expr expr, Symbol sym) {
        if (expr instanceof Expr.Comparison) {
            Expr.Comparison comparison = (Expr.Comparison) expr;
            Expr.Relation relation = comparison.relation();
            if (relation != Expr.Relation.EQUAL && relation != Expr.Relation.UNEQUAL) {
                return false;
            }
            Symbol left = comparison.left();
            Symbol right = comparison.right();
            if (right == sym) {
                Symbol swap = left;
                left = right;
                right = swap;
            } else if (left != sym) {
                return false;
            }
            Kconfig k = sym.kconfig;
            return (relation == Expr.Relation.EQUAL && (right == k.m || right == k.y))
                    || (relation == Expr.Relation.UNEQUAL && right == k.n);
        }
        if (expr instanceof Expr.And) {
            for (Expr operand : ((Expr.And) expr).operands()) {
                if (exprDependsOn(operand, sym)) {
                    return true;
                }
            }
            return false;
        }
        if (expr instanceof Expr.Or || expr instanceof Expr.Not) {
            return false;
        }
        return expr == sym;
    }

    /** Lifts the children of promptless nodes (ifs, promptless symbols with implicit menus) up a level. */
    private static void flatten(MenuNode node) {
        while (node != null) {
            if (node.list != null && !node.hasPrompt() && node.kind != MenuNode.Kind.CHOICE) {
                MenuNode last = node.list;
                while (true) {
                    last.parent = node.parent;
                    if (last.next == null) {
                        break;
                    }
                    last = last.next;
                }
                last.next = node.next;
                node.next = node.list;
                node.list = null;
            }
            node = node.next;
        }
    }

    /** Drops the (already flattened, now empty) {@code if} nodes from the children of {@code node}. */
    private static void removeIfs(MenuNode node) {
        MenuNode cur = node.list;
        while (cur != null && cur.kind == MenuNode.Kind.IF) {
            cur = cur.next;
        }
        node.list = cur;
        while (cur != null) {
            MenuNode next = cur.next;
            while (next != null && next.kind == MenuNode.Kind.IF) {
                next = next.next;
            }
            cur.next = next;
            cur = next;
        }
    }

    private static void finalizeChoice(MenuNode node) {
        Choice choice = node.choice;
        for (MenuNode cur = node.list; cur != null; cur = cur.next) {
            if (cur.kind == MenuNode.Kind.SYMBOL) {
                cur.symbol.choice = choice;
                choice.syms.add(cur.symbol);
            }
        }
        if (choice.type == SymbolType.UNKNOWN) {
            for (Symbol sym : choice.syms) {
                if (sym.type != SymbolType.UNKNOWN) {
                    choice.type = sym.type;
                    break;
                }
            }
        }
        for (Symbol sym : choice.syms) {
            if (sym.type == SymbolType.UNKNOWN) {
                sym.type = choice.type;
            }
        }
    }
}
