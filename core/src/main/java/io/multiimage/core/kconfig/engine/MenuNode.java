package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the menu tree, as a configuration interface shows it: a symbol definition
 * ({@code config}/{@code menuconfig}), a choice, a menu or a comment. A symbol defined in
 * several places has one node per definition. {@code if} blocks are gone after parsing (their
 * condition is in the dependencies of what they contained); symbols that depend on the symbol
 * just before them become its children, as in the C tools' menus.
 *
 * <p>The conditions returned here include the dependencies the node inherited from enclosing
 * {@code if}s, menus and choices (and, for prompts of symbols and choices, the {@code visible if}
 * of enclosing menus).
 */
public final class MenuNode {

    /** What a node stands for. */
    public enum Kind {
        /** A {@code config} or {@code menuconfig} definition. */
        SYMBOL,
        /** A {@code choice}. */
        CHOICE,
        /** A {@code menu} (also the top node, the main menu). */
        MENU,
        /** A {@code comment}. */
        COMMENT,
        /** An {@code if} block (only while parsing). */
        IF
    }

    final Kind kind;
    final Symbol symbol;
    final Choice choice;
    String promptText;
    Expr promptCondition;
    String help;
    Expr dep;
    Expr visibility;
    List<Default> defaults = new ArrayList<>();
    List<Select> selects = new ArrayList<>();
    List<Select> implies = new ArrayList<>();
    List<Range> ranges = new ArrayList<>();
    MenuNode parent;
    MenuNode list;
    MenuNode next;
    String filename;
    int linenr;
    List<Location> includePath = List.of();
    boolean isMenuconfig;

    MenuNode(Kind kind, Symbol symbol, Choice choice) {
        this.kind = kind;
        this.symbol = symbol;
        this.choice = choice;
    }

    boolean hasPrompt() {
        return promptText != null;
    }

    /** The prompt texts of the {@code definitions} that have one, in order (a symbol's or a choice's prompts). */
    static List<String> promptsOf(List<MenuNode> definitions) {
        List<String> out = new ArrayList<>();
        for (MenuNode node : definitions) {
            if (node.hasPrompt()) {
                out.add(node.promptText);
            }
        }
        return out;
    }

    /**
     * {@code visibility} of a symbol or choice defined by {@code definitions}: the highest prompt
     * condition (0, 1 = m, 2 = y); m counts as y unless {@code type} is tristate.
     */
    static int visibilityOf(List<MenuNode> definitions, SymbolType type) {
        int vis = 0;
        for (MenuNode node : definitions) {
            if (node.hasPrompt()) {
                vis = Math.max(vis, node.promptCondition.tri());
            }
        }
        if (vis == 1 && type != SymbolType.TRISTATE) {
            vis = 2;
        }
        return vis;
    }

    /** What this node is. */
    public Kind kind() {
        return kind;
    }

    /** The symbol, for a {@link Kind#SYMBOL} node. */
    public Optional<Symbol> symbol() {
        return Optional.ofNullable(symbol);
    }

    /** The choice, for a {@link Kind#CHOICE} node. */
    public Optional<Choice> choice() {
        return Optional.ofNullable(choice);
    }

    /** The prompt text (menu and comment titles too); empty for a definition without prompt. */
    public Optional<String> prompt() {
        return Optional.ofNullable(promptText);
    }

    /** The condition under which the prompt shows (with inherited dependencies); null without prompt. */
    public Expr promptCondition() {
        return promptCondition;
    }

    /** The help text of this definition, if it has one. */
    public Optional<String> help() {
        return Optional.ofNullable(help);
    }

    /** The dependencies of this node: its {@code depends on} ANDed with everything enclosing it. */
    public Expr dependencies() {
        return dep;
    }

    /** For a menu: its own {@code visible if} condition ({@code y} without one); null otherwise. */
    public Expr visibleIf() {
        return visibility;
    }

    /** True for a {@code menuconfig} definition, a menu, a choice and the top node. */
    public boolean isMenuconfig() {
        return isMenuconfig;
    }

    /** Where the node is defined. */
    public Location location() {
        return new Location(filename, linenr);
    }

    /** The {@code source} statements that led to the node's file, outermost first. */
    public List<Location> includePath() {
        return includePath;
    }

    /** The defaults of this definition, in order. */
    public List<Default> defaults() {
        return Collections.unmodifiableList(defaults);
    }

    /** The selects of this definition, in order. */
    public List<Select> selects() {
        return Collections.unmodifiableList(selects);
    }

    /** The implies of this definition, in order. */
    public List<Select> implies() {
        return Collections.unmodifiableList(implies);
    }

    /** The ranges of this definition, in order. */
    public List<Range> ranges() {
        return Collections.unmodifiableList(ranges);
    }

    /** The enclosing node (null for the top node). */
    public MenuNode parent() {
        return parent;
    }

    /** The child nodes, in file order. */
    public List<MenuNode> children() {
        List<MenuNode> children = new ArrayList<>();
        for (MenuNode child = list; child != null; child = child.next) {
            children.add(child);
        }
        return children;
    }

    @Override
    public String toString() {
        String what = kind == Kind.SYMBOL
                ? "config " + symbol.name()
                : kind == Kind.CHOICE
                        ? choice.displayName()
                        : kind.name().toLowerCase(java.util.Locale.ROOT)
                                + (promptText == null ? "" : " \"" + promptText + "\"");
        return what + " at " + location();
    }
}
