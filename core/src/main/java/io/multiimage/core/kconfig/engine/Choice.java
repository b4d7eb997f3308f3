package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A {@code choice ... endchoice} group: when visible, exactly one of its bool symbols is y (an
 * {@code optional} choice may also have none). The selection is the user's (the symbol most
 * recently assigned y) if that symbol is visible, else the first default whose condition holds
 * and whose symbol is visible, else the first visible symbol.
 */
public final class Choice extends Expr {

    final Kconfig kconfig;
    final String name;
    SymbolType type = SymbolType.UNKNOWN;
    final List<MenuNode> nodes = new ArrayList<>();
    final List<Symbol> syms = new ArrayList<>();
    final List<Default> defaults = new ArrayList<>();
    Expr directDep;
    boolean isOptional;
    /** The mode the user asked for (0 or 2), null = none. */
    Integer userTri;

    Symbol userSelection;
    boolean wasSet;

    int cachedVis = -1;
    private boolean selectionCached;
    private Symbol cachedSelection;
    private boolean computingVis;

    final List<Object> dependents = new ArrayList<>();
    int visited;

    Choice(Kconfig kconfig, String name) {
        this.kconfig = kconfig;
        this.name = name;
    }

    // ---- public view ----------------------------------------------------------------------

    /** The name of a named choice ({@code choice NAME}). */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@code <choice NAME>} or {@code <choice>}, as expressions print it. */
    public String displayName() {
        return name == null ? "<choice>" : "<choice " + name + ">";
    }

    /** The type (bool in practice). */
    public SymbolType type() {
        return type;
    }

    /** The symbols of the choice, in order. */
    public List<Symbol> symbols() {
        return Collections.unmodifiableList(syms);
    }

    /** The definitions (a named choice may be defined in several places). */
    public List<MenuNode> definitions() {
        return Collections.unmodifiableList(nodes);
    }

    /** The {@code default SYM [if COND]} lines, in order. */
    public List<Default> defaults() {
        return Collections.unmodifiableList(defaults);
    }

    /** True for an {@code optional} choice. */
    public boolean isOptional() {
        return isOptional;
    }

    /** The prompts of all definitions, in order. */
    public List<String> prompts() {
        return MenuNode.promptsOf(nodes);
    }

    /** The direct dependencies: the OR over the definitions. */
    public Expr directDependencies() {
        return directDep;
    }

    /** The selected symbol, if the choice is visible (in y mode) and has a visible symbol. */
    public Optional<Symbol> selection() {
        kconfig.ensureEvaluated();
        return Optional.ofNullable(selectionCached ? cachedSelection : DeepStack.call(this::selectionInternal));
    }

    /** The symbol the user last assigned y, if any. */
    public Optional<Symbol> userSelection() {
        return Optional.ofNullable(userSelection);
    }

    /** The visibility of the choice's prompts. */
    public Tristate visibility() {
        kconfig.ensureEvaluated();
        return Tristate.of(cachedVis >= 0 ? cachedVis : DeepStack.call(this::vis));
    }

    /** The mode: y when the choice is visible (and, if optional, switched on), n otherwise. */
    public Tristate mode() {
        kconfig.ensureEvaluated();
        return Tristate.of(cachedVis >= 0 ? tri() : DeepStack.call(this::tri));
    }

    /** {@code <choice NAME> (defined at FILE:LINE, ...)}, as messages name it. */
    public String nameAndLocations() {
        return displayName() + " " + Kconfig.locations(nodes);
    }

    @Override
    void appendTo(StringBuilder out) {
        out.append(displayName());
    }

    // ---- evaluation -----------------------------------------------------------------------

    @Override
    int tri() {
        int val = isOptional ? 0 : 1;
        if (userTri != null) {
            val = Math.max(val, userTri);
        }
        val = Math.min(val, vis());
        return val == 1 && type == SymbolType.BOOL ? 2 : val;
    }

    int vis() {
        if (cachedVis >= 0) {
            return cachedVis;
        }
        if (computingVis) {
            throw new IllegalStateException(
                    "dependency loop: the visibility of " + nameAndLocations() + " depends on itself");
        }
        computingVis = true;
        try {
            int vis = MenuNode.visibilityOf(nodes, type);
            cachedVis = vis;
            return vis;
        } finally {
            computingVis = false;
        }
    }

    Symbol selectionInternal() {
        if (!selectionCached) {
            cachedSelection = computeSelection();
            selectionCached = true;
        }
        return cachedSelection;
    }

    private Symbol computeSelection() {
        if (tri() != 2) {
            return null;
        }
        if (userSelection != null && userSelection.vis() != 0) {
            return userSelection;
        }
        return selectionFromDefaults();
    }

    /** The selection defaults alone would make (first visible default, else first visible symbol). */
    Symbol selectionFromDefaults() {
        for (Default d : defaults) {
            Symbol sym = (Symbol) d.value();
            if (d.condition().tri() != 0 && sym.vis() != 0) {
                return sym;
            }
        }
        for (Symbol sym : syms) {
            if (sym.vis() != 0) {
                return sym;
            }
        }
        return null;
    }

    void invalidate() {
        cachedVis = -1;
        selectionCached = false;
        cachedSelection = null;
    }
}
