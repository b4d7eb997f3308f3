package io.multiimage.maven;

import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.kconfig.ui.ConfigModel;
import io.multiimage.kconfig.ui.WebGuiconfig;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * guiconfig for one image as a local web page: served on 127.0.0.1 at a random port, every
 * request checked against a per-session token; opened in the browser where one can be started,
 * else the address is printed. Save writes the changes as a fragment; Quit ends the goal.
 * {@code mvn firmware:guiconfig -Dfirmware.image=mcuboot}.
 */
@Mojo(name = "guiconfig", threadSafe = true)
public class GuiconfigMojo extends AbstractKconfigMojo {

    /**
     * Only print the page's address instead of opening a browser.
     *
     * @since 0.1.0
     */
    @Parameter(property = FirmwareProperties.GUICONFIG_NO_BROWSER, defaultValue = "false")
    private boolean noBrowser;

    @Inject
    public GuiconfigMojo(
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
        try (WebGuiconfig web = new WebGuiconfig(new ConfigModel(session.get()), fragmentPath(), getLog()::info)) {
            URI address = web.address();
            getLog().info("guiconfig of " + session.get().image() + ": " + address);
            if (!noBrowser && !BrowserLauncher.open(address)) {
                getLog().info(
                                "No browser could be started here: open the address above (it works on this machine only)");
            }
            getLog().info("Press Quit on the page to end guiconfig");
            web.awaitQuit(Long.MAX_VALUE, TimeUnit.DAYS);
        } catch (IOException e) {
            throw new MojoExecutionException("guiconfig: the local web server failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("guiconfig interrupted", e);
        }
    }
}
