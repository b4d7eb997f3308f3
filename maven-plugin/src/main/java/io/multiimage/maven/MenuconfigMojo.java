package io.multiimage.maven;

import io.multiimage.core.imagekconfig.ImageKconfigSession;
import io.multiimage.kconfig.ui.ConfigModel;
import io.multiimage.kconfig.ui.TerminalMenuconfig;
import java.io.IOException;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.ProjectBuilder;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;
import org.jline.terminal.Terminal;

/**
 * menuconfig in the terminal for one image: menus, choices, help, search and jump, why a symbol
 * cannot be set and which file set its value. {@code S} saves the changes as a fragment the
 * child-image rules read on every build (so a clean build keeps them).
 * {@code mvn firmware:menuconfig -Dfirmware.image=mcuboot}.
 */
@Mojo(name = "menuconfig", threadSafe = true)
public class MenuconfigMojo extends AbstractKconfigMojo {

    @Inject
    public MenuconfigMojo(
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
        try (Terminal terminal = TerminalMenuconfig.systemTerminal()) {
            if (terminal.getType().startsWith("dumb")) {
                throw new MojoFailureException("firmware:menuconfig needs a terminal (this one is '"
                        + terminal.getType() + "'); run it in a terminal, or use firmware:guiconfig");
            }
            new TerminalMenuconfig(
                            new ConfigModel(session.get()), terminal, fragmentPath(), writeConfig, getLog()::info)
                    .run();
        } catch (IOException e) {
            throw new MojoExecutionException("menuconfig: the terminal failed: " + e.getMessage(), e);
        }
    }
}
