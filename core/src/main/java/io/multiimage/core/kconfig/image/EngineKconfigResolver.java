package io.multiimage.core.kconfig.image;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigResolver;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.spi.BuildLog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Configures an image that has a Kconfig tree with the Kconfig engine: parses the tree, loads
 * the fragments in the child-image rules' order (the first replaces, each further one merges,
 * as Zephyr does), evaluates, and returns the evaluated values (defaults, selects, choices)
 * with Kconfiglib's exact {@code .config} and {@code autoconf.h} texts.
 *
 * <p>Log lines, only when the configuration succeeds: {@code <img>: Kconfig <root> (<why>)},
 * then per fragment {@code Merged configuration '<name>'} followed by the overrides it caused
 * (info), then the warnings ({@link KconfigDiagnostics}, warn). With {@link ImageKconfigSetup#strict}
 * any warning fails the configuration with {@link KconfigStrictException}.
 */
public final class EngineKconfigResolver implements KconfigResolver {

    private final ImageKconfigSetup setup;

    /** A resolver for the image {@code setup} describes. */
    public EngineKconfigResolver(ImageKconfigSetup setup) {
        this.setup = setup;
    }

    @Override
    public KconfigResult resolve(List<FragmentSource> fragments, BuildLog log) throws InvalidConfigurationException {
        Kconfig kconfig = setup.load();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fragments.size(); i++) {
            FragmentSource fragment = fragments.get(i);
            names.add(fragment.location());
            kconfig.loadFragmentText(fragment.location(), fragment.text(), i == 0);
        }
        KconfigDiagnostics diagnostics = KconfigDiagnostics.of(kconfig, setup, names);
        if (setup.strict() && !diagnostics.warnings().isEmpty()) {
            throw new KconfigStrictException(setup.image(), diagnostics.warnings());
        }
        KconfigResult result = EngineResults.of(kconfig, diagnostics.warnings());
        log.info(setup.image() + ": Kconfig " + setup.root().origin());
        for (FragmentSource fragment : fragments) {
            log.info("Merged configuration '" + fragment.mergeName() + "'");
            diagnostics.overrides().getOrDefault(fragment.location(), List.of()).forEach(log::info);
        }
        diagnostics.warnings().forEach(w -> log.warn(setup.image() + ": " + w));
        return result;
    }
}
