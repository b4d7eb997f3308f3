package io.multiimage.core.config;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.KconfigResolver;
import io.multiimage.core.kconfig.SymbolTable;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.DomainBoards;
import io.multiimage.core.model.ImageCondition;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageModelException;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.model.ResolvedBuildStrategy;
import io.multiimage.core.model.StrategySource;
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
 * image's context, then walks the tree parents first, deciding for each image whether it takes
 * part, how it gets into the firmware, and its configuration. The build and the command line
 * both go through {@link #walk}, so they cannot disagree about which images are configured.
 */
public final class ImageTreeConfigurator {

    /** Configures one image the walk has decided is built from source. */
    @FunctionalInterface
    public interface ImageConfigurer {

        /**
         * The configuration of the image of {@code context}, whose parent (if any) has been
         * configured already.
         */
        ImageConfiguration configure(ImageContext context, BuildLog log)
                throws InvalidConfigurationException, IOException;
    }

    /**
     * An image that takes part in the build.
     *
     * @param context the image's resolved context
     * @param strategy how it gets into the firmware, and who decided it
     * @param configuration its configuration; empty for an image taken prebuilt or skipped
     */
    public record TreeImage(
            ImageContext context, ResolvedBuildStrategy strategy, Optional<ImageConfiguration> configuration) {}

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
    public static Map<String, ImageContext> contexts(
            ImageTree tree, Map<String, String> topLevelVariables, BuildLog log) throws InvalidConfigurationException {
        return contexts(tree, topLevelVariables, DomainBoards.UNKNOWN, log);
    }

    /** The resolved context of every image, in pre-order, each on its domain's board as {@code boards} knows them. */
    public static Map<String, ImageContext> contexts(
            ImageTree tree, Map<String, String> topLevelVariables, DomainBoards boards, BuildLog log)
            throws InvalidConfigurationException {
        Map<String, ReceivedVariables> variables = VariableForwarding.compute(tree, topLevelVariables);
        return ImageContextResolver.resolve(tree, variables, boards, log);
    }

    /**
     * Configures every image of {@code tree}, with no build properties (so images conditioned
     * on a property are left out).
     *
     * @param topLevelVariables the command-line variables given to the top-level image
     * @return the configuration of every image built from source, in pre-order
     */
    public Map<String, ImageConfiguration> configure(
            ImageTree tree, Map<String, String> topLevelVariables, BuildLog log)
            throws InvalidConfigurationException, IOException {
        return configure(tree, topLevelVariables, BuildProperties.none(), log);
    }

    /**
     * Configures the images of {@code tree} that are built from source ({@link #walk}), each with
     * this configurator's resolver for it.
     *
     * @param topLevelVariables the command-line variables given to the top-level image
     * @param properties build properties that conditions and build strategies read
     * @return the configuration of every image built from source, in pre-order
     */
    public Map<String, ImageConfiguration> configure(
            ImageTree tree, Map<String, String> topLevelVariables, BuildProperties properties, BuildLog log)
            throws InvalidConfigurationException, IOException {
        Map<String, ImageConfiguration> result = new LinkedHashMap<>();
        walk(tree, contexts(tree, topLevelVariables, log), properties, image -> log, this::resolve)
                .forEach((name, image) -> image.configuration().ifPresent(c -> result.put(name, c)));
        return result;
    }

    /** One image's configuration with this configurator's resolver for it. */
    public ImageConfiguration resolve(ImageContext context, BuildLog log)
            throws InvalidConfigurationException, IOException {
        return new ConfigurationResolver(layout, resolvers.apply(context)).resolve(context, log);
    }

    /**
     * The one walk over an image tree. Parents come first; for each image, in this order:
     * <ol>
     *   <li>an image whose parent does not take part or is not built from source is not part of
     *       the build, nor is its subtree;</li>
     *   <li>a child whose {@link ImageCondition} does not hold against its parent's configuration
     *       and {@code properties} is left out with its subtree;</li>
     *   <li>its build strategy is resolved (the top-level image is built from source);</li>
     *   <li>an image built from source is configured by {@code configurer}; one declared without
     *       sources of its own cannot be, which is an error saying what to write.</li>
     * </ol>
     *
     * @param contexts every image's resolved context ({@link #contexts})
     * @param logs the log for each image's lines
     * @return the images that take part, in pre-order; a failure is blamed on its image
     */
    public static Map<String, TreeImage> walk(
            ImageTree tree,
            Map<String, ImageContext> contexts,
            BuildProperties properties,
            Function<String, BuildLog> logs,
            ImageConfigurer configurer)
            throws InvalidConfigurationException, IOException {
        Map<String, TreeImage> images = new LinkedHashMap<>();
        for (ImageDeclaration declaration : tree.preOrder()) {
            try {
                Optional<TreeImage> image = decide(
                        tree,
                        declaration,
                        contexts.get(declaration.name()),
                        images,
                        properties,
                        logs.apply(declaration.name()),
                        configurer);
                image.ifPresent(taking -> images.put(declaration.name(), taking));
            } catch (InvalidConfigurationException e) {
                e.blameImage(declaration.name());
                throw e;
            }
        }
        return images;
    }

    private static Optional<TreeImage> decide(
            ImageTree tree,
            ImageDeclaration declaration,
            ImageContext context,
            Map<String, TreeImage> decided,
            BuildProperties properties,
            BuildLog log,
            ImageConfigurer configurer)
            throws InvalidConfigurationException, IOException {
        String name = declaration.name();
        Optional<ImageDeclaration> parent = tree.parent(name);
        if (parent.isEmpty()) {
            ResolvedBuildStrategy top = new ResolvedBuildStrategy(
                    name, BuildStrategy.fromSource(), StrategySource.DEFAULT, "top-level image");
            return Optional.of(new TreeImage(context, top, Optional.of(configurer.configure(context, log))));
        }
        String parentName = parent.get().name();
        Optional<ImageConfiguration> parentConfiguration =
                Optional.ofNullable(decided.get(parentName)).flatMap(TreeImage::configuration);
        if (parentConfiguration.isEmpty()) {
            log.info(name + ": not part of the build (its parent " + parentName + " is not built from source)");
            return Optional.empty();
        }
        SymbolTable parentConfig = parentConfiguration.get().kconfig();
        Optional<ImageCondition> condition = declaration.condition();
        if (condition.isPresent() && !condition.get().holds(parentConfig::isYes, properties)) {
            log.info(name + ": left out (" + condition.get().describe() + " is not set for " + parentName + ")");
            return Optional.empty();
        }
        ResolvedBuildStrategy strategy = BuildStrategyResolver.resolve(
                name, properties, declaration.strategy(), declaration.declaredBy(), parentConfig);
        log.info(strategy.describe());
        if (!(strategy.strategy() instanceof BuildStrategy.FromSource)) {
            return Optional.of(new TreeImage(context, strategy, Optional.empty()));
        }
        if (!declaration.ownDirectory()) {
            throw new ImageModelException(
                    name,
                    "Image '" + name + "' is built from source ("
                            + (strategy.source() == StrategySource.DEFAULT
                                    ? "the default"
                                    : "from " + strategy.origin())
                            + "), but "
                            + (declaration.declaredBy().isEmpty() ? "its declaration" : declaration.declaredBy())
                            + " names no sources of its own: an image is built from its own sources, never its parent's."
                            + " Give it sources of its own (a firmware module or an application directory),"
                            + " or take it prebuilt (a HEX file or artifact) or skip it");
        }
        return Optional.of(new TreeImage(context, strategy, Optional.of(configurer.configure(context, log))));
    }
}
