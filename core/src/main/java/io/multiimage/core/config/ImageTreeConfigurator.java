package io.multiimage.core.config;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.KconfigResolver;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.variables.ReceivedVariables;
import io.multiimage.core.variables.VariableForwarding;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The configure step for a whole tree: forwards the top-level variables, resolves every
 * image's context, then configures each image (parents before children). Stops at the first
 * image that fails.
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
        Map<String, ReceivedVariables> variables = VariableForwarding.compute(tree, topLevelVariables);
        return ImageContextResolver.resolve(tree, variables, log);
    }

    /**
     * Configures every image of {@code tree}.
     *
     * @param topLevelVariables the command-line variables given to the top-level image
     * @return each image's configuration, in pre-order
     */
    public Map<String, ImageConfiguration> configure(ImageTree tree, Map<String, String> topLevelVariables,
            BuildLog log) throws InvalidConfigurationException, IOException {
        Map<String, ImageConfiguration> result = new LinkedHashMap<>();
        for (ImageContext context : contexts(tree, topLevelVariables, log).values()) {
            ConfigurationResolver configuration = new ConfigurationResolver(layout, resolvers.apply(context));
            result.put(context.name(), configuration.resolve(context, log));
        }
        return result;
    }
}
