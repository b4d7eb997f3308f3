package io.multiimage.kconfig.ui;

import io.multiimage.core.kconfig.engine.MenuNode;

/**
 * One line of a menu as a configuration interface shows it.
 *
 * @param node the menu node
 * @param depth indentation: 0 for the menu's own entries, more for a symbol's implicit children
 * @param value the value column: {@code [*]}, {@code [ ]}, {@code -*-} (selected, cannot be n),
 *     {@code (X)}/{@code ( )} for a choice's symbols, {@code (text)} for int/hex/string, empty otherwise
 * @param label the prompt, with {@code --->} for an entry that opens a menu and {@code ***} around comments
 * @param action what activating the row does
 */
public record MenuRow(MenuNode node, int depth, String value, String label, Action action) {

    /** What activating a row does. */
    public enum Action {
        /** Switch a bool between n and y. */
        TOGGLE,
        /** Make this symbol the choice's selection. */
        SELECT,
        /** Ask for a new int, hex or string value. */
        EDIT,
        /** Open the menu, choice or menuconfig symbol. */
        OPEN,
        /** Nothing (a comment, a value that cannot change). */
        NONE
    }

    /** The row as the terminal draws it: value column, indentation, label. */
    public String text() {
        return (value.isEmpty() ? "    " : value + " ") + "  ".repeat(depth) + label;
    }
}
