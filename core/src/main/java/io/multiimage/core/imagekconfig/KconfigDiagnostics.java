package io.multiimage.core.imagekconfig;

import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.kconfig.engine.KconfigWarning;
import io.multiimage.core.kconfig.engine.Location;
import io.multiimage.core.kconfig.engine.Symbol;
import io.multiimage.core.kconfig.engine.UserAssignment;
import io.multiimage.core.kconfig.engine.WarningKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an image's Kconfig evaluation has to say, as build-log lines with project-relative
 * {@code FILE:LINE}: the warnings a Zephyr build prints, and the overrides between fragments.
 *
 * <ul>
 *   <li>warnings (WARNING level; errors with {@code -Dfirmware.kconfig.strict}): everything the
 *       engine warns about while parsing the tree, loading the fragments and evaluating —
 *       among them an assignment to an undefined symbol, an invalid value, a symbol set twice
 *       <em>in one file</em> — and every assigned value that did not take, with why
 *       ({@code not visible: depends on ...}, {@code selected by ...}, outside the range, no
 *       prompt, the choice selected another symbol). A warning without a line of its own (an
 *       evaluation warning) names the symbol's definition;</li>
 *   <li>overrides (INFO level): a later fragment that assigns a different value than an
 *       earlier one, with both values and both places, as the fragment-only merge logs them.
 *       That is how the child-image rules layer files, so it is no warning.</li>
 * </ul>
 *
 * @param warnings the warning lines, in the engine's order
 * @param overrides per fragment (by its location name), the override lines it caused
 */
public record KconfigDiagnostics(List<String> warnings, Map<String, List<String>> overrides) {

    /** Freezes the parts. */
    public KconfigDiagnostics {
        warnings = List.copyOf(warnings);
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * Collects the diagnostics of an evaluated tree.
     *
     * @param kconfig the tree with its fragments loaded
     * @param setup names Kconfig files project-relative
     * @param fragmentNames the fragments' location names, which the engine already shows as they are
     */
    public static KconfigDiagnostics of(Kconfig kconfig, ImageKconfigSetup setup, Set<String> fragmentNames) {
        List<String> warnings = new ArrayList<>();
        for (KconfigWarning warning : kconfig.warnings()) {
            if (warning.kind() == WarningKind.ASSIGNED_TWICE && !inOneFile(kconfig, warning)) {
                continue; // a later fragment overriding an earlier one: an override line below
            }
            warnings.add(line(kconfig, setup, fragmentNames, warning, warning.text()));
        }
        for (KconfigWarning check : kconfig.assignmentChecks()) {
            String text = check.text();
            if (check.kind() == WarningKind.ASSIGNED_VALUE_NOT_TAKEN
                    || check.kind() == WarningKind.CHOICE_SELECTION_NOT_TAKEN) {
                Optional<String> why =
                        kconfig.symbol(check.symbol()).flatMap(s -> s.explain().userValueIgnoredBecause());
                if (why.isPresent()) {
                    text = text + " (" + why.get() + ")";
                }
            }
            warnings.add(line(kconfig, setup, fragmentNames, check, text));
        }
        return new KconfigDiagnostics(warnings, overrides(kconfig));
    }

    /** The override lines of every fragment after the first one that set a symbol. */
    private static Map<String, List<String>> overrides(Kconfig kconfig) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Symbol symbol : kconfig.definedSymbols()) {
            List<UserAssignment> history = symbol.assignmentHistory();
            for (int i = 1; i < history.size(); i++) {
                UserAssignment old = history.get(i - 1);
                UserAssignment now = history.get(i);
                if (old.location() == null
                        || now.location() == null
                        || old.value().equals(now.value())
                        || old.location().file().equals(now.location().file())) {
                    continue;
                }
                out.computeIfAbsent(now.location().file(), k -> new ArrayList<>())
                        .add(configLine(symbol, now.value()) + " (" + now.location() + ") overrides "
                                + configLine(symbol, old.value()) + " (" + old.location() + ")");
            }
        }
        return out;
    }

    private static String configLine(Symbol symbol, String value) {
        return "CONFIG_" + symbol.name() + "="
                + (symbol.type() == io.multiimage.core.kconfig.engine.SymbolType.STRING
                        ? io.multiimage.core.kconfig.KconfigValue.quote(value)
                        : value);
    }

    /** True when the assignment the warning is about follows one of the same file. */
    private static boolean inOneFile(Kconfig kconfig, KconfigWarning warning) {
        if (warning.location() == null || warning.symbol() == null) {
            return true;
        }
        List<UserAssignment> history =
                kconfig.symbol(warning.symbol()).map(Symbol::assignmentHistory).orElse(List.of());
        for (int i = 1; i < history.size(); i++) {
            if (warning.location().equals(history.get(i).location())) {
                Location before = history.get(i - 1).location();
                return before != null && before.file().equals(warning.location().file());
            }
        }
        return true; // not in the history (say, an invalid value): keep the warning
    }

    /** {@code FILE:LINE: warning: TEXT}, the file shown project-relative. */
    private static String line(
            Kconfig kconfig, ImageKconfigSetup setup, Set<String> fragmentNames, KconfigWarning warning, String text) {
        Location location = warning.location();
        if (location == null && warning.symbol() != null) {
            location = kconfig.symbol(warning.symbol())
                    .flatMap(s -> s.locations().stream().findFirst())
                    .orElse(null);
        }
        if (location == null) {
            return "warning: " + text;
        }
        String file = fragmentNames.contains(location.file()) ? location.file() : setup.display(location.file());
        return file + ":" + location.line() + ": warning: " + text;
    }

    /** The file of a warning line ({@code FILE} of {@code FILE:LINE: warning:}), if it has one. */
    public static Optional<String> fileOf(String warningLine) {
        int marker = warningLine.indexOf(": warning: ");
        if (marker < 0) {
            return Optional.empty();
        }
        String place = warningLine.substring(0, marker);
        int colon = place.lastIndexOf(':');
        return colon > 0 ? Optional.of(place.substring(0, colon)) : Optional.empty();
    }
}
