package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.Board;
import io.multiimage.core.config.ImageContext;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.imagekconfig.EngineKconfigResolver;
import io.multiimage.core.imagekconfig.ImageKconfigSetup;
import io.multiimage.core.imagekconfig.KconfigEnvironment;
import io.multiimage.core.imagekconfig.KconfigRecord;
import io.multiimage.core.imagekconfig.KconfigRoot;
import io.multiimage.core.imagekconfig.KconfigRoots;
import io.multiimage.core.imagekconfig.ShippedKconfig;
import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.kconfig.KconfigResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses how each image of a build is configured: with the Kconfig engine when it has a
 * Kconfig root ({@link KconfigRoots}), else with the fragment-only merge, whose
 * {@code .config}/{@code autoconf.h} bytes stay what they were before the engine existed.
 */
public final class ImageKconfigs {

    /** The directory, under the tree's output directory, that holds the shipped Kconfig files. */
    public static final String SHIPPED_DIRECTORY = "kconfig";

    private ImageKconfigs() {}

    /**
     * The Kconfig setup of an image, if it has a Kconfig root. Writes the shipped Kconfig files
     * into {@code <outputDirectory>/kconfig/} (when their bytes differ).
     *
     * @param request the build
     * @param context the image's resolved context
     * @param board its board
     * @param domain its domain
     * @throws InvalidConfigurationException a named root that is not a file
     */
    public static Optional<ImageKconfigSetup> setup(
            BuildRequest request, ImageContext context, Board board, String domain)
            throws InvalidConfigurationException, IOException {
        return setup(
                context,
                board,
                domain,
                request.layout(),
                request.sourcesOf(context.name(), context.imageDir()).kconfigRoot(),
                request.outputDirectory(),
                request.options().kconfigStrict());
    }

    /**
     * As {@link #setup(BuildRequest, ImageContext, Board, String)}, for a caller without a build
     * request (the core CLI).
     *
     * @param declaredRoot the image's declared Kconfig root, if any
     * @param outputDirectory where the shipped Kconfig files are written, under {@code kconfig/}
     * @param strict whether Kconfig warnings are errors
     */
    public static Optional<ImageKconfigSetup> setup(
            ImageContext context,
            Board board,
            String domain,
            ProjectLayout layout,
            Optional<KconfigRoots.Configured> declaredRoot,
            Path outputDirectory,
            boolean strict)
            throws InvalidConfigurationException, IOException {
        Optional<KconfigRoot> root = KconfigRoots.locate(
                context.name(), context.imageDir(), layout.root(), context.variables(), declaredRoot, layout::relative);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Path shipped = ShippedKconfig.materialize(outputDirectory.resolve(SHIPPED_DIRECTORY));
        Optional<Path> boardDir =
                Optional.ofNullable(board.dts().toAbsolutePath().getParent());
        return Optional.of(new ImageKconfigSetup(
                context.name(),
                root.get(),
                KconfigEnvironment.of(context, root.get(), boardDir, domain, shipped),
                layout,
                strict));
    }

    /**
     * The resolver of an image: the engine with a Kconfig root (its last evaluation kept in
     * {@code .state/kconfig-<image>} of the output directory), the fragment-only merge without.
     */
    static KconfigResolver resolver(BuildRequest request, ImageContext context, Board board, String domain)
            throws InvalidConfigurationException, IOException {
        return resolver(
                setup(request, context, board, domain),
                Optional.of(KconfigRecord.file(request.outputDirectory(), context.name())));
    }

    /**
     * The resolver of an image with {@code setup}: the engine (keeping its last evaluation in
     * {@code recordFile} when given), the fragment-only merge for an image without a Kconfig root.
     */
    public static KconfigResolver resolver(Optional<ImageKconfigSetup> setup, Optional<Path> recordFile) {
        if (setup.isEmpty()) {
            return new FragmentOnlyResolver();
        }
        return recordFile.isPresent()
                ? new EngineKconfigResolver(setup.get(), recordFile.get())
                : new EngineKconfigResolver(setup.get());
    }
}
