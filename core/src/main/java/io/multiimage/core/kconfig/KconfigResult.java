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
 */
public record KconfigResult(List<ResolvedSymbol> symbols, List<SymbolProvenance> provenance, List<String> warnings)
        implements SymbolTable {

    /** Freezes the lists. */
    public KconfigResult {
        symbols = List.copyOf(symbols);
        provenance = List.copyOf(provenance);
        warnings = List.copyOf(warnings);
    }

    @Override
    public Optional<KconfigValue> value(String symbol) {
        return symbols.stream().filter(s -> s.name().equals(symbol)).map(ResolvedSymbol::value).findFirst();
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
