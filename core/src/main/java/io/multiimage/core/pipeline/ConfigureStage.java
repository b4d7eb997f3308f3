package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.config.ChildImageFolderCheck;
import io.multiimage.core.config.ConfigurationResolver;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.config.ImageContext;
import io.multiimage.core.config.ImageTreeConfigurator;
import io.multiimage.core.config.ImageTreeConfigurator.TreeImage;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configure step of the whole tree: the tree walk of {@link ImageTreeConfigurator#walk}
 * (which images take part, how each gets into the firmware) with each image's board and domain,
 * and the Kconfig engine or fragment merge for the images built from source.
 */
final class ConfigureStage {

    private final BuildLog log;

    ConfigureStage(BuildLog log) {
        this.log = log;
    }

    /** Every image that takes part, in pre-order (the root first). */
    Map<String, ConfiguredImage> run(BuildRequest request, ImageTree tree)
            throws InvalidConfigurationException, IOException {
        BoardCatalog boards = BoardCatalog.forProject(request.layout().root());
        Map<String, ImageContext> contexts =
                ImageTreeConfigurator.contexts(tree, request.variables(), boards::domainFacts, this.log);
        ImageTargets targets = new ImageTargets(tree, boards);
        Map<String, TreeImage> walked = ImageTreeConfigurator.walk(
                tree,
                contexts,
                request.properties(),
                image -> DebugLog.forImage(this.log, request, image),
                (context, imageLog) -> {
                    ImageTargets.Target target = targets.of(context);
                    ImageConfiguration configuration = new ConfigurationResolver(
                                    request.layout(),
                                    ImageKconfigs.resolver(request, context, target.board(), target.domain()))
                            .resolve(context, imageLog);
                    warnAboutUnusedChildImageFiles(request, tree, tree.image(context.name()), context);
                    return configuration;
                });
        Map<String, ConfiguredImage> images = new LinkedHashMap<>();
        for (TreeImage image : walked.values()) {
            ImageTargets.Target target;
            try {
                target = targets.of(image.context());
            } catch (InvalidConfigurationException e) {
                e.blameImage(image.context().name());
                throw e;
            }
            images.put(
                    image.context().name(),
                    new ConfiguredImage(
                            image.context(), image.strategy(), target.domain(), target.board(), image.configuration()));
        }
        return images;
    }

    /**
     * Warns about each file of a parent's {@code child_image/} folder that names none of its
     * children; only the build of the parent's own image does, so the warning comes once.
     */
    private void warnAboutUnusedChildImageFiles(
            BuildRequest request, ImageTree tree, ImageDeclaration parent, ImageContext context) throws IOException {
        if (!request.scope().includes(parent.name())) {
            return;
        }
        List<String> children = tree.children(parent.name()).stream()
                .map(ImageDeclaration::name)
                .toList();
        for (String warning :
                ChildImageFolderCheck.warnings(parent.name(), context.imageDir(), children, request.layout())) {
            log.warn(warning);
        }
    }
}
