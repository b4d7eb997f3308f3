package io.multiimage.maven.cache;

import io.multiimage.core.pipeline.FirmwareBuild;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.maven.AbstractFirmwareMojo;
import io.multiimage.maven.MavenComponents;
import io.multiimage.maven.discover.PluginConfiguration;
import io.multiimage.partition.LayoutFileNames;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.codehaus.plexus.PlexusContainer;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.codehaus.plexus.logging.Logger;
import org.eclipse.aether.RepositorySystem;

/**
 * Completes the key the Apache Maven Build Cache Extension gives each firmware module, after the
 * projects are read and before any of them builds: the extension keys a module by its sources,
 * resources and effective POM, which miss what a firmware build reads (the configuration
 * fragments, overlays, {@code pm.yml} files and sources of every image of its tree, forwarded
 * {@code -D} variables, the compiler). Each module's key gets the inputs of the images it builds
 * ({@link ModuleKeys}); does nothing unless the extension is active ({@link CacheActivation}).
 * Declared in {@code META-INF/plexus/components.xml} with its requirements.
 */
public class BuildCacheParticipant extends AbstractMavenLifecycleParticipant {

    private BuildPluginManager pluginManager;
    private ProjectBuilder projectBuilder;
    private ComponentConfigurator configurator;
    private RepositorySystem repositorySystem;
    private PlexusContainer container;
    private Logger logger;

    @Override
    public void afterProjectsRead(MavenSession session) {
        List<MavenProject> modules = session.getProjects().stream()
                .filter(project -> "firmware".equals(project.getPackaging()))
                .toList();
        if (modules.isEmpty() || !active(session)) {
            return;
        }
        BuildLog log = new PlexusBuildLog(logger);
        File root = session.getRequest().getMultiModuleProjectDirectory();
        if (CacheActivation.discoversModulesItself(
                session.getUserProperties(), session.getSystemProperties(), root == null ? null : root.toPath())) {
            log.warn("Build cache: the cache configuration's <multiModule><discovery> makes the extension read the"
                    + " modules again without their images' inputs; the firmware modules are built, never taken from"
                    + " the cache (remove <discovery> to cache them)");
            modules.forEach(KeyInjection::exclude);
            return;
        }
        ModuleKeys keys = new ModuleKeys(PluginCode.digest(List.of(
                getClass(),
                FirmwareBuild.class,
                IntelHex.class,
                LayoutFileNames.class,
                io.multiimage.signing.format.Hex.class)));
        MavenComponents components = new MavenComponents(repositorySystem, projectBuilder, configurator);
        ClassRealm realm = getClass().getClassLoader() instanceof ClassRealm own ? own : null;
        List<String> keyed = new ArrayList<>();
        for (MavenProject module : modules) {
            ModuleKeys.Outcome outcome;
            try {
                AbstractFirmwareMojo.BuildGoalView view = AbstractFirmwareMojo.buildGoalView(
                        session, buildExecution(session, module), components, realm, module, ModuleKeys.quiet(log));
                outcome = keys.of(view);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new ModuleKeys.Outcome.Excluded("interrupted while reading its inputs");
            } catch (Exception e) {
                outcome = new ModuleKeys.Outcome.Excluded("its inputs cannot be read before it builds ("
                        + e.getMessage() + "); its build reports the problem");
            }
            if (outcome instanceof ModuleKeys.Outcome.Keyed key) {
                KeyInjection.key(module, key.lines());
                keyed.add(module.getArtifactId());
                if (key.explain()) {
                    key.lines()
                            .forEach(line ->
                                    log.info("[explain] build cache key of " + module.getArtifactId() + ": " + line));
                }
            } else if (outcome instanceof ModuleKeys.Outcome.Excluded excluded) {
                KeyInjection.exclude(module);
                log.info("Build cache: " + module.getArtifactId() + " is built, not taken from the cache: "
                        + excluded.reason());
            }
        }
        if (!keyed.isEmpty()) {
            log.info("Build cache: the keys of " + String.join(", ", keyed) + " include their images' inputs"
                    + " (configuration, layout, sources, toolchain)");
        }
    }

    /** Whether the extension looks builds up in this session, and the session builds firmware. */
    private boolean active(MavenSession session) {
        try {
            File multiModule = session.getRequest().getMultiModuleProjectDirectory();
            return CacheActivation.buildsFirmware(session.getGoals())
                    && CacheActivation.mavenSupports(
                            session.getSystemProperties().getProperty("maven.version"))
                    && CacheActivation.enabled(
                            session.getUserProperties(),
                            session.getSystemProperties(),
                            multiModule == null ? null : multiModule.toPath())
                    && CacheActivation.extensionLoaded(participantClassNames());
        } catch (RuntimeException e) {
            logger.debug("Build cache: cannot tell whether the build cache extension is active: " + e, e);
            return false;
        }
    }

    private List<String> participantClassNames() {
        try {
            return container.lookupList(AbstractMavenLifecycleParticipant.class).stream()
                    .map(participant -> participant.getClass().getName())
                    .toList();
        } catch (Exception e) {
            logger.debug("Build cache: cannot list the lifecycle participants: " + e, e);
            return List.of();
        }
    }

    /** An execution of the build goal as the module's lifecycle runs it: its defaults and property expressions. */
    private MojoExecution buildExecution(MavenSession session, MavenProject module) throws Exception {
        MojoDescriptor descriptor = pluginManager.getMojoDescriptor(
                module.getPlugin(PluginConfiguration.PLUGIN_KEY),
                "build",
                module.getRemotePluginRepositories(),
                session.getRepositorySession());
        return new MojoExecution(descriptor, "default-build", MojoExecution.Source.LIFECYCLE);
    }

    /** The core's log over Plexus's logger. */
    private record PlexusBuildLog(Logger logger) implements BuildLog {
        @Override
        public void info(String message) {
            logger.info(message);
        }

        @Override
        public void warn(String message) {
            logger.warn(message);
        }

        @Override
        public void debug(String message) {
            logger.debug(message);
        }

        @Override
        public boolean isDebugEnabled() {
            return logger.isDebugEnabled();
        }
    }
}
