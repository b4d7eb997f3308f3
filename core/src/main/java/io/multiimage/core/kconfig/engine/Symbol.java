package io.multiimage.core.kconfig.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A Kconfig symbol: defined ({@code config FOO}), only referenced (undefined: its value is its
 * name), or constant ({@code y}, {@code n}, {@code m} and quoted literals such as {@code "10"}).
 *
 * <p>Values are computed lazily and cached, with the reference's rules (spec section 6): the
 * visibility first, then user value, defaults, implies and selects for bool; user value,
 * active range and defaults for int/hex; user value and defaults for string. The public
 * accessors make sure the whole configuration has been evaluated first.
 */
public final class Symbol extends Expr {

    final Kconfig kconfig;
    final String name;
    final boolean isConstant;
    SymbolType type = SymbolType.UNKNOWN;
    final List<MenuNode> nodes = new ArrayList<>();
    final List<Default> defaults = new ArrayList<>();
    final List<Select> selects = new ArrayList<>();
    final List<Select> implies = new ArrayList<>();
    final List<Range> ranges = new ArrayList<>();
    /** The selecting terms {@code SEL && COND}, in the order the selects were attached. */
    final List<Expr> revDepTerms = new ArrayList<>();

    final List<Expr> weakRevDepTerms = new ArrayList<>();
    Expr revDep;
    Expr weakRevDep;
    Expr directDep;
    Choice choice;
    String envVar;
    boolean allnoconfigY;

    /** User value: 0/2 for bool (tristate numbers), the text for string/int/hex; null = none. */
    Integer userTri;

    String userText;
    final List<UserAssignment> assignments = new ArrayList<>();
    boolean wasSet;

    // Evaluation caches (-1 / null = not computed).
    int cachedTri = -1;
    String cachedStr;
    int cachedVis = -1;
    boolean writeToConf;
    private boolean computing;
    private boolean computingVis;

    /** Items whose value may depend on this one (for the dependency loop check). */
    final List<Object> dependents = new ArrayList<>();

    int visited;

    Symbol(Kconfig kconfig, String name, boolean isConstant) {
        this.kconfig = kconfig;
        this.name = name;
        this.isConstant = isConstant;
    }

    // ---- public view ----------------------------------------------------------------------

    /** The name, without {@code CONFIG_}. */
    public String name() {
        return name;
    }

    /** The type ({@link SymbolType#UNKNOWN} if never given one). */
    public SymbolType type() {
        return type;
    }

    /** True for y, n, m and quoted literals. */
    public boolean isConstant() {
        return isConstant;
    }

    /** True if the symbol has at least one {@code config}/{@code menuconfig} definition. */
    public boolean isDefined() {
        return !nodes.isEmpty();
    }

    /** The value as text: {@code y}/{@code n} for bool, the number text for int/hex, the string. */
    public String value() {
        kconfig.ensureEvaluated();
        return cachedStr != null ? cachedStr : DeepStack.call(this::strValue);
    }

    /** The value as a tristate (n for anything that is not bool). */
    public Tristate tristate() {
        kconfig.ensureEvaluated();
        return Tristate.of(cachedTri >= 0 ? cachedTri : DeepStack.call(this::triValue));
    }

    /** How visible the symbol's prompts are: y means a user value counts. */
    public Tristate visibility() {
        kconfig.ensureEvaluated();
        return Tristate.of(cachedVis >= 0 ? cachedVis : DeepStack.call(this::vis));
    }

    /**
     * The values a user can give a bool symbol now (what a configuration interface offers):
     * n and y when it is visible, only y when a select forces it or it is in a choice, nothing
     * when it is invisible or not a bool.
     */
    public List<Tristate> assignableValues() {
        kconfig.ensureEvaluated();
        return DeepStack.call(() -> {
            if (!type.isBoolOrTristate() || vis() == 0) {
                return List.<Tristate>of();
            }
            if (choice != null || revDep.tri() != 0) {
                return List.of(Tristate.Y);
            }
            return List.of(Tristate.N, Tristate.Y);
        });
    }

    /** True if {@code .config} has a line for the symbol (for bool also {@code # ... is not set}). */
    public boolean isWrittenToConfig() {
        value();
        return writeToConf;
    }

