package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged record of the build's own bookkeeping means "redo the step": never an error, never
 * believed in part (believing one half of a record would call old firmware up to date); an
 * output deleted while its record survives is built again.
 */
@Tag("tools")
class DamagedRecordsTest {

    @TempDir
    Path project;

    private Path record;
    private byte[] mergedBefore;

    @BeforeEach
    void buildOnce() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Samples.copy("secure-boot", project);
        build(new RecordingLog());
        record = project.resolve("app/target/firmware/app/.state/build.record");
        assertTrue(Files.isRegularFile(record));
        mergedBefore = Files.readAllBytes(project.resolve("app/target/firmware/merged.hex"));
    }

    @Test
    void aNonUtf8ByteInARecordRebuildsThatImage() throws Exception {
        byte[] bytes = Files.readAllBytes(record);
        bytes[bytes.length / 2] = (byte) 0xff;
        Files.write(record, bytes);
        assertRebuildsAppOnly();
    }

    @Test
    void aRecordCutAtALineEndRebuildsThatImage() throws Exception {
        byte[] bytes = Files.readAllBytes(record);
        int cut = bytes.length - 2;
        while (bytes[cut] != '\n') {
            cut--;
        }
        Files.write(record, Arrays.copyOf(bytes, cut + 1));
        assertRebuildsAppOnly();
    }

    @Test
    void aDeletedElfMapLinkerScriptOrObjectIsRestored() throws Exception {
        Path dir = project.resolve("app/target/firmware/app");
        for (String output : List.of("app.elf", "app.map", "app.ld", "obj/main.c.o")) {
            Files.delete(dir.resolve(output));
            assertRebuildsAppOnly("output " + output + " is missing");
            assertTrue(Files.isRegularFile(dir.resolve(output)), output + " restored");
        }
    }

    private void assertRebuildsAppOnly() throws Exception {
        assertRebuildsAppOnly("the record of the last build is incomplete or damaged");
    }

    private void assertRebuildsAppOnly(String reason) throws Exception {
        RecordingLog log = new RecordingLog();
        build(log);
        assertTrue(
                log.lines().stream().anyMatch(l -> l.contains("app: building from source")),
                log.lines().toString());
        assertTrue(
                log.lines().stream().anyMatch(l -> l.contains("[explain] app: building because " + reason)),
                log.lines().toString());
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("mcuboot: building from source")));
        assertArrayEquals(mergedBefore, Files.readAllBytes(project.resolve("app/target/firmware/merged.hex")));
    }

    private void build(RecordingLog log) throws Exception {
        BuildRequest request =
                Samples.secureBootRequest(project, new BuildOptions(false, 2, true, java.util.Optional.empty()));
        new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none")).run(request);
    }
}
