package io.multiimage.core.kconfig.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks a build runs after evaluation (spec section 9.3): user values that have no effect
 * because the symbol has no prompt, user values that did not become the final value, and choice
 * symbols assigned y that their choice did not select.
 */
final class AssignmentChecks {

    private AssignmentChecks() {}

    static List<KconfigWarning> run(Kconfig kconfig) {
        List<KconfigWarning> out = new ArrayList<>();
        for (Symbol sym : kconfig.uniqueDefinedSyms) {
            if (sym.choice != null) {
                continue;
            }
            String assigned = sym.userValue().orElse(null);
            if (assigned == null) {
                continue;
            }
            if (!sym.hasPrompt()) {
                out.add(new KconfigWarning(
                        WarningKind.ASSIGNED_WITHOUT_PROMPT,
                        sym.name,
                        location(sym),
                        sym.name + " was assigned '" + assigned
                                + "' but has no prompt, so the assignment has no effect"));
            } else {
                String value = sym.strValue();
                if (!value.equals(assigned)) {
                    out.add(new KconfigWarning(
                            WarningKind.ASSIGNED_VALUE_NOT_TAKEN,
                            sym.name,
                            location(sym),
                            sym.name + " was assigned '" + assigned + "' but evaluated to '" + value + "'"));
                }
            }
        }
        for (Choice choice : kconfig.uniqueChoices) {
            Symbol wanted = choice.userSelection;
            if (wanted == null) {
                continue;
            }
            Symbol selected = choice.selectionInternal();
            if (selected != wanted) {
                out.add(new KconfigWarning(
                        WarningKind.CHOICE_SELECTION_NOT_TAKEN,
                        wanted.name,
                        location(wanted),
                        "choice symbol " + wanted.name + " was set to y but the choice selected "
                                + (selected == null ? "nothing" : selected.name)));
            }
        }
        return out;
    }

    /** The fragment line of the assignment; only for the structured warning, not in the text. */
    private static Location location(Symbol sym) {
        return sym.userAssignment().map(UserAssignment::location).orElse(null);
    }
}
