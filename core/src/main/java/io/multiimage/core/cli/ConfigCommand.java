package io.multiimage.core.cli;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ConfigurationResolver;
import io.multiimage.core.config.ConfigurationReport;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.config.ImageContext;
import io.multiimage.core.config.ImageTreeConfigurator;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.kconfig.ConfigOutputs;
import io.multiimage.core.kconfig.FragmentOnlyResolver;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code config resolve} and {@code config show}: configure one image (optionally as the
 * child of a parent) exactly as a build would, and show the result.
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
        text.append("image ").append(context.name()).append(context.isChild() ? " (child of " + arguments.parentName()
                + ")" : "").append('\n');
        text.append("board ").append(context.boardWithRevision()).append('\n');
        text.append("build type ").append(context.buildType().isEmpty() ? "(none)" : context.buildType()).append('\n');
        text.append(ConfigurationReport.files(configuration));
        text.append("Log:\n");
        log.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        if (arguments.outputDir().isPresent()) {
            ConfigOutputs.write(arguments.outputDir().get(), configuration.kconfig());
            text.append("wrote ").append(arguments.outputDir().get().resolve(ConfigOutputs.DOT_CONFIG)).append(" and ")
                    .append(arguments.outputDir().get().resolve(ConfigOutputs.AUTOCONF_H)).append('\n');
        }
        return text.toString().replace("\r\n", "\n");
    }

    private static String show(ConfigArguments arguments) throws InvalidConfigurationException, IOException {
        return ConfigurationReport.provenance(configure(arguments, BuildLog.silent()));
    }

    private static ImageConfiguration configure(ConfigArguments arguments, BuildLog log)
            throws InvalidConfigurationException, IOException {
        List<ImageDeclaration> declarations = new ArrayList<>();
        String top;
        if (arguments.parentDir().isPresent()) {
            top = arguments.parentName();
            declarations.add(ImageDeclaration.builder(top, arguments.parentDir().get()).board(arguments.board())
                    .buildType(arguments.buildType()).children(arguments.name()).build());
            declarations.add(ImageDeclaration.builder(arguments.name(), arguments.imageDir()).build());
        } else {
            top = arguments.name();
            declarations.add(ImageDeclaration.builder(top, arguments.imageDir()).board(arguments.board())
                    .buildType(arguments.buildType()).build());
        }
        ImageTree tree = ImageTree.build(top, declarations);
        ProjectLayout layout = new ProjectLayout(arguments.projectRoot());
        FragmentOnlyResolver resolver = new FragmentOnlyResolver();
        ImageContext context = new ImageTreeConfigurator(layout, resolver)
                .contexts(tree, arguments.variables(), log).get(arguments.name());
        return new ConfigurationResolver(layout, resolver).resolve(context, log);
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