    /** The definitions, in parse order (one node per {@code config}/{@code menuconfig}). */
    public List<MenuNode> definitions() {
        return Collections.unmodifiableList(nodes);
    }

    /** Where the symbol is defined, in parse order. */
    public List<Location> locations() {
        List<Location> out = new ArrayList<>();
        for (MenuNode node : nodes) {
            out.add(node.location());
        }
        return out;
    }

    /** The prompts of all definitions, in order. */
    public List<String> prompts() {
        return MenuNode.promptsOf(nodes);
    }

    /** The help texts of all definitions that have one, in order. */
    public List<String> helpTexts() {
        List<String> out = new ArrayList<>();
        for (MenuNode node : nodes) {
            if (node.help != null) {
                out.add(node.help);
            }
        }
        return out;
    }

    /** The direct dependencies ("depends on", enclosing ifs and menus): the OR over the definitions. */
    public Expr directDependencies() {
        return directDep;
    }

    /** The defaults of all definitions, in parse order, conditions including each definition's dependencies. */
    public List<Default> defaults() {
        return Collections.unmodifiableList(defaults);
    }

    /** What this symbol selects. */
    public List<Select> selects() {
        return Collections.unmodifiableList(selects);
    }

    /** What this symbol implies. */
    public List<Select> implies() {
        return Collections.unmodifiableList(implies);
    }

    /** The ranges, in parse order. */
    public List<Range> ranges() {
        return Collections.unmodifiableList(ranges);
    }

    /** The reverse dependency: the OR of {@code S && COND} over every {@code select} of this symbol. */
    public Expr selectedByExpression() {
        return revDep;
    }

    /** The weak reverse dependency: the OR over every {@code imply} of this symbol. */
    public Expr impliedByExpression() {
        return weakRevDep;
    }

    /** The symbols that select this one, with their conditions, in parse order. */
    public List<ReverseDependency> selectedBy() {
        return kconfig.reverseDependencies(this, true);
    }

    /** The symbols that imply this one, with their conditions, in parse order. */
    public List<ReverseDependency> impliedBy() {
        return kconfig.reverseDependencies(this, false);
    }

    /** The choice this symbol belongs to, if any. */
    public Optional<Choice> choice() {
        return Optional.ofNullable(choice);
    }

    /** The user value ({@code y}/{@code n} for bool), if the fragments or the API gave one. */
    public Optional<String> userValue() {
        if (userTri != null) {
            return Optional.of(Tristate.text(userTri));
        }
        return Optional.ofNullable(userText);
    }

    /** The assignment that gave the current user value (the last valid one), if any. */
    public Optional<UserAssignment> userAssignment() {
        return userValue().isEmpty() || assignments.isEmpty()
                ? Optional.empty()
                : Optional.of(assignments.get(assignments.size() - 1));
    }

    /** Every valid assignment since the last replacing load, in order. */
    public List<UserAssignment> assignmentHistory() {
        return Collections.unmodifiableList(assignments);
    }

    /** Where the current value comes from, and why a user value did not take if it did not. */
    public ValueExplanation explain() {
        kconfig.ensureEvaluated();
        return DeepStack.call(() -> ValueExplanation.of(this));
    }

    /** {@code NAME (defined at FILE:LINE, ...)} or {@code NAME (undefined)}, as messages name it. */
    public String nameAndLocations() {
        return name + " " + Kconfig.locations(nodes);
    }

    @Override
    void appendTo(StringBuilder out) {
        if (isConstant && !(name.equals("n") || name.equals("m") || name.equals("y"))) {
            out.append('"').append(Kconfig.escape(name)).append('"');
        } else {
            out.append(name);
        }
    }

    // ---- evaluation -----------------------------------------------------------------------

    @Override
    int tri() {
        return triValue();
    }

    boolean hasPrompt() {
        for (MenuNode node : nodes) {
            if (node.hasPrompt()) {
                return true;
            }
        }
        return false;
    }

