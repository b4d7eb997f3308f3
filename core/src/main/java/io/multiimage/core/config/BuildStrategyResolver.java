package io.multiimage.core.config;

import io.multiimage.core.kconfig.KconfigType;
import io.multiimage.core.kconfig.KconfigValue;
import io.multiimage.core.kconfig.SymbolTable;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.ImageModelException;
import io.multiimage.core.model.ResolvedBuildStrategy;
import io.multiimage.core.model.StrategySource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides a child's build strategy. Precedence, highest first (the first level that says
 * anything wins; the others are not consulted):
 *
 * <ol>
 *   <li>build properties {@code <image>.buildStrategy} = {@code from-source} | {@code use-hex} |
 *       {@code skip}, with {@code <image>.hexFile} or {@code <image>.hexArtifact}
 *       ({@code g:a:v[:classifier]}) and optionally {@code <image>.sha256}; a hex file or
 *       artifact alone implies {@code use-hex}. Each is read from the command line
 *       ({@code -D}), else from the top module's POM {@code <properties>};</li>
 *   <li>the POM's {@code <childImage>} configuration;</li>
 *   <li>the parent's merged configuration: {@code CONFIG_<IMAGE>_BUILD_STRATEGY_FROM_SOURCE},
 *       {@code _USE_HEX_FILE} (with {@code CONFIG_<IMAGE>_HEX_FILE}) or {@code _SKIP_BUILD};</li>
 *   <li>{@code from-source}.</li>
 * </ol>
 *
 * <p>A sha256 pin is never dropped silently: when a property replaces the HEX of a child whose
 * {@code <childImage>} is pinned, the POM's pin still applies unless {@code <image>.sha256}
 * gives a new one; a {@code <image>.sha256} alone re-pins the POM's HEX. The resolved strategy
 * says where its pin came from. An empty value is an error (an unset CI variable must not
 * silently mean "not pinned").
 *
 * {@code <IMAGE>} is the image name in upper case with every character other than a letter,
 * digit or {@code _} replaced by {@code _}.
 */
public final class BuildStrategyResolver {

    private BuildStrategyResolver() {}

    /**
     * Resolves the strategy of {@code image}.
     *
     * @param properties the build's properties (command line, then the top module's POM)
     * @param pomConfiguration the strategy from the POM, if configured
     * @param declaredBy where the POM configuration is, for messages ({@code <childImage> 'x' in app/pom.xml})
     * @param parentConfiguration the parent image's final configuration
     * @throws ImageModelException for an unknown strategy name, conflicting, empty or missing HEX
     *     settings, bad coordinates or digest, or more than one Kconfig strategy symbol set
     */
    public static ResolvedBuildStrategy resolve(
            String image,
            BuildProperties properties,
            Optional<BuildStrategy> pomConfiguration,
            String declaredBy,
            SymbolTable parentConfiguration)
            throws ImageModelException {
        String pomOrigin = declaredBy.isEmpty() ? "its declaration" : declaredBy;
        Optional<ResolvedBuildStrategy> fromProperties = fromProperties(image, properties, pomConfiguration, pomOrigin);
        if (fromProperties.isPresent()) {
            return fromProperties.get();
        }
        if (pomConfiguration.isPresent()) {
            BuildStrategy pom = pomConfiguration.get();
            return new ResolvedBuildStrategy(
                    image,
                    pom,
                    StrategySource.POM_CONFIGURATION,
                    pomOrigin,
                    pinned(pom) ? Optional.of("the sha256 of " + pomOrigin) : Optional.empty());
        }
        return fromKconfig(image, parentConfiguration)
                .orElse(new ResolvedBuildStrategy(
                        image, BuildStrategy.fromSource(), StrategySource.DEFAULT, "default"));
    }

