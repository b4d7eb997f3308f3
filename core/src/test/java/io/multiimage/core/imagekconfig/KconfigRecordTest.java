package io.multiimage.core.imagekconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.kconfig.FragmentSource;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record of the last Kconfig evaluation: reused while every input is unchanged (same
 * result, same log), and not used after any input changed, when damaged, for a tree with a glob
 * or optional source, or without a code identity.
 */
class KconfigRecordTest {

    private static final String REUSED =
            "app: Kconfig evaluation unchanged since the last build (app/.state/kconfig-app)";

    @TempDir
    Path root;

    private Path record() {
        return root.resolve("app/.state/kconfig-app");
    }

    @Test
    void anUnchangedImageReusesTheRecordWithTheSameResultAndLog() throws Exception {
        write("config LOOPS\n\tint \"Loops\"\n\tdefault 10\n\nconfig FEATURE\n\tbool \"Feature\"\n");
        List<FragmentSource> fragments = List.of(
                fragment("CONFIG_FEATURE=y\nCONFIG_FEATURE=n\nCONFIG_UNKNOWN=y\n"),
                new FragmentSource("command line", "command line", "CONFIG_LOOPS=20\n"));
        RecordingLog first = new RecordingLog(true);
        KconfigResult fresh = resolver(true).resolve(fragments, first);
        assertTrue(Files.isRegularFile(record()));

        RecordingLog second = new RecordingLog(true);
        KconfigResult reused = resolver(true).resolve(fragments, second);

        assertTrue(second.at("DEBUG").contains(REUSED), second.lines().toString());
        assertEquals(fresh, reused);
        List<String> withoutDebug =
                second.lines().stream().filter(l -> !l.startsWith("DEBUG")).toList();
        assertEquals(first.lines().stream().filter(l -> !l.startsWith("DEBUG")).toList(), withoutDebug);
        assertEquals(2, withoutDebug.stream().filter(l -> l.startsWith("WARN")).count(), withoutDebug.toString());
    }

    @Test
    void aChangedKconfigFileFragmentOrEnvironmentIsEvaluatedAgain() throws Exception {
        write("config LOOPS\n\tint \"Loops\"\n\tdefault 10\n");
        resolver(true).resolve(List.of(fragment("")), new RecordingLog(true));

        write("config LOOPS\n\tint \"Loops\"\n\tdefault 11\n");
        RecordingLog log = new RecordingLog(true);
        assertEquals(
                "11",
                resolver(true)
                        .resolve(List.of(fragment("")), log)
                        .value("LOOPS")
                        .orElseThrow()
                        .text());
        assertFalse(log.at("DEBUG").contains(REUSED));

        log = new RecordingLog(true);
        assertEquals(
                "12",
                resolver(true)
                        .resolve(List.of(fragment("CONFIG_LOOPS=12\n")), log)
                        .value("LOOPS")
                        .orElseThrow()
                        .text());
        assertFalse(log.at("DEBUG").contains(REUSED));

        write("config LOOPS\n\tint \"Loops\"\n\tdefault \"$(BOARD)\"\n");
        resolver(true).resolve(List.of(fragment("")), new RecordingLog(true));
        log = new RecordingLog(true);
        KconfigResult other = resolver(true, Map.of("BOARD", "13")).resolve(List.of(fragment("")), log);
        assertEquals("13", other.value("LOOPS").orElseThrow().text());
        assertFalse(log.at("DEBUG").contains(REUSED));
    }

    @Test
    void aSourcedFileIsAnInputToo() throws Exception {
        write("rsource \"Kconfig.more\"\n");
        Files.writeString(root.resolve("app/Kconfig.more"), "config LOOPS\n\tint \"Loops\"\n\tdefault 10\n");
        resolver(true).resolve(List.of(fragment("")), new RecordingLog(true));
        Files.writeString(root.resolve("app/Kconfig.more"), "config LOOPS\n\tint \"Loops\"\n\tdefault 14\n");

        RecordingLog log = new RecordingLog(true);
        assertEquals(
                "14",
                resolver(true)
                        .resolve(List.of(fragment("")), log)
                        .value("LOOPS")
                        .orElseThrow()
                        .text());
        assertFalse(log.at("DEBUG").contains(REUSED));
    }

    @Test
    void aTreeWithAGlobOrOptionalSourceIsNeverRecorded() throws Exception {
        write("osource \"Kconfig.maybe\"\nconfig LOOPS\n\tint \"Loops\"\n\tdefault 10\n");
        resolver(true).resolve(List.of(fragment("")), new RecordingLog(true));
        assertFalse(Files.exists(record()));

        Files.createDirectories(root.resolve("app/extra"));
        Files.writeString(root.resolve("app/extra/a.kconfig"), "config A\n\tbool \"A\"\n");
        write("rsource \"extra/*.kconfig\"\nconfig LOOPS\n\tint \"Loops\"\n\tdefault 10\n");
        resolver(true).resolve(List.of(fragment("")), new RecordingLog(true));
        assertFalse(Files.exists(record()));
    }

    @Test
    void aDamagedRecordOrNoCodeIdentityMeansEvaluating() throws Exception {
        write("config LOOPS\n\tint \"Loops\"\n\tdefault 10\n");
        resolver(false).resolve(List.of(fragment("")), new RecordingLog(true));
        assertFalse(Files.exists(record()), "recorded without a code identity");

        resolver(true).resolve(List.of(fragment("")), new RecordingLog(true));
        String text = Files.readString(record());
        Files.writeString(record(), text.replace("CONFIG_LOOPS=10", "CONFIG_LOOPS=99"));
        RecordingLog log = new RecordingLog(true);
        KconfigResult result = resolver(true).resolve(List.of(fragment("")), log);
        assertFalse(log.at("DEBUG").contains(REUSED));
        assertEquals("CONFIG_LOOPS=10\n", result.dotConfigText());
    }

    private void write(String kconfig) throws Exception {
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/Kconfig"), kconfig);
    }

    private static FragmentSource fragment(String text) {
        return new FragmentSource("prj.conf", "app/prj.conf", text);
    }

    private EngineKconfigResolver resolver(boolean identity) {
        return resolver(identity, Map.of());
    }

    private EngineKconfigResolver resolver(boolean identity, Map<String, String> env) {
        ImageKconfigSetup setup = new ImageKconfigSetup(
                "app",
                new KconfigRoot(root.resolve("app/Kconfig"), root, "app/Kconfig"),
                new TreeMap<>(env),
                new ProjectLayout(root),
                false);
        return new EngineKconfigResolver(
                setup,
                Optional.of(record()),
                new KconfigRecord(identity ? Optional.of("test code") : Optional.empty()));
    }
}
