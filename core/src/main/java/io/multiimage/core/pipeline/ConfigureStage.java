package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.config.ChildImageFolderCheck;
import io.multiimage.core.config.ConfigurationResolver;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.config.ImageContext;
import io.multiimage.core.config.ImageTreeConfigurator;
import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.kconfig.SymbolTable;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.config.BuildStrategyResolver;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageModelException;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.model.ResolvedBuildStrategy;
import io.multiimage.core.model.StrategySource;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configure step of the whole tree, parents before children: decides which images take
 * part (conditions), how each one gets into the firmware (build strategy) and, for images
 * built from source, their board and merged configuration.
 *
 * <p>A child's condition and strategy are read from its parent's configuration, so they are
 * decided before the child is configured; a child left out, taken prebuilt or skipped is not
 * configured at all (it may have no sources here), and neither are its own children.
 */
final class ConfigureStage {

    /** The configuration a top-level image's conditions are read from: nothing is set. */
    private static final SymbolTable NOTHING_SET = new KconfigResult(List.of(), List.of(), List.of());

    private final BuildLog log;

    ConfigureStage(BuildLog log) {
        this.log = log;
    }

    /** Every image that takes part, in pre-order (the root first). */
    Map<String, ConfiguredImage> run(BuildRequest request, ImageTree tree)
            throws InvalidConfigurationException, IOException {
        BoardCatalog boards = BoardCatalog.forProject(request.layout().root());
        ImageTreeConfigurator configurator = new ImageTreeConfigurator(request.layout(), new FragmentOnlyResolver());
        Map<String, ImageContext> contexts = configurator.contexts(tree, request.variables(), boards::domainFacts,
                this.log);

        Map<String, ConfiguredImage> images = new LinkedHashMap<>();
        Set<String> notConfigured = new HashSet<>();
        for (ImageDeclaration declaration : tree.preOrder()) {
            try {
                configure(request, tree, declaration, contexts, boards, images, notConfigured);
            } catch (InvalidConfigurationException e) {
                e.blameImage(declaration.name());
                throw e;
            }
        }
        return images;
    }

    /** Configures one image, or leaves it out; adds it to {@code images} or {@code notConfigured}. */
    private void configure(BuildRequest request, ImageTree tree, ImageDeclaration declaration,
            Map<String, ImageContext> contexts, BoardCatalog boards,
            Map<String, ConfiguredImage> images, Set<String> notConfigured)
            throws InvalidConfigurationException, IOException {
        {
            String name = declaration.name();
            BuildLog log = DebugLog.forImage(this.log, request, name);
            Optional<ImageDeclaration> parent = tree.parent(name);
            if (parent.isPresent() && notConfigured.contains(parent.get().name())) {
                notConfigured.add(name);
                log.info(name + ": not part of the build (its parent " + parent.get().name() + " is not built from source)");
                return;
            }
            Optional<ConfiguredImage> parentImage = parent.map(p -> images.get(p.name()));
            SymbolTable parentConfig = parentImage.flatMap(ConfiguredImage::configuration)
                    .<SymbolTable>map(ImageConfiguration::kconfig)
                    .orElse(NOTHING_SET);
            if (parent.isPresent() && declaration.condition().isPresent()
                    && !declaration.condition().get().holds(parentConfig::isYes, request.properties())) {
                notConfigured.add(name);
                log.info(name + ": left out (" + declaration.condition().get().describe() + " is not set for "
                        + parent.get().name() + ")");
                return;
            }
            ResolvedBuildStrategy strategy = parent.isEmpty()
                    ? new ResolvedBuildStrategy(name, BuildStrategy.fromSource(), StrategySource.DEFAULT, "top-level image")
                    : BuildStrategyResolver.resolve(name, request.properties(), declaration.strategy(),
                            declaration.declaredBy(), parentConfig);
            ImageContext context = contexts.get(name);
            if (parent.isPresent()) {
                log.info(strategy.describe());
            }
            Board board = boards.lookup(context.board().target(), context.revision().orElse(null));
            String domain = context.domain()
                    .orElse(parentImage.map(ConfiguredImage::domain).orElse(board.domain()));
            Optional<ImageConfiguration> configuration = Optional.empty();
            if (strategy.strategy() instanceof BuildStrategy.FromSource && !declaration.ownDirectory()) {
                throw new ImageModelException(name, "Image '" + name + "' is built from source ("
                        + (strategy.source() == StrategySource.DEFAULT ? "the default" : "from " + strategy.origin())
                        + "), but " + (declaration.declaredBy().isEmpty() ? "its declaration" : declaration.declaredBy())
                        + " names no sources of its own: an image is built from its own sources, never its parent's."
                        + " Give it sources of its own (a firmware module or an application directory),"
                        + " or take it prebuilt (a HEX file or artifact) or skip it");
            }
            if (strategy.strategy() instanceof BuildStrategy.FromSource) {
                configuration = Optional.of(new ConfigurationResolver(request.layout(),
                        ImageKconfigs.resolver(request, context, board, domain)).resolve(context, log));
                warnAboutUnusedChildImageFiles(request, tree, declaration, context);
            } else {
                notConfigured.add(name);
            }
            images.put(name, new ConfiguredImage(context, strategy, domain, board, configuration));
        }
    }

    /**
     * Warns about each file of a parent's {@code child_image/} folder that names none of its
     * children; only the build of the parent's own image does, so the warning comes once.
     */
    private void warnAboutUnusedChildImageFiles(BuildRequest request, ImageTree tree, ImageDeclaration parent,
            ImageContext context) throws IOException {
        if (!request.scope().includes(parent.name())) {
            return;
        }
        List<String> children = tree.children(parent.name()).stream().map(ImageDeclaration::name).toList();
        for (String warning : ChildImageFolderCheck.warnings(parent.name(), context.imageDir(), children,
                request.layout())) {
            log.warn(warning);
        }
    }
}
