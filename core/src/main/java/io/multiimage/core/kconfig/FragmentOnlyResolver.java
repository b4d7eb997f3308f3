package io.multiimage.core.kconfig;

import io.multiimage.core.spi.BuildLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolver used until the Kconfig engine exists: every assigned symbol is written, with
 * the value of its last assignment and the type its literal shows, in the order in which
 * symbols were first assigned (which is where Kconfiglib writes them when the Kconfig file
 * declares them in that order).
 *
 * <p>Log lines, in order: per fragment {@code Merged configuration '<name>'} (info), and
 * after it, for each assignment that replaces a different value,
 * {@code CONFIG_X=new (FILE:LINE) overrides CONFIG_X=old (FILE:LINE)} (info). Repeating the
 * same value is a debug line. A replacement that changes the type (say bool to string) is
 * also a warning, because the engine would reject one of the two.
 */
public final class FragmentOnlyResolver implements KconfigResolver {

    @Override
    public KconfigResult resolve(List<FragmentSource> fragments, BuildLog log) throws FragmentSyntaxException {
        List<List<Assignment>> parsed = new ArrayList<>();
        for (FragmentSource fragment : fragments) {
            parsed.add(FragmentParser.parse(fragment));
        }
        Map<String, List<Assignment>> chains = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            log.info("Merged configuration '" + fragments.get(i).mergeName() + "'");
            for (Assignment assignment : parsed.get(i)) {
                List<Assignment> chain = chains.computeIfAbsent(assignment.symbol(), k -> new ArrayList<>());
                if (!chain.isEmpty()) {
                    reportOverride(chain.get(chain.size() - 1), assignment, log, warnings);
                }
                chain.add(assignment);
            }
        }
        List<ResolvedSymbol> symbols = new ArrayList<>();
        List<SymbolProvenance> provenance = new ArrayList<>();
        chains.forEach((name, chain) -> {
            SymbolProvenance p = new SymbolProvenance(name, chain);
            provenance.add(p);
            symbols.add(new ResolvedSymbol(name, p.last().value()));
        });
        return new KconfigResult(symbols, provenance, warnings);
    }

    private static void reportOverride(Assignment old, Assignment now, BuildLog log, List<String> warnings) {
        if (old.value().equals(now.value())) {
            if (log.isDebugEnabled()) {
                log.debug(now.configLine() + " (" + now.location() + ") repeats the value set at " + old.location());
            }
            return;
        }
        log.info(now.configLine() + " (" + now.location() + ") overrides " + old.configLine() + " (" + old.location()
                + ")");
        if (old.value().type() != now.value().type()) {
            String warning = now.location() + ": warning: CONFIG_" + now.symbol() + " changes type from "
                    + old.value().type().kconfigName() + " (" + old.location() + ") to "
                    + now.value().type().kconfigName();
            warnings.add(warning);
            log.warn(warning);
        }
    }
}
