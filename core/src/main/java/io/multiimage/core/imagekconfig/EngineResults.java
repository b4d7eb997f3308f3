package io.multiimage.core.imagekconfig;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.Assignment;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.kconfig.KconfigType;
import io.multiimage.core.kconfig.KconfigValue;
import io.multiimage.core.kconfig.RenderedConfig;
import io.multiimage.core.kconfig.ResolvedSymbol;
import io.multiimage.core.kconfig.SourceLocation;
import io.multiimage.core.kconfig.SymbolProvenance;
import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.kconfig.engine.MenuNode;
import io.multiimage.core.kconfig.engine.Symbol;
import io.multiimage.core.kconfig.engine.UserAssignment;
import io.multiimage.core.kconfig.engine.ValueExplanation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An evaluated Kconfig tree as the build's {@link KconfigResult}: every symbol {@code .config}
 * holds, with its evaluated value, in {@code .config} order; the assignment chain of every
 * symbol whose value is its user value (so {@code origin} never names a line whose value did
 * not take); and the engine's exact output texts.
 */
public final class EngineResults {

    private EngineResults() {}

    /** The result of {@code kconfig} with the given warning lines. */
    public static KconfigResult of(Kconfig kconfig, List<String> warnings) throws InvalidConfigurationException {
        List<ResolvedSymbol> symbols = new ArrayList<>();
        List<SymbolProvenance> provenance = new ArrayList<>();
        try {
            for (Symbol symbol : inConfigOrder(kconfig)) {
                Optional<KconfigType> type = typeOf(symbol);
                if (type.isEmpty() || !symbol.isWrittenToConfig()) {
                    continue;
                }
                symbols.add(new ResolvedSymbol(symbol.name(), new KconfigValue(type.get(), symbol.value())));
                if (symbol.explain().origin() == ValueExplanation.Origin.USER_VALUE) {
                    List<Assignment> chain = new ArrayList<>();
                    for (UserAssignment assignment : symbol.assignmentHistory()) {
                        if (assignment.location() != null) {
                            chain.add(new Assignment(
                                    symbol.name(),
                                    new KconfigValue(type.get(), assignment.value()),
                                    new SourceLocation(
                                            assignment.location().file(),
                                            assignment.location().line())));
                        }
                    }
                    if (!chain.isEmpty()) {
                        provenance.add(new SymbolProvenance(symbol.name(), chain));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("A configuration value cannot be used: " + e.getMessage(), e);
        }
        return new KconfigResult(
                symbols,
                provenance,
                warnings,
                Optional.of(new RenderedConfig(kconfig.configText(""), kconfig.autoconfText(""))));
    }

    /** The defined symbols in menu-tree order, which is {@code .config} order. */
    static List<Symbol> inConfigOrder(Kconfig kconfig) {
        Set<Symbol> out = new LinkedHashSet<>();
        collect(kconfig.topMenu(), out);
        return List.copyOf(out);
    }

    private static void collect(MenuNode node, Set<Symbol> out) {
        node.symbol().ifPresent(out::add);
        for (MenuNode child : node.children()) {
            collect(child, out);
        }
    }

    private static Optional<KconfigType> typeOf(Symbol symbol) {
        return switch (symbol.type()) {
            case BOOL -> Optional.of(KconfigType.BOOL);
            case INT -> Optional.of(KconfigType.INT);
            case HEX -> Optional.of(KconfigType.HEX);
            case STRING -> Optional.of(KconfigType.STRING);
            default -> Optional.empty();
        };
    }
}
