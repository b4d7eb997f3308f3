package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ConfigurationPlan;
import io.multiimage.core.config.ConfigurationResolver;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.config.ImageContext;
import io.multiimage.core.config.SelectedFile;
import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.core.imagekconfig.ImageKconfigSession.FragmentTarget;
import io.multiimage.core.imagekconfig.ImageKconfigSetup;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens one image of a build for a configuration interface ({@code firmware:menuconfig},
 * {@code firmware:guiconfig}) or a Kconfig target ({@code firmware:kconfig}): configures the
 * tree as the build does (so the image gets exactly the build's fragments, in the child-image
 * rules' order), then loads the image's Kconfig tree with them.
 *
 * <p>The default place to save changes is the plain board file of the image's Kconfig row
 * (child-image rules §3): {@code boards/<board>.conf} in the image's directory for rows A,
 * {@code boards/<board>_<bt>.conf} for row B, the same names in {@code child_image/<img>/} for
 * rows G and H. The rules read that file on every build (right after the base file), so the
 * changes survive a clean build; a later fragment that sets the same symbol still wins, which
 * saving reports.
 */
public final class KconfigSessions {

    private KconfigSessions() {}

    /**
     * The session of {@code image}.
     *
     * @throws InvalidConfigurationException no such image, an image not built from source, one
     *     without a Kconfig root, or a configuration error
     */
    public static ImageKconfigSession open(BuildRequest request, String image, BuildLog log)
            throws InvalidConfigurationException, IOException {
        ImageTree tree = ImageTree.build(request.rootImage(), request.declarations());
        if (!tree.contains(image)) {
            throw new InvalidConfigurationException("No image '" + image + "' in this tree; images: "
                    + String.join(
                            ", ", tree.preOrder().stream().map(d -> d.name()).toList()));
        }
        Map<String, ConfiguredImage> images = new ConfigureStage(log).run(request, tree);
        ConfiguredImage configured = images.get(image);
        if (configured == null || configured.configuration().isEmpty()) {
            throw new InvalidConfigurationException("Image '" + image + "' is not configured in this build ("
                    + (configured == null
                            ? "it is left out"
                            : configured.strategy().describe())
                    + "): only an image built from source has a configuration to edit");
        }
        ImageContext context = configured.context();
        Optional<ImageKconfigSetup> setup =
                ImageKconfigs.setup(request, context, configured.board(), configured.domain());
        if (setup.isEmpty()) {
            throw new InvalidConfigurationException("Image '" + image + "' has no Kconfig tree: add a Kconfig file to "
                    + request.layout().relative(context.imageDir()) + ", or name one with <kconfigRoot> or -D"
                    + (context.isChild() ? image + "_" : "") + "KCONFIG_ROOT");
        }
        ImageConfiguration configuration = configured.configuration().get();
        List<FragmentSource> fragments = ConfigurationResolver.fragments(configuration.plan());
        return ImageKconfigSession.open(
                setup.get(),
                fragments,
                ImageDirectories.of(request).of(image),
                defaultTarget(context, configuration.plan()),
                context.variables().asMap());
    }

    /** The plain board file of the image's Kconfig row, and its place in the fragment order. */
    static FragmentTarget defaultTarget(ImageContext context, ConfigurationPlan plan) {
        String bt = context.buildType();
        String board = context.boardToken();
        Path folder = context.folder().orElse(context.imageDir());
        char letter = plan.row().boardFiles();
        Path file = switch (letter) {
            case 'C' -> context.imageDir().resolve("boards").resolve(board + ".conf");
            case 'D' -> context.imageDir().resolve("boards").resolve(board + "_" + bt + ".conf");
            case 'E' -> folder.resolve("boards").resolve(board + ".conf");
            default -> folder.resolve("boards").resolve(board + "_" + bt + ".conf");
        };
        int position = 0;
        for (SelectedFile selected : plan.kconfigFiles()) {
            if (selected.rule().contains("base file") || selected.rule().startsWith("CONF_FILE")) {
                position++;
            }
        }
        return new FragmentTarget(
                file.toAbsolutePath().normalize(),
                "(" + letter + ") board file of row " + plan.row(),
                Optional.of(position));
    }
}
