package io.multiimage.kconfig.ui;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.kconfig.engine.MenuNode;
import io.multiimage.core.kconfig.engine.Symbol;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;

/**
 * menuconfig in a terminal (JLine): the menu's rows with a cursor, submenus, choices, value
 * editing, an information screen per entry, search with jump, and save.
 *
 * <p>Keys: Up/Down (or k/j) move; Enter or Right opens a menu or changes the entry (toggle,
 * select, edit); Space toggles; Left, Backspace or Esc goes back up; {@code ?} shows the
 * entry's information (help, value and the file that set it, dependencies, selects, why it
 * cannot be set); {@code /} searches names and prompts, Enter on a result jumps to it;
 * {@code S} saves; {@code Q} quits (asking first when there are unsaved changes).
 */
public final class TerminalMenuconfig {

    private final ConfigModel model;
    private final Terminal terminal;
    private final Optional<Path> fragment;
    private final boolean writeConfig;
    private final Consumer<String> log;
    private final Deque<MenuNode> menus = new ArrayDeque<>();
    private final Deque<Integer> cursors = new ArrayDeque<>();
    private int cursor;
    private int scroll;
    private String status = "";
    private int savedChanges = -1;
    /** A key read after a lone ESC, to be handled next. */
    private int pushedBack = -1;

    /**
     * A menuconfig over {@code terminal}.
     *
     * @param fragment where S saves; empty: the session's default target
     * @param writeConfig S also writes the build's {@code .config}
     * @param log receives the lines saving produces
     */
    public TerminalMenuconfig(
            ConfigModel model, Terminal terminal, Optional<Path> fragment, boolean writeConfig, Consumer<String> log) {
        this.model = model;
        this.terminal = terminal;
        this.fragment = fragment;
        this.writeConfig = writeConfig;
        this.log = log;
        menus.push(model.top());
    }

    /**
     * The process's terminal. JLine's grapheme-cluster probe is off: it queries the terminal and
     * reads the answer with a timeout, and a terminal that does not answer (tmux) then loses the
     * next key the user types to that pending read.
     */
    public static Terminal systemTerminal() throws IOException {
        return TerminalBuilder.builder().system(true).graphemeCluster(false).build();
    }

    /** Runs until the user quits. */
    public void run() throws IOException {
        Attributes saved = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        try {
            // Standard input read directly with plain blocking reads; available() tells whether an
            // escape sequence goes on, so no timed read (and no reading thread) is needed.
            InputStream reader = new FileInputStream(FileDescriptor.in);
            while (true) {
                draw();
                int key = readKey(reader);
                if (!handle(key, reader)) {
                    return;
                }
            }
        } finally {
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.setAttributes(saved);
            terminal.flush();
        }
    }

    // keys: positive = a character; negative = special keys
    private static final int UP = -10;
    private static final int DOWN = -11;
    private static final int RIGHT = -12;
    private static final int LEFT = -13;
    private static final int ESC = -14;

    /**
     * The next key. An escape sequence's bytes arrive together, so a lone ESC is one with nothing
     * readable shortly after it.
     */
    private int readKey(InputStream reader) throws IOException {
        int c = pushedBack >= 0 ? pushedBack : reader.read();
        pushedBack = -1;
        if (c < 0) {
            throw new IOException("the terminal's input ended");
        }
        if (c != 27 || !readableSoon(reader)) {
            return c == 27 ? ESC : c;
        }
        int next = reader.read();
        if (next != '[' && next != 'O') {
            pushedBack = next; // ESC, then a key of its own
            return ESC;
        }
        int code = reader.read();
        return switch (code) {
            case 'A' -> UP;
            case 'B' -> DOWN;
            case 'C' -> RIGHT;
            case 'D' -> LEFT;
            default -> ESC;
        };
    }

    /** True when another byte arrives within 50 ms (it is not consumed). */
    private static boolean readableSoon(InputStream reader) throws IOException {
        for (int i = 0; i < 10 && reader.available() == 0; i++) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return reader.available() > 0;
    }

