package io.multiimage.maven;

import io.multiimage.core.pipeline.LayoutLocking;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;

/**
 * Writes {@code layout.lock} beside the top module's POM, for the team to commit: per domain the
 * immutable partitions (everything before the application slot: b0, provision, s0_pad, mcuboot, the
 * MCUboot pad), the MCUboot-format slots and their sizes, the flash sector geometry, and the signing
 * key's fingerprint. A later {@code firmware:build} whose layout moves or resizes an immutable
 * partition, changes a slot or signs with another key fails with a before/after table, unless
 * {@code -Dfirmware.layout.accept="<reason>"} accepts it. Nothing is built.
 */
@Mojo(name = "lock-layout", threadSafe = true)
public class LockLayoutMojo extends AbstractFirmwareMojo {

    /**
     * Turns off {@code firmware:lock-layout}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.LOCK_LAYOUT_SKIP, defaultValue = "false")
    private boolean skipLockLayout;

    @Inject
    public LockLayoutMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator,
            SettingsDecrypter settingsDecrypter) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
        useSettingsDecrypter(settingsDecrypter);
    }

    @Override
    protected Optional<String> goalSkipProperty() {
        return skipLockLayout ? Optional.of(FirmwareProperties.LOCK_LAYOUT_SKIP) : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (leavesItToTheTop("firmware:lock-layout writes the lock there", false)) {
            return;
        }
        runCore(request -> new LayoutLocking(buildLog(), launcher(), hexResolver(), buildSession(request))
                .write(request, layoutLockFile(), signingConfig()));
    }
}
