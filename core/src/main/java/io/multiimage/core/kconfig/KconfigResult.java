package io.multiimage.core.kconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved configuration of one image.
 *
 * @param symbols the symbols to write, in output order
 * @param provenance for every assigned symbol its assignment chain, in first-assignment order
 * @param warnings warnings in the order they arose (kconfig-subset §9 forms where they apply)
 * @param rendered the exact {@code .config} and {@code autoconf.h} texts when the Kconfig engine
 *     produced the result (menus, comments and all); empty for the fragment-only merge, whose
 *     texts are rendered from {@code symbols}
 */
public record KconfigResult(
        List<ResolvedSymbol> symbols,
        List<SymbolProvenance> provenance,
        List<String> warnings,
        Optional<RenderedConfig> rendered)
        implements SymbolTable {

    /** Freezes the lists. */
    public KconfigResult {
        symbols = List.copyOf(symbols);
        provenance = List.copyOf(provenance);
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(rendered, "rendered");
    }

    /** A fragment-only result: the output texts are rendered from {@code symbols}. */
    public KconfigResult(List<ResolvedSymbol> symbols, List<SymbolProvenance> provenance, List<String> warnings) {
        this(symbols, provenance, warnings, Optional.empty());
    }

    /** The {@code .config} text with an empty header. */
    public String dotConfigText() {
        return rendered.map(RenderedConfig::dotConfig).orElseGet(() -> DotConfigWriter.render(symbols, ""));
    }

    /** The {@code autoconf.h} text with an empty header. */
    public String autoconfText() {
        return rendered.map(RenderedConfig::autoconf).orElseGet(() -> AutoconfWriter.render(symbols, ""));
    }

    @Override
    public Optional<KconfigValue> value(String symbol) {
        return symbols.stream()
                .filter(s -> s.name().equals(symbol))
                .map(ResolvedSymbol::value)
                .findFirst();
    }

    @Override
    public Optional<SourceLocation> origin(String symbol) {
        return provenanceOf(symbol).map(p -> p.last().location());
    }

    /** The assignment chain of {@code symbol}, if it was assigned. */
    public Optional<SymbolProvenance> provenanceOf(String symbol) {
        return provenance.stream().filter(p -> p.symbol().equals(symbol)).findFirst();
    }

    /** The final values by name, in output order. */
    public Map<String, KconfigValue> valuesByName() {
        Map<String, KconfigValue> values = new LinkedHashMap<>();
        symbols.forEach(s -> values.put(s.name(), s.value()));
        return values;
    }
}
