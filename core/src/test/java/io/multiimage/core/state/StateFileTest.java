package io.multiimage.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record is believed only when it is exactly what this code wrote; anything else reads as absent. */
class StateFileTest {

    @TempDir
    Path dir;

    private static final List<String> LINES = List.of("input\t.config\tabc", "output\tapp.hex\tdef", "Grüße\tü");

    @Test
    void aRecordReadsBackAsWritten() throws Exception {
        Path file = dir.resolve(".state/build.record");
        assertTrue(StateFile.write(file, "step", LINES));
        assertEquals(Optional.of(LINES), StateFile.read(file, "step"));
        assertFalse(StateFile.write(file, "step", LINES), "an identical record is not rewritten");
        assertEquals(Optional.empty(), StateFile.read(file, "assemble"), "another kind of record");
        assertEquals(Optional.empty(), StateFile.read(dir.resolve("missing"), "step"));
    }

    @Test
    void aRecordCutAtAnyByteReadsAsAbsent() throws Exception {
        Path file = dir.resolve("r");
        StateFile.write(file, "step", LINES);
        byte[] whole = Files.readAllBytes(file);
        for (int length = 0; length < whole.length; length++) {
            Files.write(file, Arrays.copyOf(whole, length));
            assertEquals(Optional.empty(), StateFile.read(file, "step"), "cut at " + length);
        }
    }

    @Test
    void anyChangedByteReadsAsAbsentAndTheRecordIsRewritten() throws Exception {
        Path file = dir.resolve("r");
        StateFile.write(file, "step", LINES);
        byte[] whole = Files.readAllBytes(file);
        for (int i = 0; i < whole.length; i++) {
            byte[] changed = whole.clone();
            changed[i] = (byte) (changed[i] == (byte) 0xff ? 0x20 : 0xff); // 0xff is never valid UTF-8
            Files.write(file, changed);
            assertEquals(Optional.empty(), StateFile.read(file, "step"), "byte " + i);
            assertTrue(StateFile.write(file, "step", LINES));
            assertEquals(Optional.of(LINES), StateFile.read(file, "step"));
        }
    }

    @Test
    void aDirectoryInPlaceOfTheRecordReadsAsAbsent() throws Exception {
        Path file = dir.resolve("r");
        Files.createDirectories(file);
        assertEquals(Optional.empty(), StateFile.read(file, "step"));
    }

    @Test
    void aLineBreakInALineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StateFile.write(dir.resolve("r"), "step", List.of("a\nb")));
    }
}
