package io.multiimage.core.cli;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.config.ConfigurationReport;
import io.multiimage.core.config.ConfigurationResolver;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.config.ImageContext;
import io.multiimage.core.config.ImageTreeConfigurator;
import io.multiimage.core.config.ImageTreeConfigurator.TreeImage;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.kconfig.ConfigOutputs;
import io.multiimage.core.kconfig.KconfigResolver;
import io.multiimage.core.model.BuildProperties;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.pipeline.ImageKconfigs;
import io.multiimage.core.pipeline.ImageTargets;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code config resolve} and {@code config show}: configure an image tree exactly as a build
 * would, and show the result for one image of it.
 */
public final class ConfigCommand {

    private ConfigCommand() {}

    /** Runs {@code config <sub-command> ...}; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help")) {
            err.print(ConfigArguments.USAGE);
            return args.isEmpty() ? CoreCli.USAGE : CoreCli.OK;
        }
        String sub = args.get(0);
        if (!sub.equals("resolve") && !sub.equals("show")) {
            err.print("unknown config command '" + sub + "'\n" + ConfigArguments.USAGE);
            return CoreCli.USAGE;
        }
        ConfigArguments arguments;
        try {
            arguments = ConfigArguments.parse(args.subList(1, args.size()));
        } catch (UsageException e) {
            err.print(e.getMessage() + "\n" + ConfigArguments.USAGE);
            return CoreCli.USAGE;
        }
        try {
            String text = sub.equals("resolve") ? resolve(arguments) : show(arguments);
            out.print(text);
            return CoreCli.OK;
        } catch (InvalidConfigurationException e) {
            err.println(e.getMessage());
            return CoreCli.BAD_INPUT;
        } catch (IOException e) {
            err.println("cannot read or write a file: " + e.getMessage());
            return CoreCli.BAD_INPUT;
        }
    }

    private static String resolve(ConfigArguments arguments) throws InvalidConfigurationException, IOException {
        CollectingLog log = new CollectingLog();
        ImageConfiguration configuration = configure(arguments, log);
        StringBuilder text = new StringBuilder();
        ImageContext context = configuration.context();
        Optional<String> parent = arguments.images().stream()
                .filter(e -> e.name().equals(context.name()))
                .findFirst()
                .flatMap(ConfigArguments.TreeEntry::parent);
        text.append("image ")
                .append(context.name())
                .append(parent.map(p -> " (child of " + p + ")").orElse(""))
                .append('\n');
        text.append("board ").append(context.boardWithRevision()).append('\n');
        text.append("build type ")
                .append(context.buildType().isEmpty() ? "(none)" : context.buildType())
                .append('\n');
        text.append(ConfigurationReport.files(configuration));
        text.append("Log:\n");
        log.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        if (arguments.outputDir().isPresent()) {
            ConfigOutputs.write(arguments.outputDir().get(), configuration.kconfig());
            text.append("wrote ")
                    .append(arguments.outputDir().get().resolve(ConfigOutputs.DOT_CONFIG))
                    .append(" and ")
                    .append(arguments.outputDir().get().resolve(ConfigOutputs.AUTOCONF_H))
                    .append('\n');
        }
        return text.toString().replace("\r\n", "\n");
    }

    private static String show(ConfigArguments arguments) throws InvalidConfigurationException, IOException {
        return ConfigurationReport.provenance(configure(arguments, new CollectingLog()));
    }

    /**
     * Configures the tree as a build would ({@link ImageTreeConfigurator#walk}) and returns the
     * configuration of the image asked for; its log lines go to {@code log}, other images' nowhere.
     */
    private static ImageConfiguration configure(ConfigArguments arguments, CollectingLog log)
            throws InvalidConfigurationException, IOException {
        List<ImageDeclaration> declarations = new ArrayList<>();
        for (ConfigArguments.TreeEntry entry : arguments.images()) {
            ImageDeclaration.Builder builder = ImageDeclaration.builder(entry.name(), entry.dir())
                    .children(arguments.images().stream()
                            .filter(e -> e.parent().equals(Optional.of(entry.name())))
                            .map(ConfigArguments.TreeEntry::name)
                            .toArray(String[]::new));
            entry.board().ifPresent(builder::board);
            entry.domain().ifPresent(builder::domain);
            if (entry.parent().isEmpty()) {
                builder.buildType(arguments.buildType());
            }
            declarations.add(builder.build());
        }
        ImageTree tree = ImageTree.build(arguments.topImage(), declarations);
        ProjectLayout layout = new ProjectLayout(arguments.projectRoot());
        BoardCatalog boards = BoardCatalog.forProject(arguments.projectRoot());
        String asked = arguments.image();
        Map<String, ImageContext> contexts =
                ImageTreeConfigurator.contexts(tree, arguments.variables(), boards::domainFacts, log);
        ImageTargets targets = new ImageTargets(tree, boards);
        // The shipped Kconfig files an image's tree may source live only as long as the command.
        Path shipped = Files.createTempDirectory("multiimage-config");
        Map<String, TreeImage> images;
        try {
            images = ImageTreeConfigurator.walk(
                    tree,
                    contexts,
                    BuildProperties.commandLine(arguments.variables()),
                    image -> image.equals(asked) ? log : BuildLog.silent(),
                    (context, imageLog) -> {
                        // As the build does: the Kconfig engine for an image with a Kconfig tree.
                        ImageTargets.Target target = targets.of(context);
                        KconfigResolver resolver = ImageKconfigs.resolver(
                                ImageKconfigs.setup(
                                        context,
                                        target.board(),
                                        target.domain(),
                                        layout,
                                        Optional.empty(),
                                        shipped,
                                        false),
                                Optional.empty());
                        return new ConfigurationResolver(layout, resolver).resolve(context, imageLog);
                    });
        } finally {
            deleteTree(shipped);
        }
        TreeImage image = images.get(asked);
        if (image == null) {
            // The walk logged why, on the image's own log: "b0: left out (CONFIG_X is not set for mcuboot)".
            throw new InvalidConfigurationException("Image '" + asked + "' is not configured in this tree; "
                    + log.lines().get(log.lines().size() - 1));
        }
        return image.configuration()
                .orElseThrow(() -> new InvalidConfigurationException(
                        "Image '" + asked + "' is not built from source, so it has no configuration here: "
                                + image.strategy().describe()));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Keeps log lines for the output; warnings marked. */
    private static final class CollectingLog implements BuildLog {
        private final List<String> lines = new ArrayList<>();

        List<String> lines() {
            return lines;
        }

        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add("warning: " + message);
        }

        @Override
        public void debug(String message) {}

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    }
}
