package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the compiler read decides whether an image is up to date: a header outside the source
 * directory (found through -I in the toolchain arguments) and an included file of another suffix
 * are inputs like the sources.
 */
@Tag("tools")
class CompilerInputsTest {

    @TempDir
    Path project;

    private Path shared;
    private Path def;

    @BeforeEach
    void writeProject() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Path src = Files.createDirectories(project.resolve("app/src/main/c"));
        shared = Files.createDirectories(project.resolve("shared-include")).resolve("shared.h");
        Files.writeString(shared, "#define SHARED_VALUE 1\n");
        def = src.resolve("extra.def");
        Files.writeString(def, "#define EXTRA_VALUE 2\n");
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_APP=y\n");
        Files.writeString(src.resolve("main.c"), """
                #include "shared.h"
                #include "extra.def"
                typedef void (*vector_t)(void);
                extern unsigned int __stack_top__;
                __attribute__((used)) const int value = SHARED_VALUE + EXTRA_VALUE;
                void Reset_Handler(void) { volatile int copy = value; (void) copy; for (;;) { } }
                __attribute__((section(".isr_vector"), used)) const vector_t vector_table[2] = {
                    (vector_t) &__stack_top__, Reset_Handler };
                """);
    }

    @Test
    void anEditedHeaderOutsideTheSourceDirectoryRebuildsTheImage() throws Exception {
        byte[] first = build(new RecordingLog());
        edit(shared, "#define SHARED_VALUE 41\n");
        RecordingLog log = new RecordingLog();
        byte[] second = build(log);
        assertTrue(
                log.lines().stream().anyMatch(l -> l.contains("app: building from source")),
                log.lines().toString());
        // Named relative to the project, as the step record keeps it (a restored record checks this checkout).
        assertTrue(
                log.lines().stream()
                        .anyMatch(l ->
                                l.contains("because shared-include/shared.h changed (the last" + " build read it)")),
                log.lines().toString());
        assertFalse(java.util.Arrays.equals(first, second), "the new header's value must be in the image");
    }

    @Test
    void anEditedIncludedFileOfAnotherSuffixRebuildsTheImage() throws Exception {
        build(new RecordingLog());
        RecordingLog unchanged = new RecordingLog();
        build(unchanged);
        assertTrue(
                unchanged.lines().stream().anyMatch(l -> l.contains("app: up to date")),
                unchanged.lines().toString());
        edit(def, "#define EXTRA_VALUE 3\n");
        RecordingLog log = new RecordingLog();
        build(log);
        assertTrue(
                log.lines().stream().anyMatch(l -> l.contains("app: building from source")),
                log.lines().toString());
    }

    /** Writes {@code text} with the old modification time and size-independent content. */
    private static void edit(Path file, String text) throws Exception {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, before);
    }

    private byte[] build(RecordingLog log) throws Exception {
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project),
                        "app",
                        List.of(ImageDeclaration.builder("app", project.resolve("app"))
                                .board("qemu_cortex_m3")
                                .build()),
                        project.resolve("app/target/firmware"))
                .sources(Map.of(
                        "app",
                        new ImageSources(
                                project.resolve("app/src/main/c"),
                                Optional.empty(),
                                Optional.empty(),
                                List.of("-I" + project.resolve("shared-include")))))
                .options(new BuildOptions(false, 2, true, Optional.empty()))
                .build();
        BuildResult result = new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .run(request);
        return Files.readAllBytes(result.image("app").orElseThrow().hex().orElseThrow());
    }
}
