package io.multiimage.maven.cache;

import io.multiimage.maven.discover.PluginConfiguration;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Puts a module's key lines where the extension hashes them: its key includes the module's
 * effective POM, plugin configurations included, but not its properties. So the lines become
 * the configuration of an execution of this plugin that has no goals: Maven runs nothing for it.
 * The extension's own search of plugin configurations
 * for input files is turned off for the module ({@code maven.build.cache.processPlugins}): it
 * would take a {@code <module>../mcuboot</module>} for a directory of inputs, outputs included.
 */
final class KeyInjection {

    /** The id of the goal-less execution that carries the key lines. */
    static final String EXECUTION_ID = "firmware-build-cache-key";

    static final String PROCESS_PLUGINS = "maven.build.cache.processPlugins";
    static final String CACHE_ENABLED = "maven.build.cache.enabled";

    private KeyInjection() {}

    /** Makes {@code lines} part of {@code module}'s key. */
    static void key(MavenProject module, List<String> lines) {
        Plugin plugin = module.getPlugin(PluginConfiguration.PLUGIN_KEY);
        if (plugin == null) {
            throw new IllegalStateException(
                    module.getArtifactId() + " does not declare " + PluginConfiguration.PLUGIN_KEY);
        }
        PluginExecution existing = plugin.getExecutionsAsMap().get(EXECUTION_ID);
        if (existing != null) {
            plugin.removeExecution(existing);
        }
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (String line : lines) {
            Xpp3Dom input = new Xpp3Dom("input");
            input.setValue(line);
            configuration.addChild(input);
        }
        PluginExecution execution = new PluginExecution();
        execution.setId(EXECUTION_ID);
        execution.setConfiguration(configuration);
        plugin.addExecution(execution);
        module.getProperties().setProperty(PROCESS_PLUGINS, "false");
    }

    /** Keeps {@code module} out of the cache: it is neither looked up nor saved, and builds as without the extension. */
    static void exclude(MavenProject module) {
        module.getProperties().setProperty(CACHE_ENABLED, "false");
    }
}
