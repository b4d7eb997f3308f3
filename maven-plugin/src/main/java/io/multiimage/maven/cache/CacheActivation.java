package io.multiimage.maven.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Whether the Apache Maven Build Cache Extension looks this session's builds up by key, decided
 * as the extension decides it: it is loaded ({@code .mvn/extensions.xml}), Maven is 3.9 or newer
 * (on 3.8 it disables itself), {@code -Dmaven.build.cache.enabled} is not false, and its
 * configuration file ({@code .mvn/maven-build-cache-config.xml} or
 * {@code -Dmaven.build.cache.configPath}) does not say {@code <enabled>false</enabled>}, which
 * the property overrides. Only then are keys completed: a build without the extension does
 * none of this work.
 */
final class CacheActivation {

    /** The extension's package: its lifecycle participant lives there. */
    static final String EXTENSION_PACKAGE = "org.apache.maven.buildcache.";

    static final String ENABLED = "maven.build.cache.enabled";
    static final String CONFIG_PATH = "maven.build.cache.configPath";

    /** Phases of the default lifecycle from {@code package} on: the firmware packaging builds at {@code package}. */
    private static final Set<String> BUILDING_PHASES = Set.of(
            "package",
            "pre-integration-test",
            "integration-test",
            "post-integration-test",
            "verify",
            "install",
            "deploy");

    private CacheActivation() {}

    /** True when one of the session's lifecycle participants is the extension's. */
    static boolean extensionLoaded(Collection<String> participantClassNames) {
        return participantClassNames.stream().anyMatch(name -> name.startsWith(EXTENSION_PACKAGE));
    }

    /** True for Maven 3.9 and newer, where the extension works. */
    static boolean mavenSupports(String mavenVersion) {
        if (mavenVersion == null) {
            return false;
        }
        String[] parts = mavenVersion.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 3 || (major == 3 && minor >= 9);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Whether the extension is enabled: {@code maven.build.cache.enabled} from the user, then the
     * system properties, wins; else the configuration file's {@code <enabled>} (default true).
     */
    static boolean enabled(Properties user, Properties system, Path multiModuleDirectory) {
        String flag = property(ENABLED, user, system);
        if (flag != null) {
            return Boolean.parseBoolean(flag);
        }
        Path config = configFile(user, system, multiModuleDirectory);
        return config == null || !Files.isRegularFile(config) || configuredEnabled(config);
    }

    /**
     * True when the configuration asks the extension to discover the multi-module project itself
     * ({@code <multiModule><discovery>}): it then builds the projects' models again for their keys,
     * without what this plugin added to them, so firmware modules must stay out of the cache.
     */
    static boolean discoversModulesItself(Properties user, Properties system, Path multiModuleDirectory) {
        Path config = configFile(user, system, multiModuleDirectory);
        if (config == null || !Files.isRegularFile(config)) {
            return false;
        }
        Element configuration = configuration(config);
        Element multiModule = configuration == null ? null : child(configuration, "multiModule");
        return multiModule != null && child(multiModule, "discovery") != null;
    }

    private static Path configFile(Properties user, Properties system, Path multiModuleDirectory) {
        String configPath = property(CONFIG_PATH, user, system);
        return configPath != null && !configPath.isBlank()
                ? Path.of(configPath)
                : multiModuleDirectory == null
                        ? null
                        : multiModuleDirectory.resolve(".mvn").resolve("maven-build-cache-config.xml");
    }

    /** True when the goals run the firmware packaging's build ({@code package} or later, or {@code firmware:build}). */
    static boolean buildsFirmware(List<String> goals) {
        return goals.stream().anyMatch(goal -> BUILDING_PHASES.contains(goal) || goal.endsWith(":build"));
    }

    private static String property(String name, Properties user, Properties system) {
        String value = user.getProperty(name);
        return value != null ? value : system.getProperty(name);
    }

    /** The file's {@code <configuration><enabled>}; a file the extension cannot read counts as enabled (it fails itself). */
    private static boolean configuredEnabled(Path config) {
        Element configuration = configuration(config);
        Element enabled = configuration == null ? null : child(configuration, "enabled");
        return enabled == null || !"false".equals(enabled.getTextContent().trim());
    }

    /** The file's {@code <configuration>}; null when it has none or cannot be read. */
    private static Element configuration(Path config) {
        try (InputStream in = Files.newInputStream(config)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return child(factory.newDocumentBuilder().parse(in).getDocumentElement(), "configuration");
        } catch (IOException | ParserConfigurationException | SAXException e) {
            return null;
        }
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                return element;
            }
        }
        return null;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
