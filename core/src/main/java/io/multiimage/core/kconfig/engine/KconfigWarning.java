package io.multiimage.core.kconfig.engine;

/**
 * A warning about the Kconfig tree, a fragment or a value.
 *
 * @param kind what it is about
 * @param symbol the symbol (or choice display name) it concerns, or null
 * @param location the Kconfig or fragment line it is tied to, or null
 * @param text the message text (may span lines), without location or {@code warning:} prefix
 */
public record KconfigWarning(WarningKind kind, String symbol, Location location, String text) {

    /**
     * The warning as the reference writes it: {@code FILE:LINE: warning: TEXT},
     * {@code warning: TEXT}, or {@code assign-check: TEXT} for assignment checks.
     */
    public String formatted() {
        if (kind.phase() == WarningKind.Phase.ASSIGNMENT_CHECK) {
            return "assign-check: " + text;
        }
        return location == null ? "warning: " + text : location + ": warning: " + text;
    }

    /** {@link #formatted()} on one line: a backslash as {@code \\}, a line break as {@code \n}. */
    public String oneLine() {
        return formatted().replace("\\", "\\\\").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return formatted();
    }
}
