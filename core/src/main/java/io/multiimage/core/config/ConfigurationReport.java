package io.multiimage.core.config;

import io.multiimage.core.kconfig.Assignment;
import io.multiimage.core.kconfig.ResolvedSymbol;
import io.multiimage.core.kconfig.SymbolProvenance;
import java.util.List;
import java.util.Optional;

/**
 * Human-readable views of an image's resolved configuration: which files were chosen and by
 * which rule, and for every symbol which file and line set it and what it overrode. Shared by
 * the core CLI and the Maven plugin's {@code firmware:config}.
 */
public final class ConfigurationReport {

    private ConfigurationReport() {}

    /** The chosen Kconfig fragments and overlays, numbered in merge order, each with its rule. */
    public static String files(ImageConfiguration configuration) {
        StringBuilder text = new StringBuilder();
        text.append("Kconfig row ").append(configuration.plan().row()).append('\n');
        text.append("Kconfig fragments, in merge order:\n");
        int n = 1;
        for (SelectedFile file : configuration.plan().kconfigFiles()) {
            text.append(String.format("  %d. %s  [%s]%n", n++, file.location(), file.rule()));
        }
        if (!configuration.plan().commandLineValues().isEmpty()) {
            text.append(String.format(
                    "  %d. command line  [%s]%n",
                    n,
                    "single values "
                            + String.join(
                                    ", ",
                                    configuration.plan().commandLineValues().keySet())));
        }
        text.append("Devicetree overlays, in order:\n");
        n = 1;
        for (SelectedFile file : configuration.plan().overlays()) {
            text.append(String.format("  %d. %s  [%s]%n", n++, file.location(), file.rule()));
        }
        return text.toString().replace("\r\n", "\n");
    }

    /** Every symbol with its final value, the FILE:LINE that set it and the values it overrode. */
    public static String provenance(ImageConfiguration configuration) {
        StringBuilder text = new StringBuilder();
        List<ResolvedSymbol> symbols = configuration.kconfig().symbols();
        for (ResolvedSymbol symbol : symbols) {
            text.append("CONFIG_")
                    .append(symbol.name())
                    .append('=')
                    .append(symbol.value().configText())
                    .append('\n');
            Optional<SymbolProvenance> provenance = configuration.kconfig().provenanceOf(symbol.name());
            if (provenance.isEmpty()) {
                // The Kconfig engine gives symbols no fragment assigns their default (or select's) value.
                text.append("  not assigned: its Kconfig default\n");
                continue;
            }
            text.append("  set at ").append(provenance.get().last().location()).append('\n');
            for (Assignment earlier : provenance.get().overridden()) {
                text.append("  overrides ")
                        .append(earlier.value().configText())
                        .append(" at ")
                        .append(earlier.location())
                        .append('\n');
            }
        }
        return text.toString();
    }
}
