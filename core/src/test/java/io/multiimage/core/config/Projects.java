package io.multiimage.core.config;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.testing.RecordingLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds small project trees on disk for configuration tests. */
final class Projects {

    private Projects() {}

    /** Creates each file (relative to {@code root}) with {@code CONFIG_<TAG>=y} content for .conf files. */
    static void files(Path root, String... paths) {
        for (String path : paths) {
            String tag = path.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
            write(root, path, path.endsWith(".conf") ? "CONFIG_" + tag + "=y\n" : "/ {\n};\n");
        }
    }

    /** Writes {@code text} to {@code root/path}, creating directories. */
    static void write(Path root, String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The context of {@code image} in the tree {@code declarations} rooted at {@code root}. */
    static ImageContext context(
            Path projectRoot,
            String root,
            List<ImageDeclaration> declarations,
            Map<String, String> variables,
            String image,
            RecordingLog log)
            throws InvalidConfigurationException {
        ImageTree tree = ImageTree.build(root, declarations);
        return ImageTreeConfigurator.contexts(tree, variables, log).get(image);
    }

    /** The file names of the {@code Merged configuration '…'} lines in {@code log}, in order. */
    static List<String> merged(RecordingLog log) {
        String prefix = "Merged configuration '";
        return log.at("INFO").stream()
                .filter(message -> message.startsWith(prefix))
                .map(message -> message.substring(prefix.length(), message.length() - 1))
                .toList();
    }

    /** Configures {@code context} with the fragment-only resolver. */
    static ImageConfiguration configure(Path projectRoot, ImageContext context, RecordingLog log)
            throws InvalidConfigurationException, IOException {
        return new ConfigurationResolver(new ProjectLayout(projectRoot), new FragmentOnlyResolver())
                .resolve(context, log);
    }
}
