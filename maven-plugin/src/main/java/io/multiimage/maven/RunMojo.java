package io.multiimage.maven;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.pipeline.FirmwareRun;
import io.multiimage.core.run.QemuResult;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
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
 * Builds the image tree of this module (nothing is redone when it is up to date) and boots
 * its {@code merged.hex} ({@code merged_domains.hex} when the tree has several domains, such
 * as both cores of {@code mps2/an521}) in {@code qemu-system-arm} on the machine of the board
 * (e.g. {@code lm3s6965evb} for {@code qemu_cortex_m3}), streaming the UART output. Ends at the
 * firmware's semihosting exit; fails on a non-zero exit status or a timeout. With
 * {@code -Dfirmware.run.hex=<file>} it boots that file as it is, without building.
 */
@Mojo(name = "run", threadSafe = true)
public class RunMojo extends AbstractFirmwareMojo {

    /**
     * Seconds to wait for the firmware to exit through semihosting before QEMU is stopped and the
     * goal fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.RUN_TIMEOUT, defaultValue = "30")
    private int timeout;

    /**
     * Turns off {@code firmware:run}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.RUN_SKIP, defaultValue = "false")
    private boolean skipRun;

    /**
     * A HEX file to boot exactly as it is, without building first (a plain {@code firmware:run}
     * rebuilds, and so would repair a tampered {@code merged.hex}); relative to the module. The
     * machine is still the tree's board's.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.RUN_HEX)
    private File hexFile;

    @Inject
    public RunMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator,
            SettingsDecrypter settingsDecrypter) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
        useSettingsDecrypter(settingsDecrypter);
    }

    @Override
    protected Optional<String> goalSkipProperty() {
        return skipRun ? Optional.of(FirmwareProperties.RUN_SKIP) : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (leavesItToTheTop("firmware:run boots the whole tree there", false)) {
            return;
        }
        QemuResult result = runCore(request -> {
            FirmwareRun run = new FirmwareRun(buildLog(), launcher(), hexResolver(), buildSession(request));
            if (hexFile != null) {
                Path file = hexFile.isAbsolute()
                        ? hexFile.toPath()
                        : project.getBasedir().toPath().resolve(hexFile.toPath());
                return run.runFile(request, file, Duration.ofSeconds(timeout), line -> getLog().info("[uart] " + line));
            }
            return run.signing(signingConfig())
                    .mergeFormats(mergeFormats())
                    .layoutLock(layoutLockFile(), acceptedLayoutChange())
                    .run(request, Duration.ofSeconds(timeout), line -> getLog().info("[uart] " + line));
        });
        try {
            result.requireSuccess();
        } catch (FirmwareException e) {
            FailureTranslation.rethrow(e);
        }
        getLog().info("Firmware exited with status 0 after " + result.elapsed().toMillis() + " ms");
    }
}