    /** {@code tri_value}: the value in a logical context. */
    int triValue() {
        if (cachedTri >= 0) {
            return cachedTri;
        }
        if (!type.isBoolOrTristate()) {
            if (type != SymbolType.UNKNOWN) {
                kconfig.warnEvaluation(
                        WarningKind.LOGICAL_CONTEXT,
                        this,
                        "The " + type.text() + " symbol "
                                + nameAndLocations()
                                + " is being evaluated in a logical context somewhere. It will always "
                                + "evaluate to n.");
            }
            cachedTri = 0;
            return 0;
        }
        enter();
        try {
            int vis = vis();
            writeToConf = vis != 0;
            int val = 0;
            if (choice == null) {
                if (vis != 0 && userTri != null) {
                    val = Math.min(userTri, vis);
                } else {
                    for (Default d : defaults) {
                        int condVal = d.condition().tri();
                        if (condVal != 0) {
                            val = Math.min(d.value().tri(), condVal);
                            if (val != 0) {
                                writeToConf = true;
                            }
                            break;
                        }
                    }
                    int weak = weakRevDep.tri();
                    if (weak != 0 && directDep.tri() != 0) {
                        val = Math.max(weak, val);
                        writeToConf = true;
                    }
                }
                int strong = revDep.tri();
                if (strong != 0) {
                    if (directDep.tri() < strong) {
                        warnSelectUnsatisfiedDependencies();
                    }
                    val = Math.max(strong, val);
                    writeToConf = true;
                }
                if (val == 1 && (type == SymbolType.BOOL || weakRevDep.tri() == 2)) {
                    val = 2;
                }
            } else if (vis == 2) {
                val = choice.selectionInternal() == this ? 2 : 0;
            } else if (vis != 0 && userTri != null && userTri != 0) {
                val = 1;
            }
            cachedTri = val;
            return val;
        } finally {
            leave();
        }
    }

    /** {@code str_value}: the value as text. */
    String strValue() {
        if (cachedStr != null) {
            return cachedStr;
        }
        if (type.isBoolOrTristate()) {
            cachedStr = Tristate.text(triValue());
            return cachedStr;
        }
        if (type == SymbolType.UNKNOWN) {
            cachedStr = name;
            return name;
        }
        enter();
        try {
            String val = "";
            int vis = vis();
            writeToConf = vis != 0;
            if (type.isNumeric()) {
                val = numericValue(vis);
            } else if (vis != 0 && userText != null) {
                val = userText;
            } else {
                for (Default d : defaults) {
                    if (d.condition().tri() != 0) {
                        val = ((Symbol) d.value()).strValue();
                        writeToConf = true;
                        break;
                    }
                }
            }
            if (envVar != null || this == kconfig.defconfigList) {
                writeToConf = false;
            }
            cachedStr = val;
            return val;
        } finally {
            leave();
        }
    }

    private String numericValue(int vis) {
        int base = type.base();
        boolean hasActiveRange = false;
        BigInteger low = BigInteger.ZERO;
        BigInteger high = BigInteger.ZERO;
        for (Range range : ranges) {
            if (range.condition().tri() != 0) {
                hasActiveRange = true;
                low = numberOr0(range.low().strValue(), base);
                high = numberOr0(range.high().strValue(), base);
                break;
            }
        }
        if (vis != 0 && userText != null && !userText.isEmpty()) {
            BigInteger user = PyInt.parse(userText, base);
            if (hasActiveRange && (user.compareTo(low) < 0 || user.compareTo(high) > 0)) {
                kconfig.warnEvaluation(
                        WarningKind.USER_VALUE_OUT_OF_RANGE,
                        this,
                        "user value " + numberText(user, base)
                                + " on the " + type.text() + " symbol " + nameAndLocations()
                                + " ignored due to being outside "
                                + "the active range ([" + numberText(low, base) + ", " + numberText(high, base)
                                + "]) -- falling back on defaults");
            } else {
                return userText;
            }
        }
        String val = "";
        boolean hasDefault = false;
        BigInteger number = BigInteger.ZERO;
        for (Default d : defaults) {
            if (d.condition().tri() != 0) {
                hasDefault = true;
                writeToConf = true;
                val = ((Symbol) d.value()).strValue();
                number = numberOr0(val, base);
                break;
            }
        }
        if (hasActiveRange) {
            BigInteger clamp = null;
            if (number.compareTo(low) < 0) {
                clamp = low;
            } else if (number.compareTo(high) > 0) {
                clamp = high;
            }
            if (clamp != null) {
                val = type == SymbolType.INT ? clamp.toString() : PyInt.hex(clamp);
                if (hasDefault) {
                    kconfig.warnEvaluation(
                            WarningKind.DEFAULT_CLAMPED,
                            this,
                            "default value " + number + " on "
                                    + nameAndLocations() + " clamped to " + numberText(clamp, base)
                                    + " due to being outside "
                                    + "the active range ([" + numberText(low, base) + ", " + numberText(high, base)
                                    + "])");
                }
            }
        }
        return val;
    }

