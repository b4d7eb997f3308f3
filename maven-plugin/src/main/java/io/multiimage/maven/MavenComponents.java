package io.multiimage.maven;

import org.apache.maven.project.ProjectBuilder;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;

/**
 * The Maven components every goal uses, as injected into its constructor: the repository system
 * (prebuilt HEX artifacts), the project builder (child modules outside the reactor) and Maven's
 * configurator (other modules' configuration, bound as Maven binds a goal's: hint {@code basic}).
 *
 * @param repositorySystem resolves artifacts through the session's repositories
 * @param projectBuilder reads a POM that is not in the reactor
 * @param configurator Maven's own parameter configurator
 */
public record MavenComponents(
        RepositorySystem repositorySystem, ProjectBuilder projectBuilder, ComponentConfigurator configurator) {}
