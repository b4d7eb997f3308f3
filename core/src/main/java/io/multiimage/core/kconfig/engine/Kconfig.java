package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Kconfig tree with its user values: the engine's entry point. It behaves like
 * Kconfiglib 14.1.0 (see {@code docs/kconfig.md}): same values, same {@code .config} and
 * {@code autoconf.h} bytes, same warnings in the same order.
 *
 * <pre>{@code
 * Kconfig kconfig = Kconfig.load(sourceRoot, "Kconfig", Map.of("ZEPHYR_BASE", base));
 * kconfig.loadFragments(List.of(Path.of("boards/widget_defconfig"), Path.of("prj.conf")));
 * kconfig.writeConfig(buildDir.resolve(".config"), "");
 * kconfig.writeAutoconf(buildDir.resolve("autoconf.h"), "");
 * for (KconfigWarning w : kconfig.warnings()) log.warn(w.formatted());
 * Symbol uart = kconfig.symbol("UART").orElseThrow();
 * String why = uart.explain().summary();
 * }</pre>
 *
 * <p>Not thread-safe: one thread at a time (values are computed lazily and cached).
 */
public final class Kconfig {

    final Path sourceRoot;
    final Map<String, String> environment;
    /** Non-constant symbols by name (defined or only referenced), in order of first appearance. */
    final Map<String, Symbol> syms = new LinkedHashMap<>();

    final Map<String, Symbol> constSyms = new HashMap<>();
    final List<Symbol> definedSyms = new ArrayList<>();
    List<Symbol> uniqueDefinedSyms = List.of();
    final List<Choice> choices = new ArrayList<>();
    List<Choice> uniqueChoices = List.of();
    final Map<String, Choice> namedChoices = new HashMap<>();
    final MenuNode topNode;
    final Symbol y;
    final Symbol n;
    final Symbol m;
    final Symbol modules;
    Symbol defconfigList;
    final List<String> kconfigFiles = new ArrayList<>();

    private final List<KconfigWarning> parseWarnings = new ArrayList<>();
    private final List<KconfigWarning> fragmentWarnings = new ArrayList<>();
    private final List<KconfigWarning> evaluationWarnings = new ArrayList<>();
    private final List<String> infoMessages = new ArrayList<>();
    private boolean evaluated;
    private boolean evaluating;
    private String configBody;

    private Kconfig(Path sourceRoot, String topFile, Map<String, String> environment) {
        this.sourceRoot = sourceRoot;
        this.environment = Map.copyOf(environment);
        n = newConstant("n", 0);
        m = newConstant("m", 1);
        y = newConstant("y", 2);
        modules = lookupSymbol("MODULES");
        topNode = new MenuNode(MenuNode.Kind.MENU, null, null);
        topNode.isMenuconfig = true;
        topNode.visibility = y;
        topNode.promptText = "Main menu";
        topNode.promptCondition = y;
        topNode.dep = y;
        topNode.filename = topFile;
        topNode.linenr = 1;
    }

    /**
     * Parses a Kconfig tree.
     *
     * @param sourceRoot the directory {@code source} paths are relative to (the reference's working directory)
     * @param topFile the top-level Kconfig file, relative to {@code sourceRoot} (or absolute); messages name it so
     * @param environment what {@code $(NAME)} and {@code $NAME} see when no macro of that name exists
     * @return the tree with no user values yet
     * @throws KconfigException on a syntax error, a missing {@code source} file, a dependency loop or an unreadable file
     */
    public static Kconfig load(Path sourceRoot, String topFile, Map<String, String> environment)
            throws KconfigException {
        Kconfig kconfig = new Kconfig(sourceRoot, topFile, environment);
        DeepStack.run(() -> {
            kconfig.parse(topFile);
            return null;
        });
        return kconfig;
    }

    private void parse(String topFile) throws KconfigException {
        String rootPrefix;
        try {
            rootPrefix = sourceRoot.toRealPath().toString();
        } catch (IOException e) {
            throw new KconfigException("source tree root '" + sourceRoot + "' cannot be read ("
                    + TextFiles.errnoText(e, sourceRoot) + ")");
        }
        if (!rootPrefix.endsWith("/")) {
            rootPrefix = rootPrefix + "/";
        }
        kconfigFiles.add(topFile);
        new KconfigParser(this, environment, rootPrefix).parse(topFile, sourceRoot.resolve(topFile));
        new MenuTreeFinalizer(this).finalizeTree(topNode);
        uniqueDefinedSyms = List.copyOf(new LinkedHashSet<>(definedSyms));
        uniqueChoices = List.copyOf(new LinkedHashSet<>(choices));
        new SanityChecks(this).run();
        DependencyLoopCheck.buildDependents(this);
        DependencyLoopCheck.check(this);
    }

    // ---- fragments ----------------------------------------------------------------------------

    /**
     * Loads fragment files in order: the first replaces all user values, each further one merges.
     * Relative paths are resolved against the source tree root and named as given in warnings.
     */
    public void loadFragments(List<Path> fragments) throws KconfigException {
        for (int i = 0; i < fragments.size(); i++) {
            loadFragment(fragments.get(i), i == 0);
        }
    }

