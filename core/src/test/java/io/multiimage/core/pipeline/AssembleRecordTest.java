package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.state.AssembleRecord;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged files are merged again only when an image's HEX, its domain or a merged file changed. */
class AssembleRecordTest {

    @TempDir
    Path dir;

    private Path out;
    private List<BuiltImage> images;

    @BeforeEach
    void images() throws Exception {
        out = Files.createDirectories(dir.resolve("firmware"));
        images = List.of(image("boot", 0x0, 1), image("app", 0x4000, 2));
    }

    private BuiltImage image(String name, long address, int seed) throws Exception {
        MemoryImage data = new MemoryImage();
        byte[] bytes = new byte[256];
        new java.util.Random(seed).nextBytes(bytes);
        data.write(address, bytes);
        Path hex = Files.createDirectories(out.resolve(name)).resolve(name + ".hex");
        IntelHex.write(data, hex);
        ImagePlacement placement = new ImagePlacement(
                "CPUAPP", name, new MemoryRegion(address, 0x4000), 0x0, new MemoryRegion(0x20000000L, 0x1000), false);
        return new BuiltImage(
                name,
                placement,
                "from-source",
                "default",
                Optional.of(hex),
                Optional.empty(),
                true,
                Map.of(),
                Map.of(name + ".hex", Fingerprint.sha256(hex)));
    }

    private Map<String, Path> assemble(String code, RecordingLog log) throws Exception {
        return new AssembleStage(log, new AssembleRecord(Optional.of(code))).run("CPUAPP", images, out);
    }

    private static boolean wrote(RecordingLog log) {
        return log.at("INFO").stream().anyMatch(line -> line.startsWith("Wrote "));
    }

    @Test
    void anUnchangedMergeIsNotRedoneAndItsFilesStayAsTheyAre() throws Exception {
        RecordingLog first = new RecordingLog();
        Map<String, Path> merged = assemble("code-1", first);
        assertTrue(wrote(first));
        Files.setLastModifiedTime(merged.get("merged.hex"), FileTime.fromMillis(1_000_000));

        RecordingLog second = new RecordingLog();
        assertEquals(merged, assemble("code-1", second));

        assertFalse(wrote(second));
        assertEquals(FileTime.fromMillis(1_000_000), Files.getLastModifiedTime(merged.get("merged.hex")));
    }

    @Test
    void aChangedImageIsMergedAgain() throws Exception {
        Map<String, Path> merged = assemble("code-1", new RecordingLog());
        images = List.of(images.get(0), image("app", 0x4000, 3));

        RecordingLog log = new RecordingLog();
        assemble("code-1", log);

        assertTrue(wrote(log));
        MemoryImage now = IntelHex.read(merged.get("merged.hex"));
        assertArrayEquals(
                IntelHex.read(images.get(1).hex().orElseThrow()).read(0x4000, 256, (byte) 0),
                now.read(0x4000, 256, (byte) 0));
    }

    @Test
    void anEditedMergedFileIsWrittenAgain() throws Exception {
        Map<String, Path> merged = assemble("code-1", new RecordingLog());
        String original = Files.readString(merged.get("merged_domains.hex"));
        Files.writeString(merged.get("merged_domains.hex"), ":00000001FF\n");

        RecordingLog log = new RecordingLog();
        assemble("code-1", log);

        assertTrue(wrote(log));
        assertEquals(original, Files.readString(merged.get("merged_domains.hex")));
    }

    @Test
    void anotherPluginBuildMergesAgain() throws Exception {
        assemble("code-1", new RecordingLog());
        Files.delete(out.resolve("merged.hex"));
        RecordingLog log = new RecordingLog();
        assemble("code-2", log);
        assertTrue(wrote(log));
        assertTrue(Files.isRegularFile(out.resolve("merged.hex")));
    }

    @Test
    void withoutACodeIdentityNothingIsRecorded() throws Exception {
        new AssembleStage(new RecordingLog(), new AssembleRecord(Optional.empty())).run("CPUAPP", images, out);
        assertFalse(Files.exists(out.resolve(".state/assemble")));
    }
}
