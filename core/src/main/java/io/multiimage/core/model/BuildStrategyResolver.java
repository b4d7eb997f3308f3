package io.multiimage.core.model;

import io.multiimage.core.kconfig.KconfigType;
import io.multiimage.core.kconfig.KconfigValue;
import io.multiimage.core.kconfig.SymbolTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a child's build strategy. Precedence, highest first (the first level that says
 * anything wins; the others are not consulted):
 *
 * <ol>
 *   <li>user properties {@code <image>.buildStrategy} = {@code from-source} | {@code use-hex} |
 *       {@code skip}, with {@code <image>.hexFile} or {@code <image>.hexArtifact}
 *       ({@code g:a:v[:classifier]}) and optionally {@code <image>.sha256}; a hex file or
 *       artifact alone implies {@code use-hex};</li>
 *   <li>the POM's {@code <childImage>} configuration;</li>
 *   <li>the parent's merged configuration: {@code CONFIG_<IMAGE>_BUILD_STRATEGY_FROM_SOURCE},
 *       {@code _USE_HEX_FILE} (with {@code CONFIG_<IMAGE>_HEX_FILE}) or {@code _SKIP_BUILD};</li>
 *   <li>{@code from-source}.</li>
 * </ol>
 *
 * {@code <IMAGE>} is the image name in upper case with every character other than a letter,
 * digit or {@code _} replaced by {@code _}.
 */
public final class BuildStrategyResolver {

    private BuildStrategyResolver() {}

    /**
     * Resolves the strategy of {@code image}.
     *
     * @param userProperties the build's user properties (e.g. Maven {@code -D} values)
     * @param pomConfiguration the strategy from the POM, if configured
     * @param parentConfiguration the parent image's final configuration
     * @throws ImageModelException for an unknown strategy name, conflicting or missing HEX
     *     settings, bad coordinates or digest, or more than one Kconfig strategy symbol set
     */
    public static ResolvedBuildStrategy resolve(String image, Map<String, String> userProperties,
            Optional<BuildStrategy> pomConfiguration, SymbolTable parentConfiguration) throws ImageModelException {
        Optional<ResolvedBuildStrategy> fromProperties = fromUserProperties(image, userProperties);
        if (fromProperties.isPresent()) {
            return fromProperties.get();
        }
        if (pomConfiguration.isPresent()) {
            return new ResolvedBuildStrategy(image, pomConfiguration.get(), StrategySource.POM_CONFIGURATION,
                    "POM <childImage> configuration");
        }
        return fromKconfig(image, parentConfiguration)
                .orElse(new ResolvedBuildStrategy(image, BuildStrategy.fromSource(), StrategySource.DEFAULT, "default"));
    }

    /** The Kconfig prefix of an image name: {@code hci_ipc} gives {@code HCI_IPC}. */
    public static String kconfigPrefix(String image) {
        return image.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    private static Optional<ResolvedBuildStrategy> fromUserProperties(String image, Map<String, String> properties)
            throws ImageModelException {
        String strategyKey = image + ".buildStrategy";
        String fileKey = image + ".hexFile";
        String artifactKey = image + ".hexArtifact";
        String shaKey = image + ".sha256";
        String strategy = properties.get(strategyKey);
        String file = properties.get(fileKey);
        String artifact = properties.get(artifactKey);
        String sha = properties.get(shaKey);
        if (strategy == null && file == null && artifact == null) {
            if (sha != null) {
                throw error(image, "-D" + shaKey + " needs -D" + fileKey + " or -D" + artifactKey);
            }
            return Optional.empty();
        }
        String id = strategy == null ? "use-hex" : strategy.trim();
        String origin = "-D" + (strategy != null ? strategyKey : file != null ? fileKey : artifactKey);
        BuildStrategy chosen;
        switch (id) {
            case "from-source", "skip" -> {
                if (file != null || artifact != null || sha != null) {
                    throw error(image, "-D" + strategyKey + "=" + id + " cannot be combined with -D"
                            + (file != null ? fileKey : artifact != null ? artifactKey : shaKey)
                            + ", which only applies to use-hex");
                }
                chosen = id.equals("skip") ? new BuildStrategy.Skip() : BuildStrategy.fromSource();
            }
            case "use-hex" -> {
                if (file != null && artifact != null) {
                    throw error(image, "-D" + fileKey + " and -D" + artifactKey + " are both set; give one of them");
                }
                if (file == null && artifact == null) {
                    throw error(image, "-D" + strategyKey + "=use-hex needs -D" + fileKey + "=<path> or -D"
                            + artifactKey + "=<groupId:artifactId:version[:classifier]>");
                }
                HexSource source = file != null ? new HexFile(Path.of(file)) : HexCoordinates.parse(image, artifact);
                chosen = BuildStrategy.UseHex.of(image, source, sha);
            }
            default -> throw error(image, "-D" + strategyKey + "=" + strategy
                    + " is not a build strategy: expected from-source, use-hex or skip");
        }
        return Optional.of(new ResolvedBuildStrategy(image, chosen, StrategySource.USER_PROPERTY, origin));
    }

    private static Optional<ResolvedBuildStrategy> fromKconfig(String image, SymbolTable parent)
            throws ImageModelException {
        String prefix = "CONFIG_" + kconfigPrefix(image);
        String fromSource = kconfigPrefix(image) + "_BUILD_STRATEGY_FROM_SOURCE";
        String useHex = kconfigPrefix(image) + "_BUILD_STRATEGY_USE_HEX_FILE";
        String skip = kconfigPrefix(image) + "_BUILD_STRATEGY_SKIP_BUILD";
        List<String> set = new ArrayList<>();
        for (String symbol : List.of(fromSource, useHex, skip)) {
            if (parent.isYes(symbol)) {
                set.add(symbol);
            }
        }
        if (set.isEmpty()) {
            return Optional.empty();
        }
        if (set.size() > 1) {
            List<String> where = new ArrayList<>();
            for (String symbol : set) {
                where.add("CONFIG_" + symbol + at(parent, symbol));
            }
            throw error(image, "more than one build strategy is selected in the parent's configuration: "
                    + String.join(", ", where) + "; set exactly one of them to y");
        }
        String symbol = set.get(0);
        String origin = "CONFIG_" + symbol + at(parent, symbol);
        BuildStrategy chosen;
        if (symbol.equals(useHex)) {
            String hexSymbol = kconfigPrefix(image) + "_HEX_FILE";
            Optional<KconfigValue> hexFile = parent.value(hexSymbol);
            if (hexFile.isEmpty() || hexFile.get().type() != KconfigType.STRING || hexFile.get().text().isEmpty()) {
                throw error(image, origin + " selects use-hex, but " + prefix + "_HEX_FILE is not set to a"
                        + " \"path\" of the HEX file");
            }
            chosen = new BuildStrategy.UseHex(new HexFile(Path.of(hexFile.get().text())), Optional.empty());
        } else {
            chosen = symbol.equals(skip) ? new BuildStrategy.Skip() : BuildStrategy.fromSource();
        }
        return Optional.of(new ResolvedBuildStrategy(image, chosen, StrategySource.PARENT_KCONFIG, origin));
    }

    private static String at(SymbolTable table, String symbol) {
        return table.origin(symbol).map(l -> " at " + l).orElse("");
    }

    private static ImageModelException error(String image, String detail) {
        return new ImageModelException(image, "Image '" + image + "': " + detail);
    }
}
