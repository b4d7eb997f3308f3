package io.multiimage.maven.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the build's own settings add to a module's key, beyond its images' inputs. The extension
 * hashes a module's effective POM, so the plugin configuration written there (merge formats,
 * budgets, signing) is in the key already; what is not: the {@code -Dfirmware.*} properties given
 * to Maven (they set parameters only when a goal runs), and the memory report's baseline, which the
 * top of a tree compares with (a file's content, or a released build's coordinates). A baseline
 * given as {@code -SNAPSHOT} coordinates can change under the same name: such a module stays out.
 */
final class SettingsKey {

    /** Settings that change how a build runs or what it logs, never what it writes. */
    static final Set<String> NOT_OUTPUTS = Set.of("firmware.verbose", "firmware.explain", "firmware.parallel");

    /**
     * Settings keyed by what they resolve to, and only where they apply ({@link SigningKey}): a
     * module that signs nothing is not rebuilt for another signing key.
     */
    static final String SIGNING = "firmware.signing.";

    static final String REPORT_BASELINE = "firmware.report.baseline";

    /** {@code groupId:artifactId:version}, as the report reads a baseline given by coordinates. */
    private static final Pattern COORDINATES = Pattern.compile("[^:/\\\\\\s]+:[^:/\\\\\\s]+:[^:/\\\\\\s]+");

    /** The settings part of a key: lines to add, or why the module is not cached. */
    sealed interface Part {
        /** The key gets {@code lines}. */
        record Lines(List<String> lines) implements Part {}

        /** The module is built, never taken from the cache. */
        record Uncached(String reason) implements Part {}
    }

    private SettingsKey() {}

    /**
     * The settings part of the key of a module.
     *
     * @param user Maven's user properties ({@code -D})
     * @param moduleDir the module's directory, against which a baseline path resolves
     * @param pomBaseline the module's {@code <report><baseline>}, if any
     * @param top true for the top of a tree, which writes the memory report
     */
    static Part of(Properties user, Path moduleDir, Optional<String> pomBaseline, boolean top) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : new TreeSet<>(user.stringPropertyNames())) {
            if (name.startsWith("firmware.") && !NOT_OUTPUTS.contains(name) && !name.startsWith(SIGNING)) {
                lines.add("setting -D" + name + "=" + user.getProperty(name));
            }
        }
        if (top) {
            Optional<String> baseline = Optional.ofNullable(user.getProperty(REPORT_BASELINE))
                    .filter(value -> !value.isBlank())
                    .or(() -> pomBaseline.filter(value -> !value.isBlank()))
                    .map(String::trim);
            if (baseline.isPresent()) {
                String value = baseline.get();
                if (COORDINATES.matcher(value).matches() && !value.endsWith(".json")) {
                    if (value.endsWith("-SNAPSHOT")) {
                        return new Part.Uncached("its memory report compares with the SNAPSHOT build " + value
                                + ", whose build-info.json can change under the same name");
                    }
                    lines.add("report baseline " + value);
                } else {
                    lines.add("report baseline sha256 " + SigningKey.sha256(moduleDir.resolve(value)));
                }
            }
        }
        return new Part.Lines(List.copyOf(lines));
    }
}
