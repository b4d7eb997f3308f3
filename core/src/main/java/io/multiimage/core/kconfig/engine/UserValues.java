package io.multiimage.core.kconfig.engine;

/**
 * Giving symbols and choices user values ({@code set_value} of the reference): the value is
 * checked against the type, stored as written (int/hex keep their spelling), and a choice symbol
 * set to y becomes its choice's user selection.
 */
final class UserValues {

    private UserValues() {}

    /**
     * Sets {@code sym}'s user value from text ({@code y}/{@code n} for bool). Returns false (and,
     * if {@code warn}, adds the reference's warning) when the text does not fit the type.
     */
    static boolean set(Symbol sym, String value, Location location, boolean warn) {
        Integer tri = null;
        if (sym.type.isBoolOrTristate()) {
            tri = value.equals("n")
                    ? Integer.valueOf(0)
                    : value.equals("m") ? Integer.valueOf(1) : value.equals("y") ? Integer.valueOf(2) : null;
        }
        boolean sameAsBefore =
                tri != null ? tri.equals(sym.userTri) : (sym.userTri == null && value.equals(sym.userText));
        if (sameAsBefore && sym.choice == null) {
            sym.wasSet = true;
            sym.assignments.add(new UserAssignment(location, value));
            return true;
        }
        boolean valid;
        switch (sym.type) {
            case BOOL:
                valid = tri != null && tri != 1;
                break;
            case STRING:
                valid = true;
                break;
            case INT:
                valid = PyInt.isBaseN(value, 10);
                break;
            case HEX:
                java.math.BigInteger number = PyInt.parse(value, 16);
                valid = number != null && number.signum() >= 0;
                break;
            default:
                valid = false;
        }
        if (!valid) {
            if (warn) {
                String shown = tri != null ? Tristate.text(tri) : "'" + value + "'";
                sym.kconfig.warnFragment(
                        WarningKind.INVALID_VALUE,
                        sym.name,
                        null,
                        "the value " + shown
                                + " is invalid for " + sym.nameAndLocations() + ", which has type " + sym.type.text()
                                + " -- assignment ignored");
            }
            return false;
        }
        if (tri != null) {
            sym.userTri = tri;
            sym.userText = null;
        } else {
            sym.userText = value;
            sym.userTri = null;
        }
        sym.wasSet = true;
        sym.assignments.add(new UserAssignment(location, value));
        if (sym.choice != null && tri != null && tri == 2) {
            sym.choice.userSelection = sym;
            sym.choice.wasSet = true;
        }
        return true;
    }

    /** The mode of a choice, from the value assigned to one of its symbols ({@code y}). */
    static void setChoiceMode(Choice choice, String value) {
        int tri = value.equals("y") ? 2 : value.equals("m") ? 1 : 0;
        if (choice.userTri != null && choice.userTri == tri) {
            choice.wasSet = true;
            return;
        }
        boolean valid = choice.type == SymbolType.BOOL && (tri == 2 || tri == 0);
        if (!valid) {
            choice.kconfig.warnFragment(
                    WarningKind.INVALID_VALUE,
                    choice.displayName(),
                    null,
                    "the value "
                            + Tristate.text(tri) + " is invalid for " + choice.nameAndLocations() + ", which has type "
                            + choice.type.text() + " -- assignment ignored");
            return;
        }
        choice.userTri = tri;
        choice.wasSet = true;
    }

    static void unset(Symbol sym) {
        sym.userTri = null;
        sym.userText = null;
        sym.assignments.clear();
    }

    static void unset(Choice choice) {
        choice.userTri = null;
        choice.userSelection = null;
    }
}
