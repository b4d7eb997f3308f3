package io.multiimage.core.kconfig.engine;

import java.util.List;

/**
 * Loads assignments from a fragment in {@code .config} syntax (spec section 7): the first
 * fragment replaces all user values, later ones merge. Each line is validated against the
 * symbol's type; problems become warnings with the fragment's file and line, in the
 * reference's words and order.
 */
final class FragmentLoader {

    private static final String PREFIX = "CONFIG_";
    private static final String UNSET_PREFIX = "# " + PREFIX;
    private static final String UNSET_SUFFIX = " is not set";

    private final Kconfig kconfig;

    FragmentLoader(Kconfig kconfig) {
        this.kconfig = kconfig;
    }

    /** Applies the lines of one fragment; {@code displayName} is how messages name the file. */
    void load(String displayName, List<String> lines, boolean replace) {
        if (replace) {
            for (Symbol sym : kconfig.uniqueDefinedSyms) {
                sym.wasSet = false;
                sym.assignments.clear();
            }
            for (Choice choice : kconfig.uniqueChoices) {
                choice.wasSet = false;
            }
        }
        int linenr = 0;
        for (String rawLine : lines) {
            linenr++;
            String line = PyText.rstrip(rawLine);
            Location location = new Location(displayName, linenr);
            loadLine(line, location);
        }
        if (replace) {
            for (Symbol sym : kconfig.uniqueDefinedSyms) {
                if (!sym.wasSet) {
                    UserValues.unset(sym);
                }
            }
            for (Choice choice : kconfig.uniqueChoices) {
                if (!choice.wasSet) {
                    UserValues.unset(choice);
                }
            }
        }
        kconfig.invalidateAll();
    }

    private void loadLine(String line, Location location) {
        Symbol sym;
        String value;
        int equals = line.startsWith(PREFIX) ? line.indexOf('=', PREFIX.length()) : -1;
        if (equals > PREFIX.length()) {
            String name = line.substring(PREFIX.length(), equals);
            value = line.substring(equals + 1);
            sym = kconfig.syms.get(name);
            if (sym == null || sym.nodes.isEmpty()) {
                undefinedAssignment(name, value, location);
                return;
            }
            if (sym.type.isBoolOrTristate()) {
                if (!(value.startsWith("y") || value.startsWith("n"))) {
                    warn(
                            WarningKind.INVALID_VALUE,
                            sym,
                            location,
                            "'" + value + "' is not a valid value for the " + sym.type.text() + " symbol "
                                    + sym.nameAndLocations() + ". Assignment ignored.");
                    return;
                }
                value = value.substring(0, 1);
                if (sym.choice != null && !value.equals("n")) {
                    UserValues.setChoiceMode(sym.choice, value);
                }
            } else if (sym.type == SymbolType.STRING) {
                String literal = quotedLiteral(value);
                if (literal == null) {
                    warn(
                            WarningKind.INVALID_VALUE,
                            sym,
                            location,
                            "malformed string literal in assignment to " + sym.nameAndLocations()
                                    + ". Assignment ignored.");
                    return;
                }
                value = unescape(literal);
            }
        } else {
            String name = unsetName(line);
            if (name == null) {
                if (!line.isEmpty() && !PyText.lstrip(line).startsWith("#")) {
                    kconfig.warnFragment(
                            WarningKind.MALFORMED_LINE, null, location, "ignoring malformed line '" + line + "'");
                }
                return;
            }
            sym = kconfig.syms.get(name);
            if (sym == null || sym.nodes.isEmpty()) {
                undefinedAssignment(name, "n", location);
                return;
            }
            if (!sym.type.isBoolOrTristate()) {
                return;
            }
            value = "n";
        }
        if (sym.wasSet) {
            assignedTwice(sym, value, location);
        }
        UserValues.set(sym, value, location, true);
    }

    private void undefinedAssignment(String name, String value, Location location) {
        kconfig.warnFragment(
                WarningKind.UNDEFINED_ASSIGNMENT,
                name,
                location,
                "attempt to assign the value '" + value + "' to the undefined symbol " + name);
    }

    private void assignedTwice(Symbol sym, String newValue, Location location) {
        String old = sym.userTri != null ? Tristate.text(sym.userTri) : sym.userText;
        if (!newValue.equals(old)) {
            warn(
                    WarningKind.ASSIGNED_TWICE,
                    sym,
                    location,
                    sym.nameAndLocations() + " set more than once. Old value \"" + old + "\", new value \"" + newValue
                            + "\".");
        }
    }

    private void warn(WarningKind kind, Symbol sym, Location location, String message) {
        kconfig.warnFragment(kind, sym.name, location, message);
    }

    /** The name in {@code # CONFIG_NAME is not set} (and anything after it), or null. */
    private static String unsetName(String line) {
        if (!line.startsWith(UNSET_PREFIX)) {
            return null;
        }
        int start = UNSET_PREFIX.length();
        int end = start;
        while (end < line.length() && line.charAt(end) != ' ') {
            end++;
        }
        if (end == start || !line.startsWith(UNSET_SUFFIX, end)) {
            return null;
        }
        return line.substring(start, end);
    }

    /** The text between the quotes of a leading {@code "..."} (escapes kept), or null. */
    static String quotedLiteral(String value) {
        if (!value.startsWith("\"")) {
            return null;
        }
        int i = 1;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '"') {
                return value.substring(1, i);
            }
            if (c == '\\') {
                if (i + 1 >= value.length() || value.charAt(i + 1) == '\n') {
                    return null;
                }
                i += 2;
            } else if (c == '\n') {
                return null;
            } else {
                i++;
            }
        }
        return null;
    }

    /** A backslash makes the next character literal. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                out.append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