    /** The Kconfig prefix of an image name: {@code hci_ipc} gives {@code HCI_IPC}. */
    public static String kconfigPrefix(String image) {
        return image.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    private static boolean pinned(BuildStrategy strategy) {
        return strategy instanceof BuildStrategy.UseHex useHex
                && useHex.sha256().isPresent();
    }

    private static Optional<ResolvedBuildStrategy> fromProperties(
            String image, BuildProperties properties, Optional<BuildStrategy> pom, String pomOrigin)
            throws ImageModelException {
        Optional<BuildProperties.Value> strategy = nonEmpty(image, properties.get(image + ".buildStrategy"));
        Optional<BuildProperties.Value> file = nonEmpty(image, properties.get(image + ".hexFile"));
        Optional<BuildProperties.Value> artifact = nonEmpty(image, properties.get(image + ".hexArtifact"));
        Optional<BuildProperties.Value> sha = nonEmpty(image, properties.get(image + ".sha256"));
        Optional<BuildStrategy.UseHex> pomHex =
                pom.filter(BuildStrategy.UseHex.class::isInstance).map(BuildStrategy.UseHex.class::cast);
        BuildStrategySettings settings = new BuildStrategySettings(
                strategy.map(BuildProperties.Value::value),
                file.map(BuildProperties.Value::value),
                artifact.map(BuildProperties.Value::value),
                sha.map(BuildProperties.Value::value),
                new PropertyNames(image, strategy, file, artifact, sha));
        if (!settings.saysAnything()) {
            if (sha.isPresent() && pomHex.isPresent()) {
                // A new pin for the POM's HEX: the strategy still comes from the POM.
                return Optional.of(new ResolvedBuildStrategy(
                        image,
                        BuildStrategy.UseHex.of(
                                image, pomHex.get().source(), sha.get().value()),
                        StrategySource.POM_CONFIGURATION,
                        pomOrigin,
                        Optional.of(sha.get().describe() + replacing(pomHex.get(), pomOrigin))));
            }
            settings.parse(image, Path.of(""), Optional.empty(), "Image '" + image + "'"); // a pin alone: the error
            return Optional.empty();
        }
        BuildStrategy chosen = settings.parse(
                        image, Path.of(""), pomHex.map(BuildStrategy.UseHex::source), "Image '" + image + "'")
                .orElseThrow();
        Optional<String> pinOrigin = Optional.empty();
        if (chosen instanceof BuildStrategy.UseHex useHex) {
            if (sha.isPresent()) {
                pinOrigin = Optional.of(sha.get().describe()
                        + pomHex.map(p -> replacing(p, pomOrigin)).orElse(""));
            } else if (pomHex.isPresent() && pomHex.get().sha256().isPresent()) {
                // The HEX changed hands; the pin the POM set still guards it.
                chosen = new BuildStrategy.UseHex(useHex.source(), pomHex.get().sha256());
                pinOrigin = Optional.of("the sha256 of " + pomOrigin + " (still applies; give " + image
                        + ".sha256 to pin the new HEX)");
            }
        }
        String decider =
                strategy.or(() -> file).or(() -> artifact).orElseThrow().describe();
        return Optional.of(new ResolvedBuildStrategy(image, chosen, StrategySource.USER_PROPERTY, decider, pinOrigin));
    }

    /** The properties as the user wrote them ({@code -Dmcuboot.hexFile}, or a POM property), or as one would. */
    private record PropertyNames(
            String image,
            Optional<BuildProperties.Value> strategyValue,
            Optional<BuildProperties.Value> file,
            Optional<BuildProperties.Value> artifact,
            Optional<BuildProperties.Value> sha)
            implements BuildStrategySettings.Names {

        @Override
        public String strategy() {
            return asWritten(strategyValue, "buildStrategy");
        }

        @Override
        public String hexFile() {
            return asWritten(file, "hexFile");
        }

        @Override
        public String hexArtifact() {
            return asWritten(artifact, "hexArtifact");
        }

        @Override
        public String sha256() {
            return asWritten(sha, "sha256");
        }

        @Override
        public String shown(String name, String value) {
            return name + "=" + value;
        }

        /** Where {@code value} was set, or {@code -D<image>.<property>} when it was not. */
        private String asWritten(Optional<BuildProperties.Value> value, String property) {
            return value.map(BuildProperties.Value::describe).orElse("-D" + image + "." + property);
        }
    }

    private static String replacing(BuildStrategy.UseHex pom, String pomOrigin) {
        return pom.sha256()
                .map(old -> ", replacing the pin " + old + " of " + pomOrigin)
                .orElse("");
    }

    /** The value, unless it is blank: an empty property is an error, never "not set". */
    private static Optional<BuildProperties.Value> nonEmpty(String image, Optional<BuildProperties.Value> value)
            throws ImageModelException {
        if (value.isPresent() && value.get().value().isBlank()) {
            throw error(image, value.get().describe() + " is empty (an unset variable?); give a value or leave it out");
        }
        return value;
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
            throw error(
                    image,
                    "more than one build strategy is selected in the parent's configuration: "
                            + String.join(", ", where) + "; set exactly one of them to y");
        }
        String symbol = set.get(0);
        String origin = "CONFIG_" + symbol + at(parent, symbol);
        BuildStrategy chosen;
        if (symbol.equals(useHex)) {
            String hexSymbol = kconfigPrefix(image) + "_HEX_FILE";
            Optional<KconfigValue> hexFile = parent.value(hexSymbol);
            if (hexFile.isEmpty()
                    || hexFile.get().type() != KconfigType.STRING
                    || hexFile.get().text().isEmpty()) {
                throw error(
                        image,
                        origin + " selects use-hex, but " + prefix + "_HEX_FILE is not set to a"
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