    private static BigInteger numberOr0(String text, int base) {
        BigInteger value = PyInt.parse(text, base);
        return value == null ? BigInteger.ZERO : value;
    }

    private static String numberText(BigInteger value, int base) {
        return base == 10 ? value.toString() : PyInt.hex(value);
    }

    /** {@code visibility}: the highest prompt condition; m counts as y for non-tristate symbols. */
    int vis() {
        if (cachedVis >= 0) {
            return cachedVis;
        }
        if (computingVis) {
            throw loop();
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

    /** The value as a number for comparisons, or null when it is not one. */
    BigInteger asNumber() {
        if (type.isBoolOrTristate()) {
            return BigInteger.valueOf(triValue());
        }
        return PyInt.parse(strValue(), type.base());
    }

    private void warnSelectUnsatisfiedDependencies() {
        int direct = directDep.tri();
        StringBuilder msg = new StringBuilder();
        msg.append(nameAndLocations())
                .append(" has direct dependencies ")
                .append(directDep)
                .append(" with value ")
                .append(Tristate.text(direct))
                .append(", but is currently being ")
                .append(Tristate.text(revDep.tri()))
                .append("-selected by the following symbols:");
        for (Expr select : split(revDep, true)) {
            if (select.tri() <= directDep.tri()) {
                continue;
            }
            Symbol selecting = (Symbol) split(select, false).get(0);
            msg.append("\n - ")
                    .append(selecting.nameAndLocations())
                    .append(", with value ")
                    .append(selecting.strValue())
                    .append(", direct dependencies ")
                    .append(selecting.directDep)
                    .append(" (value: ")
                    .append(Tristate.text(selecting.directDep.tri()))
                    .append(')');
            if (select instanceof And) {
                Expr condition = selectCondition((And) select);
                msg.append(", and select condition ")
                        .append(condition)
                        .append(" (value: ")
                        .append(Tristate.text(condition.tri()))
                        .append(')');
            }
        }
        kconfig.warnEvaluation(WarningKind.SELECT_UNSATISFIED_DEPENDENCIES, this, msg.toString());
    }

    /** The condition part of a {@code SEL && COND} term (the reference's second operand). */
    private static Expr selectCondition(And term) {
        List<Expr> operands = term.operands();
        return operands.size() == 2 ? operands.get(1) : new And(operands.subList(1, operands.size()));
    }

    /** {@code _str_default}: the value defaults would give (savedefconfig's comparison). */
    String defaultValueText() {
        if (type.isBoolOrTristate()) {
            int val = 0;
            if (choice == null) {
                for (Default d : defaults) {
                    int condVal = d.condition().tri();
                    if (condVal != 0) {
                        val = Math.min(d.value().tri(), condVal);
                        break;
                    }
                }
                val = Math.max(Math.max(revDep.tri(), weakRevDep.tri()), val);
                if (val == 1 && type == SymbolType.BOOL) {
                    val = 2;
                }
            }
            return Tristate.text(val);
        }
        if (type != SymbolType.UNKNOWN) {
            for (Default d : defaults) {
                if (d.condition().tri() != 0) {
                    return ((Symbol) d.value()).strValue();
                }
            }
        }
        return "";
    }

    void invalidate() {
        cachedTri = -1;
        cachedStr = null;
        cachedVis = -1;
    }

    private void enter() {
        if (computing) {
            throw loop();
        }
        computing = true;
    }

    private void leave() {
        computing = false;
    }

    /** Only reachable for a loop the parse-time check did not report (it mirrors the reference's). */
    private IllegalStateException loop() {
        return new IllegalStateException("dependency loop: the value of " + nameAndLocations() + " depends on itself");
    }
}
