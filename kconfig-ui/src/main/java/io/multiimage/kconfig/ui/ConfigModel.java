package io.multiimage.kconfig.ui;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.core.kconfig.engine.Choice;
import io.multiimage.core.kconfig.engine.Expr;
import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.kconfig.engine.MenuNode;
import io.multiimage.core.kconfig.engine.ReverseDependency;
import io.multiimage.core.kconfig.engine.Symbol;
import io.multiimage.core.kconfig.engine.SymbolType;
import io.multiimage.core.kconfig.engine.Tristate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What both configuration interfaces show and do, over an {@link ImageKconfigSession}: the
 * rows of a menu (as Kconfiglib's menuconfig lays them out), a symbol's information (help,
 * value and the file that set it, dependencies, selects, why it cannot be set), search, and
 * changing values.
 */
public final class ConfigModel {

    private final ImageKconfigSession session;

    /** A model over {@code session}. */
    public ConfigModel(ImageKconfigSession session) {
        this.session = session;
    }

    /** The session. */
    public ImageKconfigSession session() {
        return session;
    }

    private Kconfig kconfig() {
        return session.kconfig();
    }

    /** The top menu. */
    public MenuNode top() {
        return kconfig().topMenu();
    }

    /** The title of a menu as its header shows it. */
    public String title(MenuNode menu) {
        return menu == top() ? kconfig().mainMenuTitle() : menu.prompt().orElse("");
    }

    /** The visible rows of {@code menu}: its entries, with the implicit children of a symbol or choice indented. */
    public List<MenuRow> rows(MenuNode menu) {
        List<MenuRow> rows = new ArrayList<>();
        addRows(menu, 0, rows);
        return rows;
    }

    private void addRows(MenuNode parent, int depth, List<MenuRow> rows) {
        for (MenuNode node : parent.children()) {
            if (!isVisible(node)) {
                continue;
            }
            rows.add(row(node, depth));
            if (!opensMenu(node) && !node.children().isEmpty()) {
                addRows(node, depth + 1, rows);
            }
        }
    }

    /** True when the node's prompt is shown now. */
    public boolean isVisible(MenuNode node) {
        if (node.prompt().isEmpty() || kconfig().evaluate(node.promptCondition()) == Tristate.N) {
            return false;
        }
        return node.kind() != MenuNode.Kind.MENU || kconfig().evaluate(node.visibleIf()) != Tristate.N;
    }

    /** True for entries that open a menu of their own: menus, choices and menuconfig symbols. */
    public static boolean opensMenu(MenuNode node) {
        return node.kind() == MenuNode.Kind.MENU
                || node.kind() == MenuNode.Kind.CHOICE
                || (node.kind() == MenuNode.Kind.SYMBOL && node.isMenuconfig());
    }

    private MenuRow row(MenuNode node, int depth) {
        String prompt = node.prompt().orElse("");
        switch (node.kind()) {
            case MENU:
                return new MenuRow(node, depth, "", prompt + "  --->", MenuRow.Action.OPEN);
            case COMMENT:
                return new MenuRow(node, depth, "", "*** " + prompt + " ***", MenuRow.Action.NONE);
            case CHOICE: {
                Choice choice = node.choice().orElseThrow();
                String selected = choice.selection()
                        .flatMap(s -> s.definitions().stream()
                                .map(d -> d.prompt().orElse(s.name()))
                                .findFirst())
                        .orElse("");
                return new MenuRow(node, depth, "", prompt + " (" + selected + ")  --->", MenuRow.Action.OPEN);
            }
            default:
                break;
        }
        Symbol symbol = node.symbol().orElseThrow();
        String arrow = node.isMenuconfig() ? "  --->" : "";
        if (symbol.choice().isPresent()) {
            return new MenuRow(
                    node, depth, symbol.value().equals("y") ? "(X)" : "( )", prompt + arrow, MenuRow.Action.SELECT);
        }
        if (symbol.type() == SymbolType.BOOL) {
            List<Tristate> assignable = symbol.assignableValues();
            String mark = assignable.size() == 1 ? "-*-" : symbol.value().equals("y") ? "[*]" : "[ ]";
            MenuRow.Action action = node.isMenuconfig()
                    ? MenuRow.Action.OPEN
                    : assignable.size() > 1 ? MenuRow.Action.TOGGLE : MenuRow.Action.NONE;
            return new MenuRow(node, depth, mark, prompt + arrow, action);
        }
        return new MenuRow(
                node,
                depth,
                "(" + symbol.value() + ")",
                prompt + arrow,
                node.isMenuconfig()
                        ? MenuRow.Action.OPEN
                        : symbol.visibility() == Tristate.N ? MenuRow.Action.NONE : MenuRow.Action.EDIT);
    }

    /** Switches a bool between n and y; returns false when it cannot change. */
    public boolean toggle(Symbol symbol) {
        if (symbol.assignableValues().size() < 2) {
            return false;
        }
        return session.set(symbol, symbol.value().equals("y") ? "n" : "y");
    }

    /** Makes a choice symbol the selection. */
    public boolean select(Symbol symbol) {
        return session.set(symbol, "y");
    }

    /**
     * Sets an int, hex or string value.
     *
     * @return empty when it took, else why not
     */
    public Optional<String> edit(Symbol symbol, String text) {
        if (symbol.visibility() == Tristate.N) {
            return Optional.of(whySettable(symbol));
        }
        String value = text.strip();
        if (symbol.type() == SymbolType.INT && !value.matches("-?[0-9]+")) {
            return Optional.of("'" + text + "' is not a decimal number");
        }
        if (symbol.type() == SymbolType.HEX && !value.matches("(0[xX])?[0-9a-fA-F]+")) {
            return Optional.of("'" + text + "' is not a hexadecimal number");
        }
        if (!session.set(symbol, symbol.type() == SymbolType.STRING ? text : value)) {
            return Optional.of("'" + text + "' is not a valid " + symbol.type().text() + " value");
        }
        if (symbol.type() != SymbolType.STRING && !symbol.value().equals(value)) {
            return Optional.of(
                    "the value is " + symbol.value() + ": " + symbol.explain().summary());
        }
        return Optional.empty();
    }

    /** Why {@code symbol} can or cannot be set, in one line. */
    public String whySettable(Symbol symbol) {
        if (symbol.definitions().stream().noneMatch(d -> d.prompt().isPresent())) {
            return "cannot be set: it has no prompt (only defaults and selects give it a value)";
        }
        if (symbol.visibility() == Tristate.N) {
            List<String> conditions = new ArrayList<>();
            for (MenuNode node : symbol.definitions()) {
                if (node.prompt().isPresent()) {
                    conditions.add(node.promptCondition().toString() + " (at " + node.location() + ")");
                }
            }
            return "cannot be set: depends on " + String.join(" or ", conditions) + ", which is n";
        }
        if (symbol.type() == SymbolType.BOOL
                && symbol.assignableValues().size() == 1
                && symbol.choice().isEmpty()) {
            return "cannot be n: selected by " + activeSelectors(symbol);
        }
        return "can be set";
    }

    private String activeSelectors(Symbol symbol) {
        List<String> names = new ArrayList<>();
        for (ReverseDependency by : symbol.selectedBy()) {
            if (by.by().tristate() != Tristate.N && kconfig().evaluate(by.condition()) != Tristate.N) {
                names.add(by.by().name() + (isY(by.condition()) ? "" : " if " + by.condition()));
            }
        }
        return names.isEmpty() ? symbol.selectedByExpression().toString() : String.join(", ", names);
    }

    private boolean isY(Expr expr) {
        return expr.toString().equals("y");
    }

    /** The information page of a node: what menuconfig's help screen shows, and where the value came from. */
    public String info(MenuNode node) {
        StringBuilder out = new StringBuilder();
        if (node.symbol().isPresent()) {
            Symbol symbol = node.symbol().get();
            out.append("CONFIG_")
                    .append(symbol.name())
                    .append(" (")
                    .append(symbol.type().text())
                    .append(")\n");
            node.prompt().ifPresent(p -> out.append("Prompt: ").append(p).append('\n'));
            out.append("Value: ").append(symbol.value()).append('\n');
            out.append("Value from: ").append(valueFrom(symbol)).append('\n');
            out.append("Can be set: ").append(whySettable(symbol)).append('\n');
            if (!symbol.directDependencies().toString().equals("y")) {
                out.append("Depends on: ")
                        .append(symbol.directDependencies())
                        .append(" (")
                        .append(kconfig().evaluate(symbol.directDependencies()).text())
                        .append(")\n");
            }
            for (ReverseDependency by : symbol.selectedBy()) {
                out.append("Selected by: ")
                        .append(by.by().name())
                        .append(isY(by.condition()) ? "" : " if " + by.condition())
                        .append(" (")
                        .append(by.by().value())
                        .append(")\n");
            }
            for (ReverseDependency by : symbol.impliedBy()) {
                out.append("Implied by: ")
                        .append(by.by().name())
                        .append(isY(by.condition()) ? "" : " if " + by.condition())
                        .append(" (")
                        .append(by.by().value())
                        .append(")\n");
            }
            symbol.locations().forEach(l -> out.append("Defined at: ").append(l).append('\n'));
            help(symbol.helpTexts(), out);
        } else if (node.choice().isPresent()) {
            Choice choice = node.choice().get();
            out.append("Choice ").append(choice.displayName()).append('\n');
            node.prompt().ifPresent(p -> out.append("Prompt: ").append(p).append('\n'));
            out.append("Selected: ")
                    .append(choice.selection().map(Symbol::name).orElse("nothing"))
                    .append('\n');
            out.append("Defined at: ").append(node.location()).append('\n');
            node.help().ifPresent(h -> help(List.of(h), out));
        } else {
            out.append(node.kind() == MenuNode.Kind.COMMENT ? "Comment" : "Menu")
                    .append(": ")
                    .append(node.prompt().orElse(""))
                    .append('\n');
            out.append("Defined at: ").append(node.location()).append('\n');
            if (!node.dependencies().toString().equals("y")) {
                out.append("Depends on: ").append(node.dependencies()).append('\n');
            }
        }
        return out.toString();
    }

    private static void help(List<String> texts, StringBuilder out) {
        for (String text : texts) {
            out.append("\nHelp:\n");
            text.lines().forEach(l -> out.append("  ").append(l).append('\n'));
        }
    }

    /** The file and line that set the value, or the rule that gave it. */
    public String valueFrom(Symbol symbol) {
        return session.valueOrigin(symbol);
    }

    /**
     * Symbols and menus whose name or prompt contains {@code query} (case-insensitive), in menu
     * order.
     */
    public List<MenuNode> search(String query) {
        String needle = query.strip().toLowerCase(Locale.ROOT);
        if (needle.startsWith("config_")) {
            needle = needle.substring("config_".length());
        }
        List<MenuNode> found = new ArrayList<>();
        if (!needle.isEmpty()) {
            collect(top(), needle, found);
        }
        return found;
    }

    private void collect(MenuNode node, String needle, List<MenuNode> found) {
        for (MenuNode child : node.children()) {
            String name = child.symbol().map(Symbol::name).orElse("").toLowerCase(Locale.ROOT);
            String prompt = child.prompt().orElse("").toLowerCase(Locale.ROOT);
            if ((child.kind() != MenuNode.Kind.COMMENT) && (name.contains(needle) || prompt.contains(needle))) {
                found.add(child);
            }
            collect(child, needle, found);
        }
    }

    /** The menu whose rows show {@code node}: its nearest ancestor that opens a menu. */
    public MenuNode menuOf(MenuNode node) {
        MenuNode parent = node.parent();
        while (parent != null && parent != top() && !opensMenu(parent)) {
            parent = parent.parent();
        }
        return parent == null ? top() : parent;
    }

    /** The menu path of a node, e.g. {@code Main menu > Application}. */
    public String path(MenuNode node) {
        List<String> parts = new ArrayList<>();
        for (MenuNode m = menuOf(node); m != null; m = m == top() ? null : menuOf(m)) {
            parts.add(0, title(m));
        }
        return String.join(" > ", parts);
    }

    /**
     * Saves the changes: the minimal difference into {@code fragment} (default: the session's
     * default target), and with {@code writeConfig} also the build's {@code .config}.
     *
     * @return the lines to show and log
     */
    public List<String> save(Optional<Path> fragment, boolean writeConfig)
            throws IOException, InvalidConfigurationException {
        ImageKconfigSession.FragmentTarget target = fragment.map(f -> new ImageKconfigSession.FragmentTarget(
                        f.toAbsolutePath().normalize(),
                        "named with -D" + "firmware.kconfig.fragment",
                        Optional.<Integer>empty()))
                .orElse(session.defaultTarget());
        ImageKconfigSession.SavedFragment saved = session.saveFragment(target);
        List<String> lines = new ArrayList<>();
        if (saved.lines().isEmpty()) {
            lines.add(session.image() + ": no changes to save");
        } else {
            lines.add(session.image() + ": saved " + saved.lines().size() + " change"
                    + (saved.lines().size() == 1 ? "" : "s")
                    + " to " + saved.name() + (saved.created() ? " (new file, " : " (") + target.rule() + "): "
                    + String.join(", ", saved.lines()));
        }
        if (!session.readByBuild(target.file())) {
            lines.add(session.image() + ": the build does not read " + saved.name() + "; add it with -D"
                    + session.image() + "_EXTRA_CONF_FILE=" + saved.name());
        }
        for (String difference : saved.differences()) {
            lines.add(session.image() + ": a later fragment overrides the saved value: " + difference);
        }
        if (writeConfig) {
            lines.add(session.image() + ": wrote " + session.setup().layout().relative(session.writeBuildConfig()));
        }
        return lines;
    }

    /** The titles from the top menu down to {@code menu}, e.g. {@code Main menu > Application}. */
    public String breadcrumb(MenuNode menu) {
        List<String> parts = new ArrayList<>();
        for (MenuNode m = menu; m != null; m = m == top() ? null : menuOf(m)) {
            parts.add(0, title(m));
        }
        return String.join(" > ", parts);
    }

    /** One search result line: {@code NAME - prompt (path)}. */
    public String describe(MenuNode node) {
        String name = node.symbol()
                .map(s -> "CONFIG_" + s.name())
                .orElse(node.kind().name().toLowerCase(Locale.ROOT));
        return name + " - " + node.prompt().orElse("(no prompt)") + "  [" + path(node) + "]";
    }
}
