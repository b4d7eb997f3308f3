package io.multiimage.maven;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.core.imagekconfig.KconfigTargets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectBuilder;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;

/**
 * Runs a Kconfig target on one image's configuration (the seed's {@code EXTRA_KCONFIG_TARGETS}):
 * {@code savedefconfig} (built in: the minimal configuration to
 * {@code target/firmware/<image>/defconfig}) or a target declared in {@code <kconfigTargets>}.
 * {@code mvn firmware:kconfig -Dfirmware.image=mcuboot -Dfirmware.kconfig.target=savedefconfig}.
 */
@Mojo(name = "kconfig", threadSafe = true)
public class KconfigMojo extends AbstractKconfigMojo {

    /**
     * The target to run: {@code savedefconfig} or the name of a {@code <kconfigTarget>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.KCONFIG_TARGET, defaultValue = KconfigTargets.SAVEDEFCONFIG)
    private String target;

    /**
     * User-declared Kconfig targets: {@code <kconfigTarget>} elements with a {@code <name>} and a
     * {@code <command>} ({@code <arg>} elements), run with the image's Kconfig environment
     * ({@code KCONFIG_CONFIG}, {@code srctree}, {@code KCONFIG_ROOT}, {@code BOARD}, the image's
     * variables) in the image's directory.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<KconfigTarget> kconfigTargets;

    @Inject
    public KconfigMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Optional<ImageKconfigSession> session = openSession();
        if (session.isEmpty()) {
            return;
        }
        List<KconfigTargets.Target> declared = new ArrayList<>();
        for (KconfigTarget t : kconfigTargets == null ? List.<KconfigTarget>of() : kconfigTargets) {
            declared.add(new KconfigTargets.Target(t.getName(), t.getCommand()));
        }
        try {
            KconfigTargets.run(session.get(), target.trim(), declared, launcher(), buildLog());
        } catch (FirmwareException | IOException | InterruptedException e) {
            FailureTranslation.rethrow(e);
        }
    }
}
