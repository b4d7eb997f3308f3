package io.multiimage.core.imagekconfig;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.variables.ReceivedVariable;
import io.multiimage.core.variables.ReceivedVariables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds an image's Kconfig root. In order, the first that applies:
 *
 * <ol>
 *   <li>the variable {@code KCONFIG_ROOT} the image received (Zephyr's name:
 *       {@code -DKCONFIG_ROOT=...} for the top image, {@code -Dmcuboot_KCONFIG_ROOT=...} for a
 *       child), relative to the image's application directory;</li>
 *   <li>the configured root ({@code <kconfigRoot>} of the image's module);</li>
 *   <li>the file {@code Kconfig} in the image's application directory, as a Zephyr application
 *       has it;</li>
 *   <li>none: the image keeps the fragment-only merge ({@link io.multiimage.core.kconfig.FragmentOnlyResolver}).</li>
 * </ol>
 *
 * A root that is named but missing is an error naming where it was named.
 */
public final class KconfigRoots {

    /** The variable that names an image's Kconfig root. */
    public static final String VARIABLE = "KCONFIG_ROOT";
    /** The conventional Kconfig file of an application directory. */
    public static final String CONVENTIONAL = "Kconfig";

    private KconfigRoots() {}

    /**
     * The Kconfig root of an image, if it has one.
     *
     * @param image the image name, for messages
     * @param imageDir the image's application directory
     * @param sourceTree the directory {@code source} statements are relative to ({@code srctree}):
     *     the project root, so that every Kconfig location reads project-relative
     * @param variables the variables the image received
     * @param configured the configured root, if any, with where it was configured
     * @param names shows a path the way messages name files (project-root-relative)
     * @throws InvalidConfigurationException a named root that is not a file
     */
    public static Optional<KconfigRoot> locate(
            String image,
            Path imageDir,
            Path sourceTree,
            ReceivedVariables variables,
            Optional<Configured> configured,
            Function<Path, String> names)
            throws InvalidConfigurationException {
        Optional<ReceivedVariable> variable = variables.variable(VARIABLE);
        if (variable.isPresent() && !variable.get().value().isBlank()) {
            Path file = imageDir.resolve(variable.get().value().trim()).normalize();
            String origin = "-D" + variable.get().givenAs();
            return Optional.of(existing(image, file, imageDir, sourceTree, origin, names));
        }
        if (configured.isPresent()) {
            Path file = imageDir.resolve(configured.get().file()).normalize();
            return Optional.of(
                    existing(image, file, imageDir, sourceTree, configured.get().where(), names));
        }
        Path conventional = imageDir.resolve(CONVENTIONAL);
        if (Files.isRegularFile(conventional)) {
            return Optional.of(new KconfigRoot(
                    conventional, sourceTree, names.apply(conventional) + " (the image directory's Kconfig)"));
        }
        return Optional.empty();
    }

    private static KconfigRoot existing(
            String image, Path file, Path imageDir, Path sourceTree, String origin, Function<Path, String> names)
            throws InvalidConfigurationException {
        if (!Files.isRegularFile(file)) {
            InvalidConfigurationException e =
                    new InvalidConfigurationException("Image '" + image + "': the Kconfig root "
                            + names.apply(file) + " given by " + origin + " is not a file; name the image's top Kconfig"
                            + " file (relative to " + names.apply(imageDir) + ")");
            e.blameImage(image);
            throw e;
        }
        return new KconfigRoot(file, sourceTree, names.apply(file) + " (" + origin + ")");
    }

    /**
     * A Kconfig root configured for an image outside its variables.
     *
     * @param file the file, absolute or relative to the image's application directory
     * @param where where it was configured, e.g. {@code <kconfigRoot> in app/pom.xml}
     */
    public record Configured(Path file, String where) {}
}
