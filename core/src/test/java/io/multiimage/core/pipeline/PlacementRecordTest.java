package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.state.StateFile;
import io.multiimage.core.testing.RecordingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The placement record: a no-op placement takes the layout, its warnings and the static names
 * from {@code .state/placement} (without parsing YAML: {@link NoOpPlacementLoadsNoYamlTest}); a change to any input — a preprocessed
 * {@code pm.yml}, the static layout, a region, the code — or a damaged record places again.
 *
 * <p>A recorded placement is told from a solved one by a marker: the test adds a warning to
 * the record, which only a placement taken from the record replays.
 */
class PlacementRecordTest {

    private static final String MARKER = "a warning only the record holds";

    @TempDir
    Path project;

    @BeforeEach
    void project() throws IOException {
        PlacementProject.create(project);
    }

    @Test
    void aNoOpTakesTheLayoutAndItsWarningsFromTheRecordAndRewritesNothing() throws Exception {
        RecordingLog first = new RecordingLog();
        PreparedTree placed = prepare(first, "code-1");
        List<String> warnings = first.at("WARN");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("unused")), warnings.toString());
        Map<Path, FileTime> before = layoutFileTimes();
        markRecord();

        RecordingLog second = new RecordingLog();
        PreparedTree again = prepare(second, "code-1");

        assertTrue(
                second.at("WARN").contains("the default domain: " + MARKER),
                second.lines().toString());
        List<String> replayed = new ArrayList<>(second.at("WARN"));
        replayed.remove("the default domain: " + MARKER);
        assertEquals(warnings, replayed);
        assertEquals(placed.placements(), again.placements());
        assertEquals(placed.domains(), again.domains());
        assertEquals(before, layoutFileTimes());
    }

    @Test
    void aChangedPreprocessedPmYmlPlacesAgain() throws Exception {
        long before = appAddress(prepare(new RecordingLog(), "code-1"));
        markRecord();
        // Only the configuration changes: the pm.yml text is the same, the preprocessed text is not.
        Files.writeString(project.resolve("mcuboot/prj.conf"), "CONFIG_PM_PARTITION_SIZE_MCUBOOT=0xc000\n");

        RecordingLog log = new RecordingLog();
        long after = appAddress(prepare(log, "code-1"));

        assertPlacedAgain(log);
        assertEquals(0x8000L, before);
        assertEquals(0xc000L, after);
    }

    @Test
    void aChangedStaticLayoutPlacesAgain() throws Exception {
        prepare(new RecordingLog(), "code-1");
        markRecord();
        Files.writeString(
                project.resolve("app/pm_static.yml"),
                PlacementProject.STATIC.replace("0x3e000", "0x3c000").replace("0x2000", "0x4000"));

        RecordingLog log = new RecordingLog();
        PreparedTree tree = prepare(log, "code-1");

        assertPlacedAgain(log);
        assertEquals(0x3c000L, tree.domains().get(0).partitions().get("storage").get("address"));
    }

    @Test
    void aChangedRegionPlacesAgain() throws Exception {
        prepare(new RecordingLog(), "code-1");
        markRecord();
        Files.writeString(project.resolve("app/app.overlay"), "&sram0 {\n\treg = <0x20000000 0x8000>;\n};\n");

        RecordingLog log = new RecordingLog();
        PreparedTree tree = prepare(log, "code-1");

        assertPlacedAgain(log);
        assertEquals(
                0x8000L, tree.domains().get(0).partitions().get("sram_primary").get("size"));
    }

    @Test
    void anotherBuildOfTheCodePlacesAgain() throws Exception {
        prepare(new RecordingLog(), "code-1");
        markRecord();

        RecordingLog log = new RecordingLog();
        prepare(log, "code-2");

        assertPlacedAgain(log);
    }

    @Test
    void aDamagedRecordPlacesAgainAndIsWrittenWhole() throws Exception {
        prepare(new RecordingLog(), "code-1");
        markRecord();
        Path record = PlacementProject.recordFile(project);
        byte[] whole = Files.readAllBytes(record);
        for (int cut : List.of(0, 20, whole.length / 2, whole.length - 1)) {
            Files.write(record, java.util.Arrays.copyOf(whole, cut));
            RecordingLog log = new RecordingLog();
            prepare(log, "code-1");
            assertPlacedAgain(log);
            assertTrue(StateFile.read(record, "placement").isPresent(), "cut at " + cut);
            markRecord();
        }
        Files.write(
                record,
                "# multiimage placement 2\nplaced\tgarbage\n".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.TRUNCATE_EXISTING);
        RecordingLog log = new RecordingLog();
        prepare(log, "code-1");
        assertPlacedAgain(log);
    }

    @Test
    void aDeletedLayoutFileIsWrittenAgainFromTheRecord() throws Exception {
        prepare(new RecordingLog(), "code-1");
        Path partitions = PlacementProject.outputDirectory(project).resolve("partitions.yml");
        String text = Files.readString(partitions);
        markRecord();
        Files.delete(partitions);
        Files.writeString(PlacementProject.outputDirectory(project).resolve("regions.yml"), "edited\n");

        RecordingLog log = new RecordingLog();
        prepare(log, "code-1");

        assertTrue(log.at("WARN").contains("the default domain: " + MARKER));
        assertEquals(text, Files.readString(partitions));
        assertTrue(Files.readString(PlacementProject.outputDirectory(project).resolve("regions.yml"))
                .contains("sram_primary:"));
    }

    @Test
    void withoutACodeIdentityNothingIsRecorded() throws Exception {
        PlacementProject.prepare(project, new RecordingLog(), Optional.empty());
        assertFalse(Files.exists(PlacementProject.recordFile(project)));
        assertTrue(Files.isRegularFile(PlacementProject.outputDirectory(project).resolve("partitions.yml")));
    }

    private PreparedTree prepare(RecordingLog log, String code) throws Exception {
        return PlacementProject.prepare(project, log, Optional.of(code));
    }

    /** Adds {@link #MARKER} to the record's warnings, as a record this code could have written. */
    private void markRecord() throws IOException {
        Path record = PlacementProject.recordFile(project);
        List<String> lines = new ArrayList<>(StateFile.read(record, "placement").orElseThrow());
        int firstPlaced = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("placed\tmap") || l.startsWith("placed\tlist"))
                .findFirst()
                .orElseThrow());
        lines.add(firstPlaced, "placed\twarning\t" + MARKER);
        StateFile.write(record, "placement", lines);
    }

    private static void assertPlacedAgain(RecordingLog log) {
        assertFalse(
                log.lines().stream().anyMatch(line -> line.contains(MARKER)),
                log.lines().toString());
    }

    private static long appAddress(PreparedTree tree) {
        return tree.placements().get("app").flash().origin();
    }

    private Map<Path, FileTime> layoutFileTimes() throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Stream.concat(
                Files.list(PlacementProject.outputDirectory(project)),
                Stream.of(PlacementProject.outputDirectory(project).resolve("mcuboot/pm_config.h")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
