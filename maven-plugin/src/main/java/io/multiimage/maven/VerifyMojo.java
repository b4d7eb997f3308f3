package io.multiimage.maven;

import io.multiimage.core.pipeline.FirmwareVerify;
import java.io.File;
import java.nio.file.Path;
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
 * Checks a merged HEX file against this tree's partition layout, without building: every image's
 * vector table inside its own partition (initial stack pointer in RAM, reset vector inside the
 * image), every MCUboot header, hash and signature against the configured public key
 * ({@code <signing><publicKeyFile>}, else the key file's public half), and each bootloader's
 * next-stage address against the layout. Checks {@code target/firmware/merged.hex}, or the file
 * {@code -Dfirmware.verify.hex} names (a file someone else built). {@code firmware:build} runs the
 * same checks at its end.
 */
@Mojo(name = "verify", threadSafe = true)
public class VerifyMojo extends AbstractFirmwareMojo {

    /**
     * The merged HEX file to check; default: this tree's {@code target/firmware/merged.hex}. A
     * {@code merged_<DOMAIN>.hex} is checked against that domain's layout.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.VERIFY_HEX)
    private File hexFile;

    /**
     * Turns off {@code firmware:verify}.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.VERIFY_SKIP, defaultValue = "false")
    private boolean skipVerify;

    @Inject
    public VerifyMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator,
            SettingsDecrypter settingsDecrypter) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
        useSettingsDecrypter(settingsDecrypter);
    }

    @Override
    protected Optional<String> goalSkipProperty() {
        return skipVerify ? Optional.of(FirmwareProperties.VERIFY_SKIP) : Optional.empty();
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (leavesItToTheTop("firmware:verify checks the merged file there", false)) {
            return;
        }
        Optional<Path> file = Optional.ofNullable(hexFile)
                .map(f -> f.isAbsolute()
                        ? f.toPath()
                        : project.getBasedir().toPath().resolve(f.toPath()));
        runCore(request -> new FirmwareVerify(buildLog(), launcher(), hexResolver(), buildSession(request))
                .verify(request, file, signingConfig()));
    }
}
