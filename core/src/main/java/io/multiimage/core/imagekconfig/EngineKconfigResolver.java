package io.multiimage.core.imagekconfig;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigResolver;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Configures an image that has a Kconfig tree with the Kconfig engine: parses the tree, loads
 * the fragments in the child-image rules' order (the first replaces, each further one merges,
 * as Zephyr does), evaluates, and returns the evaluated values (defaults, selects, choices)
 * with Kconfiglib's exact {@code .config} and {@code autoconf.h} texts.
 *
 * <p>With a record file ({@link KconfigRecord}) the last evaluation is reused while every input
 * is unchanged, so a no-op build does not parse the tree; the log is the same either way.
 *
 * <p>Log lines, only when the configuration succeeds: {@code <img>: Kconfig <root> (<why>)},
 * then per fragment {@code Merged configuration '<name>'} followed by the overrides it caused
 * (info), then the warnings ({@link KconfigDiagnostics}, warn). With {@link ImageKconfigSetup#strict}
 * any warning fails the configuration with {@link KconfigStrictException}.
 */
public final class EngineKconfigResolver implements KconfigResolver {

    private final ImageKconfigSetup setup;
    private final Optional<Path> recordFile;
    private final KconfigRecord record;

    /** A resolver for the image {@code setup} describes, evaluating every time. */
    public EngineKconfigResolver(ImageKconfigSetup setup) {
        this(setup, Optional.empty(), KconfigRecord.forRunningCode());
    }

    /** A resolver that keeps its last evaluation in {@code recordFile}. */
    public EngineKconfigResolver(ImageKconfigSetup setup, Path recordFile) {
        this(setup, Optional.of(recordFile), KconfigRecord.forRunningCode());
    }

    EngineKconfigResolver(ImageKconfigSetup setup, Optional<Path> recordFile, KconfigRecord record) {
        this.setup = setup;
        this.recordFile = recordFile;
        this.record = record;
    }

    @Override
    public KconfigResult resolve(List<FragmentSource> fragments, BuildLog log) throws InvalidConfigurationException {
        Optional<KconfigRecord.Evaluation> recorded = recordFile.flatMap(f -> record.read(f, setup, fragments));
        KconfigRecord.Evaluation evaluation = recorded.isPresent() ? recorded.get() : evaluate(fragments);
        List<String> warnings = evaluation.result().warnings();
        if (setup.strict() && !warnings.isEmpty()) {
            throw new KconfigStrictException(setup.image(), warnings);
        }
        if (recorded.isEmpty() && recordFile.isPresent()) {
            try {
                record.write(recordFile.get(), setup, fragments, evaluation);
            } catch (IOException e) {
                // only a shortcut for the next build is lost: it evaluates again
                log.debug(setup.image() + ": could not record the Kconfig evaluation: " + e.getMessage());
            }
        }
        log.info(setup.image() + ": Kconfig " + setup.root().origin());
        if (recorded.isPresent() && log.isDebugEnabled()) {
            log.debug(setup.image() + ": Kconfig evaluation unchanged since the last build ("
                    + setup.layout().relative(recordFile.orElseThrow()) + ")");
        }
        for (FragmentSource fragment : fragments) {
            log.info("Merged configuration '" + fragment.mergeName() + "'");
            evaluation.overrides().getOrDefault(fragment.location(), List.of()).forEach(log::info);
        }
        warnings.forEach(w -> log.warn(setup.image() + ": " + w));
        return evaluation.result();
    }

    private KconfigRecord.Evaluation evaluate(List<FragmentSource> fragments) throws InvalidConfigurationException {
        Kconfig kconfig = setup.load();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fragments.size(); i++) {
            FragmentSource fragment = fragments.get(i);
            names.add(fragment.location());
            kconfig.loadFragmentText(fragment.location(), fragment.text(), i == 0);
        }
        KconfigDiagnostics diagnostics = KconfigDiagnostics.of(kconfig, setup, names);
        return new KconfigRecord.Evaluation(
                EngineResults.of(kconfig, diagnostics.warnings()), diagnostics.overrides(), kconfig.kconfigFiles());
    }
}
