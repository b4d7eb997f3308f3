package io.multiimage.maven.discover;

import io.multiimage.core.InvalidConfigurationException;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Binds another firmware module's plugin configuration exactly as Maven binds the running goal
 * in that module: the module's {@code <configuration>}, over the goal's defaults and
 * {@code -D} properties, evaluated against that module's project, by Maven's own configurator.
 * So a parameter means the same in every module of an image tree, and a new parameter needs no
 * second binding to be read from a child module.
 */
public final class ModuleConfigurator {

    private final MavenSession session;
    private final MojoExecution execution;
    private final ComponentConfigurator configurator;
    private final ClassRealm realm;

    /** A configurator for modules of {@code session}, with the defaults of the running {@code execution}. */
    public ModuleConfigurator(MavenSession session, MojoExecution execution, ComponentConfigurator configurator) {
        this(session, execution, configurator, null);
    }

    /**
     * A configurator with the defaults of {@code execution}, loading parameter types from
     * {@code realm} when the execution's plugin realm is not set up (outside a running goal).
     */
    public ModuleConfigurator(
            MavenSession session, MojoExecution execution, ComponentConfigurator configurator, ClassRealm realm) {
        this.session = session;
        this.execution = execution;
        this.configurator = configurator;
        this.realm = realm;
    }

    /**
     * Sets the fields named {@code parameters} of {@code target} from {@code module}'s
     * configuration; returns {@code target}.
     *
     * @throws InvalidConfigurationException naming the module's POM when a value does not fit
     */
    public <T> T bind(MavenProject module, T target, Set<String> parameters) throws InvalidConfigurationException {
        Xpp3Dom own = PluginConfiguration.of(module).dom();
        Xpp3Dom defaults = toDom(execution.getMojoDescriptor().getMojoConfiguration());
        Xpp3Dom merged = new Xpp3Dom("configuration");
        for (String name : parameters) {
            Xpp3Dom value = own.getChild(name);
            Xpp3Dom fallback = defaults.getChild(name);
            if (value != null) {
                merged.addChild(
                        fallback == null
                                ? new Xpp3Dom(value)
                                : Xpp3Dom.mergeXpp3Dom(new Xpp3Dom(value), new Xpp3Dom(fallback)));
            } else if (fallback != null) {
                merged.addChild(new Xpp3Dom(fallback));
            }
        }
        MavenSession inModule = session.clone();
        inModule.setCurrentProject(module);
        ClassRealm pluginRealm =
                execution.getMojoDescriptor().getPluginDescriptor().getClassRealm();
        try {
            configurator.configureComponent(
                    target,
                    new XmlPlexusConfiguration(merged),
                    new PluginParameterExpressionEvaluator(inModule, execution),
                    pluginRealm != null ? pluginRealm : realm);
        } catch (ComponentConfigurationException e) {
            throw new InvalidConfigurationException(
                    "Cannot read the configuration of firmware module " + module.getArtifactId() + " ("
                            + module.getFile() + "): " + e.getMessage(),
                    e);
        }
        return target;
    }

    /** A plexus configuration (the goal's defaults) as a DOM that can be merged with a POM's. */
    static Xpp3Dom toDom(PlexusConfiguration configuration) {
        Xpp3Dom dom = new Xpp3Dom(configuration.getName());
        dom.setValue(configuration.getValue(null));
        for (String attribute : configuration.getAttributeNames()) {
            dom.setAttribute(attribute, configuration.getAttribute(attribute, null));
        }
        for (PlexusConfiguration child : configuration.getChildren()) {
            dom.addChild(toDom(child));
        }
        return dom;
    }
}