    /**
     * Loads one fragment file ({@code .config} syntax).
     *
     * @param file the file; relative to the source tree root unless absolute; warnings name it as given
     * @param replace true to drop all earlier user values first, false to merge on top of them
     * @throws KconfigException if the file cannot be read
     */
    public void loadFragment(Path file, boolean replace) throws KconfigException {
        String name = file.toString();
        Path resolved = sourceRoot.resolve(file);
        List<String> lines;
        try {
            if (Files.isDirectory(resolved)) {
                throw new IOException("Is a directory");
            }
            lines = TextFiles.readLines(resolved, name);
        } catch (IOException e) {
            throw new KconfigException("Could not open '" + name + "' (" + TextFiles.errnoText(e, resolved)
                    + "). Check that the $srctree environment variable (unset or blank) is set correctly.");
        }
        new FragmentLoader(this).load(name, lines, replace);
    }

    /** Loads fragment text (for example values given on a command line); {@code displayName} names it in warnings. */
    public void loadFragmentText(String displayName, String text, boolean replace) {
        new FragmentLoader(this).load(displayName, TextFiles.splitLines(text), replace);
    }

    // ---- symbols and the menu tree ------------------------------------------------------------

    /** The symbol of that name (without {@code CONFIG_}), defined or only referenced. */
    public Optional<Symbol> symbol(String name) {
        return Optional.ofNullable(syms.get(name));
    }

    /** Every defined symbol, in the order of its first definition. */
    public List<Symbol> definedSymbols() {
        return uniqueDefinedSyms;
    }

    /** Every choice, in the order of its first definition. */
    public List<Choice> choices() {
        return uniqueChoices;
    }

    /** The top of the menu tree (a {@link MenuNode.Kind#MENU} titled by {@code mainmenu}). */
    public MenuNode topMenu() {
        return topNode;
    }

    /** The {@code mainmenu} title ({@code Main menu} without one). */
    public String mainMenuTitle() {
        return topNode.promptText;
    }

    /** The Kconfig files read, as messages name them, in the order they were first read. */
    public List<String> kconfigFiles() {
        return Collections.unmodifiableList(kconfigFiles);
    }

    /** The environment the tree was parsed with. */
    public Map<String, String> environment() {
        return environment;
    }

    // ---- values -------------------------------------------------------------------------------

    /**
     * Sets a user value, as a configuration interface does, and re-evaluates.
     *
     * @param sym a defined symbol
     * @param value {@code y}/{@code n} for bool, the number text for int/hex, the string itself for string
     * @return false if the value does not fit the symbol's type (nothing changes then)
     */
    public boolean setUserValue(Symbol sym, String value) {
        if (sym.kconfig != this || sym.isConstant || sym.nodes.isEmpty()) {
            return false;
        }
        if (sym.choice != null && value.equals("y")) {
            UserValues.setChoiceMode(sym.choice, "y");
        }
        boolean valid = UserValues.set(sym, value, null, false);
        invalidateAll();
        return valid;
    }

    /** Removes a symbol's user value and re-evaluates. */
    public void unsetUserValue(Symbol sym) {
        UserValues.unset(sym);
        if (sym.choice != null && sym.choice.userSelection == sym) {
            sym.choice.userSelection = null;
        }
        invalidateAll();
    }

    /** The value of an expression taken from this tree (a condition, a dependency). */
    public Tristate evaluate(Expr expr) {
        ensureEvaluated();
        return Tristate.of(DeepStack.call(expr::tri));
    }

    // ---- outputs ------------------------------------------------------------------------------

    /** The {@code .config} text, starting with {@code header} (usually "" or {@code #}-comment lines). */
    public String configText(String header) {
        ensureEvaluated();
        return header + configBody;
    }

    /** The {@code autoconf.h} text, starting with {@code header}. */
    public String autoconfText(String header) {
        ensureEvaluated();
        return DeepStack.call(() -> ConfigWriter.autoconf(this, header));
    }

    /** The minimal configuration ({@code savedefconfig}), starting with {@code header}. */
    public String minimalConfigText(String header) {
        ensureEvaluated();
        return DeepStack.call(() -> ConfigWriter.minimal(this, header));
    }

    /** Writes {@link #configText} to {@code file} (through a temporary file). */
    public void writeConfig(Path file, String header) throws IOException {
        AtomicFiles.write(file, configText(header));
    }

    /** Writes {@link #autoconfText} to {@code file} (through a temporary file). */
    public void writeAutoconf(Path file, String header) throws IOException {
        AtomicFiles.write(file, autoconfText(header));
    }

    /** Writes {@link #minimalConfigText} to {@code file} (through a temporary file). */
    public void writeMinimalConfig(Path file, String header) throws IOException {
        AtomicFiles.write(file, minimalConfigText(header));
    }

    // ---- warnings -----------------------------------------------------------------------------

