package io.multiimage.core.config;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.FragmentParser;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigResolver;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configures one image: plans its files ({@link ConfigurationPlanner}), reads them, and
 * merges them with a {@link KconfigResolver}. On any error nothing is logged; on success
 * the log shows the choices (info), deprecation notes (warn), each Kconfig fragment with its
 * rule (debug), each devicetree overlay with its rule (info), then the
 * {@code Merged configuration '…'} lines and overrides from the resolver.
 */
public final class ConfigurationResolver {

    private final ProjectLayout layout;
    private final KconfigResolver resolver;

    /** A resolver naming files relative to {@code layout} and merging with {@code resolver}. */
    public ConfigurationResolver(ProjectLayout layout, KconfigResolver resolver) {
        this.layout = layout;
        this.resolver = resolver;
    }

    /** The file plan only (no reading, no logging). */
    public ConfigurationPlan plan(ImageContext image) throws ConfigurationRuleException {
        return new ConfigurationPlanner(layout).plan(image);
    }

    /**
     * Plans, reads and merges the configuration of {@code image}.
     *
     * @throws InvalidConfigurationException a §7 rule error or a malformed fragment
     * @throws IOException a chosen file could not be read
     */
    public ImageConfiguration resolve(ImageContext image, BuildLog log)
            throws InvalidConfigurationException, IOException {
        ConfigurationPlan plan = plan(image);
        List<FragmentSource> fragments = fragments(plan);
        BufferedLog buffered = new BufferedLog(log.isDebugEnabled());
        KconfigResult result = resolver.resolve(fragments, buffered);
        plan.notes().forEach(log::info);
        plan.warnings().forEach(log::warn);
        if (log.isDebugEnabled()) {
            plan.kconfigFiles()
                    .forEach(f ->
                            log.debug(image.name() + ": Kconfig fragment '" + f.location() + "' (" + f.rule() + ")"));
        }
        plan.overlays()
                .forEach(
                        f -> log.info(image.name() + ": devicetree overlay '" + f.location() + "' (" + f.rule() + ")"));
        buffered.replayTo(log);
        return new ImageConfiguration(image, plan, result);
    }

    /** The fragments of a plan in merge order, the generated {@code command line} one last if any. */
    public static List<FragmentSource> fragments(ConfigurationPlan plan)
            throws IOException, InvalidConfigurationException {
        List<FragmentSource> fragments = new ArrayList<>();
        for (SelectedFile file : plan.kconfigFiles()) {
            fragments.add(FragmentSource.read(file.path(), file.mergeName(), file.location()));
        }
        if (!plan.commandLineValues().isEmpty()) {
            // A line break inside a -D value would end it and start a line of its own.
            for (Map.Entry<String, String> value : plan.commandLineValues().entrySet()) {
                FragmentParser.checkCommandLineValue(value.getKey(), value.getValue());
            }
            fragments.add(new FragmentSource(
                    FragmentSource.COMMAND_LINE, FragmentSource.COMMAND_LINE, plan.commandLineFragment()));
        }
        return fragments;
    }

    /** Holds log lines until the whole configuration has succeeded. */
    private static final class BufferedLog implements BuildLog {
        private final boolean debug;
        private final List<String[]> lines = new ArrayList<>();

        BufferedLog(boolean debug) {
            this.debug = debug;
        }

        @Override
        public void info(String message) {
            lines.add(new String[] {"info", message});
        }

        @Override
        public void warn(String message) {
            lines.add(new String[] {"warn", message});
        }

        @Override
        public void debug(String message) {
            lines.add(new String[] {"debug", message});
        }

        @Override
        public boolean isDebugEnabled() {
            return debug;
        }

        void replayTo(BuildLog log) {
            for (String[] line : lines) {
                switch (line[0]) {
                    case "info" -> log.info(line[1]);
                    case "warn" -> log.warn(line[1]);
                    default -> log.debug(line[1]);
                }
            }
        }
    }
}