    private boolean handle(int key, InputStream reader) throws IOException {
        List<MenuRow> rows = model.rows(menus.peek());
        MenuRow row = rows.isEmpty() ? null : rows.get(Math.min(cursor, rows.size() - 1));
        status = "";
        switch (key) {
            case UP, 'k' -> cursor = Math.max(0, cursor - 1);
            case DOWN, 'j' -> cursor = Math.min(Math.max(rows.size() - 1, 0), cursor + 1);
            case '\r', '\n', RIGHT -> activate(row, reader);
            case ' ' -> {
                if (row != null && row.node().symbol().isPresent()) {
                    Symbol symbol = row.node().symbol().get();
                    if (row.action() == MenuRow.Action.SELECT) {
                        model.select(symbol);
                    } else if (!model.toggle(symbol)) {
                        status = "CONFIG_" + symbol.name() + " " + model.whySettable(symbol);
                    }
                }
            }
            case LEFT, ESC, 127, 8 -> back();
            case '?', 'h' -> {
                if (row != null) {
                    showText(model.info(row.node()), reader);
                }
            }
            case '/' -> search(reader);
            case 's', 'S' -> save();
            case 'q', 'Q' -> {
                if (model.session().changes().size() == savedChanges
                        || model.session().changes().isEmpty()) {
                    return false;
                }
                status = "Unsaved changes: S saves them, Q again quits without saving";
                draw();
                int again = readKey(reader);
                if (again == 'q' || again == 'Q') {
                    return false;
                }
                if (again == 's' || again == 'S') {
                    save();
                }
            }
            default -> {}
        }
        return true;
    }

    private void activate(MenuRow row, InputStream reader) throws IOException {
        if (row == null) {
            return;
        }
        switch (row.action()) {
            case OPEN -> {
                menus.push(row.node());
                cursors.push(cursor);
                cursor = 0;
                scroll = 0;
            }
            case TOGGLE -> model.toggle(row.node().symbol().orElseThrow());
            case SELECT -> {
                model.select(row.node().symbol().orElseThrow());
                if (row.node().parent() != null && row.node().parent().kind() == MenuNode.Kind.CHOICE) {
                    back();
                }
            }
            case EDIT -> {
                Symbol symbol = row.node().symbol().orElseThrow();
                Optional<String> text =
                        prompt("CONFIG_" + symbol.name() + " (" + symbol.type().text() + ")", symbol.value(), reader);
                if (text.isPresent()) {
                    status = model.edit(symbol, text.get())
                            .map(p -> "Not set: " + p)
                            .orElse("");
                }
            }
            default ->
                status = row.node()
                        .symbol()
                        .map(s -> "CONFIG_" + s.name() + " " + model.whySettable(s))
                        .orElse("");
        }
    }

    private void back() {
        if (menus.size() > 1) {
            menus.pop();
            cursor = cursors.pop();
            scroll = 0;
        }
    }

    private void save() {
        try {
            List<String> lines = model.save(fragment, writeConfig);
            lines.forEach(log);
            savedChanges = model.session().changes().size();
            status = String.join("; ", lines);
        } catch (IOException | FirmwareException e) {
            status = "Saving failed: " + e.getMessage();
        }
    }