    /**
     * The warnings so far, in the reference's order: parsing, then fragments in load order,
     * then evaluation (of the current values).
     */
    public List<KconfigWarning> warnings() {
        ensureEvaluated();
        List<KconfigWarning> all = new ArrayList<>(parseWarnings);
        all.addAll(fragmentWarnings);
        all.addAll(evaluationWarnings);
        return all;
    }

    /** The assignment checks of spec section 9.3 on the current values. */
    public List<KconfigWarning> assignmentChecks() {
        ensureEvaluated();
        return DeepStack.call(() -> AssignmentChecks.run(this));
    }

    /** What {@code $(info,...)} printed while parsing, as {@code FILE:LINE: text}. */
    public List<String> infoMessages() {
        return Collections.unmodifiableList(infoMessages);
    }

    // ---- internals ----------------------------------------------------------------------------

    void warnParse(WarningKind kind, String symbol, Location location, String text) {
        parseWarnings.add(new KconfigWarning(kind, symbol, location, text));
    }

    void warnFragment(WarningKind kind, String symbol, Location location, String text) {
        fragmentWarnings.add(new KconfigWarning(kind, symbol, location, text));
    }

    void warnEvaluation(WarningKind kind, Symbol symbol, String text) {
        evaluationWarnings.add(new KconfigWarning(kind, symbol.name, null, text));
    }

    void info(String message) {
        infoMessages.add(message);
    }

    /** Computes every value (by rendering {@code .config}) unless done since the last change. */
    void ensureEvaluated() {
        if (evaluated || evaluating) {
            return;
        }
        evaluating = true;
        try {
            evaluationWarnings.clear();
            configBody = DeepStack.call(() -> ConfigWriter.config(this, ""));
            evaluated = true;
        } finally {
            evaluating = false;
        }
    }

    void invalidateAll() {
        for (Symbol sym : uniqueDefinedSyms) {
            sym.invalidate();
        }
        for (Choice choice : uniqueChoices) {
            choice.invalidate();
        }
        evaluated = false;
        configBody = null;
    }

    Symbol lookupSymbol(String name) {
        Symbol sym = syms.get(name);
        if (sym == null) {
            sym = new Symbol(this, name, false);
            sym.revDep = n;
            sym.weakRevDep = n;
            sym.directDep = n;
            syms.put(name, sym);
        }
        return sym;
    }

    Symbol lookupConstant(String name) {
        Symbol sym = constSyms.get(name);
        if (sym == null) {
            sym = new Symbol(this, name, true);
            sym.revDep = n;
            sym.weakRevDep = n;
            sym.directDep = n;
            constSyms.put(name, sym);
        }
        return sym;
    }

    /** The constant {@code n}, {@code m} or {@code y}. */
    Symbol constant(String name) {
        return constSyms.get(name);
    }

    private Symbol newConstant(String name, int value) {
        Symbol sym = new Symbol(this, name, true);
        sym.type = SymbolType.TRISTATE;
        sym.cachedTri = value;
        Symbol none = n == null ? sym : n;
        sym.revDep = none;
        sym.weakRevDep = none;
        sym.directDep = none;
        constSyms.put(name, sym);
        return sym;
    }

    /** {@code a && b}, simplified when either side is y or n. */
    Expr makeAnd(Expr a, Expr b) {
        if (a == y) {
            return b;
        }
        if (b == y) {
            return a;
        }
        if (a == n || b == n) {
            return n;
        }
        return new Expr.And(List.of(a, b));
    }

    /** {@code a || b}, simplified when either side is y or n. */
    Expr makeOr(Expr a, Expr b) {
        if (a == n) {
            return b;
        }
        if (b == n) {
            return a;
        }
        if (a == y || b == y) {
            return y;
        }
        return new Expr.Or(List.of(a, b));
    }

    List<ReverseDependency> reverseDependencies(Symbol target, boolean selects) {
        List<ReverseDependency> out = new ArrayList<>();
        for (Symbol sym : uniqueDefinedSyms) {
            for (MenuNode node : sym.nodes) {
                for (Select select : selects ? node.selects : node.implies) {
                    if (select.target() == target) {
                        out.add(new ReverseDependency(sym, stripDependency(node, select.condition()), node.location()));
                    }
                }
            }
        }
        return out;
    }

    /** A condition without the dependencies its node added to it ({@code orig_*} of the reference). */
    Expr stripDependency(MenuNode node, Expr expr) {
        if (expr == node.dep) {
            return y;
        }
        if (expr instanceof Expr.And) {
            List<Expr> operands = ((Expr.And) expr).operands();
            if (operands.size() == 2 && operands.get(1) == node.dep) {
                return operands.get(0);
            }
        }
        return expr;
    }

    /** {@code \} as {@code \\} and {@code "} as {@code \"}: strings in {@code .config}, {@code autoconf.h} and messages. */
    static String escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** {@code (defined at FILE:LINE, ...)} or {@code (undefined)}. */
    static String locations(List<MenuNode> nodes) {
        if (nodes.isEmpty()) {
            return "(undefined)";
        }
        StringBuilder out = new StringBuilder("(defined at ");
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(nodes.get(i).filename).append(':').append(nodes.get(i).linenr);
        }
        return out.append(')').toString();
    }
}
