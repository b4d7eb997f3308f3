package io.multiimage.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The build properties a child's strategy and a property condition may read: the command
 * line's ({@code -Dmcuboot.hexFile=...}) before the project's ({@code <properties>} of the top
 * module's POM). Each value remembers where it came from, so a log line never says
 * {@code -Dx} for a value a POM set.
 *
 * @param user the command line's properties
 * @param project the project's properties
 * @param projectOrigin where the project's properties are written, e.g. {@code app/pom.xml}
 */
public record BuildProperties(Map<String, String> user, Map<String, String> project, String projectOrigin) {

    /** Takes sorted, immutable copies. */
    public BuildProperties {
        user = Collections.unmodifiableSortedMap(new TreeMap<>(user));
        project = Collections.unmodifiableSortedMap(new TreeMap<>(project));
        Objects.requireNonNull(projectOrigin, "projectOrigin");
    }

    /** No properties at all. */
    public static BuildProperties none() {
        return new BuildProperties(Map.of(), Map.of(), "");
    }

    /** Only command-line properties. */
    public static BuildProperties commandLine(Map<String, String> user) {
        return new BuildProperties(user, Map.of(), "");
    }

    /** A property's value and the place that set it. */
    public record Value(String name, String value, boolean fromCommandLine, String origin) {

        /** {@code -Dname} or {@code property name in app/pom.xml}. */
        public String describe() {
            return fromCommandLine ? "-D" + name : "property " + name + (origin.isEmpty() ? "" : " in " + origin);
        }
    }

    /** The value of {@code name}: the command line's, else the project's. */
    public Optional<Value> get(String name) {
        String value = user.get(name);
        if (value != null) {
            return Optional.of(new Value(name, value, true, "command line"));
        }
        value = project.get(name);
        return value == null ? Optional.empty() : Optional.of(new Value(name, value, false, projectOrigin));
    }
}
