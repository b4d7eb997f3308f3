package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.state.DevicetreeMemo;
import io.multiimage.core.state.DevicetreeRecord;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image's devicetree is merged again only when something it read changed: the record of
 * its last merge stands in for the merge otherwise, across builds (and JVMs).
 */
class DevicetreeRecordTest {

    private static final String UNCHANGED = "app: devicetree inputs unchanged since the last build";

    @TempDir
    Path project;

    private ConfiguredImage app;
    private Path imageDir;

    @BeforeEach
    void configure() throws Exception {
        Files.createDirectories(project.resolve("app"));
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_MARKER=y\n");
        writeOverlay(0x8000);
        configureFor("qemu_cortex_m3");
    }

    private void configureFor(String board) throws Exception {
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project),
                        "app",
                        List.of(ImageDeclaration.builder("app", project.resolve("app"))
                                .board(board)
                                .build()),
                        project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 1, false, Optional.empty()))
                .build();
        app = new FirmwareBuild(new RecordingLog(), new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .prepare(request)
                .images()
                .get("app");
        imageDir = project.resolve("out/app");
        Files.createDirectories(imageDir);
    }

    private void writeOverlay(int sramSize) throws Exception {
        Files.writeString(
                project.resolve("app/app.overlay"),
                String.format("&sram0 {%n\treg = <0x20000000 0x%05x>;%n};%n", sramSize));
    }

    /** Runs the stage as a build in its own JVM would: records kept for the code identity given. */
    private MemoryFacts run(String codeIdentity, RecordingLog log) throws Exception {
        return new DevicetreeStage(new DevicetreeRecord(Optional.of(codeIdentity)), new DevicetreeMemo())
                .run(app, imageDir, log);
    }

    @Test
    void aSecondBuildTakesTheRecordedFactsWithoutMerging() throws Exception {
        RecordingLog first = new RecordingLog();
        MemoryFacts merged = run("code-1", first);
        assertFalse(first.lines().toString().contains(UNCHANGED));
        assertEquals(0x8000, merged.sram().size());
        assertTrue(Files.isRegularFile(imageDir.resolve(".state/devicetree")));
        String dts = Files.readString(imageDir.resolve("zephyr.dts"));

        RecordingLog second = new RecordingLog();
        assertEquals(merged, run("code-1", second));
        assertTrue(second.at("DEBUG").contains(UNCHANGED), second.lines().toString());
        assertTrue(
                second.at("INFO").stream().anyMatch(line -> line.startsWith("Devicetree: merged overlay")),
                "the log reads as for a merge");
        assertEquals(dts, Files.readString(imageDir.resolve("zephyr.dts")));
    }

    @Test
    void aChangedOverlayIsMergedAgain() throws Exception {
        run("code-1", new RecordingLog());
        writeOverlay(0x4000);
        Files.setLastModifiedTime(
                project.resolve("app/app.overlay"), FileTime.fromMillis(System.currentTimeMillis() + 5000));

        RecordingLog log = new RecordingLog();
        MemoryFacts facts = run("code-1", log);

        assertEquals(0x4000, facts.sram().size());
        assertFalse(log.lines().toString().contains(UNCHANGED));
        assertTrue(Files.readString(imageDir.resolve("zephyr.dts")).contains("0x4000"));
    }

    @Test
    void aChangeThatKeepsSizeAndTimeRightAfterTheRecordIsFoundByItsContent() throws Exception {
        run("code-1", new RecordingLog());
        Path overlay = project.resolve("app/app.overlay");
        FileTime before = Files.getLastModifiedTime(overlay);
        writeOverlay(0x4000); // same length as 0x8000
        Files.setLastModifiedTime(overlay, before);

        RecordingLog log = new RecordingLog();
        assertEquals(0x4000, run("code-1", log).sram().size());
        assertFalse(log.lines().toString().contains(UNCHANGED));
    }

    @Test
    void anOverlayRestoredWithItsOldSizeAndTimeLongAfterTheRecordIsMergedAgain() throws Exception {
        // As rsync -a, cp -p, tar or touch -r leave it: the same size and an old modification time
        // that is not racy. Only the inode change time (which nobody can set back) tells.
        Path overlay = project.resolve("app/app.overlay");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(overlay, old);
        run("code-1", new RecordingLog());
        Thread.sleep(20); // a later change time
        writeOverlay(0x4000); // same length as 0x8000
        Files.setLastModifiedTime(overlay, old);

        RecordingLog log = new RecordingLog();
        assertEquals(0x4000, run("code-1", log).sram().size());
        assertFalse(log.lines().toString().contains(UNCHANGED));
        assertTrue(Files.readString(imageDir.resolve("zephyr.dts")).contains("0x4000"));
    }

    @Test
    void anotherPluginBuildMergesAgain() throws Exception {
        run("code-1", new RecordingLog());
        RecordingLog log = new RecordingLog();
        run("code-2", log);
        assertFalse(log.lines().toString().contains(UNCHANGED));
    }

    @Test
    void anEditedZephyrDtsIsWrittenAgain() throws Exception {
        run("code-1", new RecordingLog());
        String dts = Files.readString(imageDir.resolve("zephyr.dts"));
        Files.writeString(imageDir.resolve("zephyr.dts"), "/dts-v1/;\n/ { };\n");

        RecordingLog log = new RecordingLog();
        run("code-1", log);

        assertFalse(log.lines().toString().contains(UNCHANGED));
        assertEquals(dts, Files.readString(imageDir.resolve("zephyr.dts")));
    }

    @Test
    void withoutACodeIdentityNothingIsRecorded() throws Exception {
        new DevicetreeStage(new DevicetreeRecord(Optional.empty()), new DevicetreeMemo())
                .run(app, imageDir, new RecordingLog());
        assertFalse(Files.exists(imageDir.resolve(".state/devicetree")));
    }

    @Test
    void anIncludeThatWouldNowBeFoundEarlierInThePathIsMergedAgain() throws Exception {
        // A project board: its include path is the project's boards/include, then the shipped one.
        Path shipped = ProjectPaths.root().resolve("core/src/main/resources/io/multiimage/core/boards");
        Path boardDir = Files.createDirectories(project.resolve("boards/myboard"));
        Files.writeString(
                boardDir.resolve("board.properties"),
                Files.readString(shipped.resolve("qemu_cortex_m3/board.properties"))
                        .replace("name=qemu_cortex_m3", "name=myboard"));
        Files.copy(shipped.resolve("qemu_cortex_m3/qemu_cortex_m3.dts"), boardDir.resolve("myboard.dts"));
        for (Path file : List.of(boardDir.resolve("board.properties"), boardDir.resolve("myboard.dts"))) {
            // Old files: the memo of this JVM and the record both trust their stamps.
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
        Files.createDirectories(project.resolve("boards/include"));
        Files.delete(project.resolve("app/app.overlay"));
        configureFor("myboard");
        assertEquals(64 * 1024, run("code-1", new RecordingLog()).sram().size());

        // The SoC file now also exists in the project's include directory, which is searched first.
        Path shadow =
                Files.createDirectories(project.resolve("boards/include/ti")).resolve("lm3s6965.dtsi");
        Files.writeString(
                shadow,
                Files.readString(shipped.resolve("include/ti/lm3s6965.dtsi"))
                        .replace("DT_SIZE_K(64)", "DT_SIZE_K(32)"));
        Files.setLastModifiedTime(shadow, FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        RecordingLog log = new RecordingLog();
        assertEquals(32 * 1024, run("code-1", log).sram().size());
        assertFalse(log.lines().toString().contains(UNCHANGED));
    }
}
