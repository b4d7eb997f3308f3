package io.multiimage.core.config;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.KconfigResolver;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.DomainBoards;
import io.multiimage.core.model.ImageCondition;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.variables.ReceivedVariables;
import io.multiimage.core.variables.VariableForwarding;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The configure step for a whole tree: forwards the top-level variables, resolves every
 * image's context, then configures each image (parents before children), leaving out
 * children whose condition does not hold. Stops at the first image that fails.
 */
public final class ImageTreeConfigurator {

    private final ProjectLayout layout;
    private final Function<ImageContext, KconfigResolver> resolvers;

    /** A configurator naming files relative to {@code layout} and merging every image with {@code resolver}. */
    public ImageTreeConfigurator(ProjectLayout layout, KconfigResolver resolver) {
        this(layout, image -> resolver);
    }

    /**
     * A configurator that asks {@code resolvers} for each image's resolver: the Kconfig
     * engine needs one per image, since each image has its own Kconfig tree.
     */
    public ImageTreeConfigurator(ProjectLayout layout, Function<ImageContext, KconfigResolver> resolvers) {
        this.layout = layout;
        this.resolvers = resolvers;
    }

    /** The resolved context of every image, in pre-order (no files are read). */
    public Map<String, ImageContext> contexts(ImageTree tree, Map<String, String> topLevelVariables, BuildLog log)
            throws InvalidConfigurationException {
        return contexts(tree, topLevelVariables, DomainBoards.UNKNOWN, log);
    }

    /** The resolved context of every image, in pre-order, each on its domain's board as {@code boards} knows them. */
    public Map<String, ImageContext> contexts(ImageTree tree, Map<String, String> topLevelVariables,
            DomainBoards boards, BuildLog log) throws InvalidConfigurationException {
        Map<String, ReceivedVariables> variables = VariableForwarding.compute(tree, topLevelVariables);
        return ImageContextResolver.resolve(tree, variables, boards, log);
    }

    /**
     * Configures every image of {@code tree}, with no build properties (so images conditioned
     * on a property are left out).
     *
     * @param topLevelVariables the command-line variables given to the top-level image
     * @return each image's configuration, in pre-order
     */
    public Map<String, ImageConfiguration> configure(ImageTree tree, Map<String, String> topLevelVariables,
            BuildLog log) throws InvalidConfigurationException, IOException {
        return configure(tree, topLevelVariables, BuildProperties.none(), log);
    }

    /**
     * Configures the images of {@code tree} that are part of the build. Parents are configured
     * first; a child whose {@link io.multiimage.core.model.ImageCondition} does not hold
     * against its parent's configuration and {@code properties} is left out with its whole
     * subtree, logging {@code <img>: left out, CONFIG_X is not y in '<parent>'} (or
     * {@code property x is not set}).
     *
     * @param topLevelVariables the command-line variables given to the top-level image
     * @param properties build properties that property conditions read
     * @return the configuration of every included image, in pre-order
     */
    public Map<String, ImageConfiguration> configure(ImageTree tree, Map<String, String> topLevelVariables,
            BuildProperties properties, BuildLog log) throws InvalidConfigurationException, IOException {
        Map<String, ImageConfiguration> result = new LinkedHashMap<>();
        for (ImageContext context : contexts(tree, topLevelVariables, log).values()) {
            Optional<ImageDeclaration> parent = tree.parent(context.name());
            if (parent.isPresent() && !result.containsKey(parent.get().name())) {
                continue; // the parent was left out, and its subtree with it
            }
            Optional<ImageCondition> condition = tree.image(context.name()).condition();
            if (parent.isPresent() && condition.isPresent()
                    && !condition.get().holds(result.get(parent.get().name()).kconfig()::isYes, properties)) {
                log.info(context.name() + ": left out, " + condition.get().describe()
                        + (condition.get().kind() == ImageCondition.Kind.KCONFIG_SYMBOL
                                ? " is not y in '" + parent.get().name() + "'" : " is not set"));
                continue;
            }
            ConfigurationResolver configuration = new ConfigurationResolver(layout, resolvers.apply(context));
            result.put(context.name(), configuration.resolve(context, log));
        }
        return result;
    }
}