    private void search(InputStream reader) throws IOException {
        Optional<String> query = prompt("Search (name or prompt)", "", reader);
        if (query.isEmpty()) {
            return;
        }
        List<MenuNode> found = model.search(query.get());
        if (found.isEmpty()) {
            status = "Nothing matches '" + query.get() + "'";
            return;
        }
        int at = 0;
        while (true) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                lines.add((i == at ? "> " : "  ") + model.describe(found.get(i)));
            }
            drawScreen(
                    "Search: " + query.get() + " (" + found.size() + " found; Enter jumps, ? shows info, Esc back)",
                    lines,
                    at,
                    "");
            int key = readKey(reader);
            if (key == UP || key == 'k') {
                at = Math.max(0, at - 1);
            } else if (key == DOWN || key == 'j') {
                at = Math.min(found.size() - 1, at + 1);
            } else if (key == '?') {
                showText(model.info(found.get(at)), reader);
            } else if (key == '\r' || key == '\n') {
                jump(found.get(at));
                return;
            } else if (key == ESC || key == LEFT || key == 'q') {
                return;
            }
        }
    }

    /** Opens the menu that shows {@code node} and puts the cursor on it. */
    private void jump(MenuNode node) {
        List<MenuNode> chain = new ArrayList<>();
        for (MenuNode m = model.menuOf(node); m != model.top(); m = model.menuOf(m)) {
            chain.add(0, m);
        }
        menus.clear();
        cursors.clear();
        menus.push(model.top());
        for (MenuNode m : chain) {
            cursors.push(0);
            menus.push(m);
        }
        List<MenuRow> rows = model.rows(menus.peek());
        cursor = 0;
        scroll = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).node() == node) {
                cursor = i;
                return;
            }
        }
        status = "Not shown now: " + node.symbol().map(model::whySettable).orElse("its menu is hidden");
    }

    private Optional<String> prompt(String label, String initial, InputStream reader) throws IOException {
        StringBuilder text = new StringBuilder(initial);
        while (true) {
            status = label + ": " + text + "_   (Enter accepts, Esc cancels)";
            draw();
            int key = readKey(reader);
            if (key == '\r' || key == '\n') {
                return Optional.of(text.toString());
            } else if (key == ESC) {
                status = "";
                return Optional.empty();
            } else if (key == 127 || key == 8) {
                if (text.length() > 0) {
                    text.setLength(text.length() - 1);
                }
            } else if (key >= 32) {
                text.append((char) key);
            }
        }
    }

    private void showText(String text, InputStream reader) throws IOException {
        drawScreen("Information (any key returns)", List.of(text.split("\n")), -1, "");
        readKey(reader);
    }

    private void draw() {
        MenuNode menu = menus.peek();
        List<MenuRow> rows = model.rows(menu);
        cursor = Math.max(0, Math.min(cursor, rows.size() - 1));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            lines.add((i == cursor ? "> " : "  ") + rows.get(i).text());
        }
        String title = model.session().image() + ": " + model.breadcrumb(menu);
        drawScreen(title, lines, cursor, status);
    }

    private void drawScreen(String title, List<String> lines, int selected, String message) {
        Size size = terminal.getSize();
        int width = Math.max(20, size.getColumns() > 0 ? size.getColumns() : 80);
        int height = Math.max(8, size.getRows() > 0 ? size.getRows() : 24);
        int visible = height - 5;
        if (selected >= 0) {
            if (selected < scroll) {
                scroll = selected;
            } else if (selected >= scroll + visible) {
                scroll = selected - visible + 1;
            }
        } else {
            scroll = 0;
        }
        PrintWriter out = terminal.writer();
        terminal.puts(Capability.clear_screen);
        out.print(fit(" " + title, width) + "\r\n");
        out.print("-".repeat(width) + "\r\n");
        int from = selected >= 0 ? scroll : 0;
        for (int i = 0; i < visible; i++) {
            int at = from + i;
            String line = at < lines.size() ? lines.get(at) : "";
            String shown = fit(line, width);
            if (at == selected) {
                shown = "\u001b[7m" + shown + " ".repeat(width - shown.length()) + "\u001b[0m"; // a full-width bar
            }
            out.print(shown + "\r\n");
        }
        out.print(fit(message, width) + "\r\n");
        out.print(fit(" Arrows move  Enter open/set  Space toggle  ? info  / search  S save  Q quit", width));
        out.flush();
    }

    private static String fit(String text, int width) {
        String flat = text.replace('\t', ' ');
        return flat.length() > width ? flat.substring(0, width) : flat;
    }
}
