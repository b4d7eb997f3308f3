package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under {@code devicetree/cases/} holds {@code board.dts}, overlays applied in
 * name order and {@code expected.dts}: the golden output, which is also what dtc 1.6.1 prints
 * for the same input (checked here against the installed dtc, never skipped).
 */
class DevicetreeCasesTest {

    @TempDir
    Path work;

    static List<String> cases() {
        return Fixtures.subdirectories("cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergedOutputMatchesTheGoldenFile(String name) throws Exception {
        Path dir = Fixtures.dir("cases/" + name);
        String ours = DtsWriter.toDts(merge(dir));
        assertEquals(Fixtures.read(dir.resolve("expected.dts")), ours);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mergedOutputIsByteIdenticalToDtc(String name) throws Exception {
        Path dir = Fixtures.dir("cases/" + name);
        List<Path> overlays = Fixtures.overlays(dir);
        String reference = Dtc.merged(dir.resolve("board.dts"), overlays, work);
        assertFalse(reference.isBlank());
        assertEquals(reference, DtsWriter.toDts(merge(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readingTheOutputAgainAgreesWithDtc(String name) throws Exception {
        // dtc's printed form is not always valid input again (e.g. "< <0x01>" for "<>, <1>");
        // whatever dtc makes of it, we must make the same: the same text, or an error too
        Path dir = Fixtures.dir("cases/" + name);
        Path written = work.resolve("zephyr.dts");
        DtsWriter.write(merge(dir), written);
        ReferenceTools.Result reference = Dtc.run(written, List.of(), List.of(), false, work);
        if (reference.exitCode() == 0) {
            assertEquals(reference.stdout(), DtsWriter.toDts(new DevicetreeMerger().parse(written, List.of())));
        } else {
            DevicetreeException error =
                    assertThrows(DevicetreeException.class, () -> new DevicetreeMerger().parse(written, List.of()));
            assertEquals(
                    Dtc.firstErrorLine(reference.stderr()),
                    error.location().orElseThrow().line());
        }
    }

    private static DeviceTree merge(Path dir) throws DevicetreeException {
        return new DevicetreeMerger().merge(dir.resolve("board.dts"), Fixtures.overlays(dir), List.of());
    }
}
