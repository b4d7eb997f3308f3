package io.multiimage.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several inputs read at once give exactly what reading them one by one gives, in input order. */
class ParallelReadsTest {

    @TempDir
    Path dir;

    private Path hexFile(String name, MemoryImage image) throws Exception {
        Path file = dir.resolve(name);
        IntelHex.write(image, file);
        return file;
    }

    private static MemoryImage image(long seed, long address, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        MemoryImage image = new MemoryImage();
        image.write(address, data);
        return image;
    }

    @Test
    void smallAndLargeInputsComeBackInInputOrder() throws Exception {
        List<MemoryImage> expected = List.of(
                image(1, 0x0, 48 << 10),
                image(2, 0x1000_0000L, 1 << 20), // about 2.9 MB of text: read by chunks
                image(3, 0xC000, 800 << 10),
                image(4, 0xFC000, 16 << 10));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            files.add(hexFile("in" + i + ".hex", expected.get(i)));
        }
        assertTrue(Files.size(files.get(1)) >= ParallelIntelHexReader.THRESHOLD, "one input must be large");

        List<ParallelReads.Outcome> outcomes = ParallelReads.readAll(files, IntelHex::read);

        for (int i = 0; i < expected.size(); i++) {
            assertEquals(files.get(i), outcomes.get(i).file());
            assertEquals(expected.get(i), outcomes.get(i).image(), "input " + i);
        }
        assertEquals(expected, IntelHex.readAll(files));
    }

    @Test
    void eachFailureStaysWithItsFileAndTheOtherFilesAreStillRead() throws Exception {
        Path good = hexFile("good.hex", image(5, 0x0, 4096));
        Path bad = dir.resolve("bad.hex");
        Files.writeString(bad, ":0100000041BE\n:00000001FE\n", StandardCharsets.US_ASCII);
        Path missing = dir.resolve("missing.hex");

        List<ParallelReads.Outcome> outcomes = ParallelReads.readAll(List.of(bad, good, missing), IntelHex::read);

        assertFalse(outcomes.get(0).ok());
        ImageFormatException format =
                assertInstanceOf(ImageFormatException.class, outcomes.get(0).failure());
        assertEquals(2, format.getLine());
        assertTrue(outcomes.get(1).ok());
        assertEquals(image(5, 0x0, 4096), outcomes.get(1).image());
        assertInstanceOf(NoSuchFileException.class, outcomes.get(2).failure());
    }

    @Test
    void readAllReportsTheProblemsOfEveryBadFileInInputOrder() throws Exception {
        Path first = dir.resolve("first.hex");
        Files.writeString(first, ":0100000041BF\n:00000001FF\n", StandardCharsets.US_ASCII);
        Path good = hexFile("good.hex", image(6, 0x0, 64));
        Path second = dir.resolve("second.hex");
        Files.writeString(second, ":0100000041\n", StandardCharsets.US_ASCII);

        ImageFormatException e =
                assertThrows(ImageFormatException.class, () -> IntelHex.readAll(List.of(first, good, second)));

        List<String> sources =
                e.problems().stream().map(Problem::source).distinct().toList();
        assertEquals(List.of(first.toString(), second.toString()), sources);
    }

    @Test
    void readAllThrowsTheFirstUnreadableFileWhenNoneIsMalformed() throws Exception {
        Path good = hexFile("good.hex", image(7, 0x0, 64));
        Path missing = dir.resolve("missing.hex");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> IntelHex.readAll(List.of(good, missing)));
        assertEquals(missing.toString(), e.getFile());
    }

    @Test
    void aLargeFileReadOnAWorkerThreadDoesNotWaitForTheBusyWorkers() throws Exception {
        // Occupy every worker with a read of a large file: if those reads queued their chunks
        // behind themselves on the same workers, none could ever finish.
        Path large = hexFile("large.hex", image(8, 0x2000_0000L, 1 << 20));
        assertTrue(Files.size(large) >= ParallelIntelHexReader.THRESHOLD);
        MemoryImage expected = image(8, 0x2000_0000L, 1 << 20);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<Future<MemoryImage>> reads = new ArrayList<>();
            for (int i = 0; i < Workers.THREADS + 1; i++) {
                reads.add(Workers.pool().submit(() -> IntelHex.read(large)));
            }
            for (Future<MemoryImage> read : reads) {
                assertEquals(expected, read.get());
            }
        });
    }
}
