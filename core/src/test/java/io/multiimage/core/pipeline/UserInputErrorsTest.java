package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.OutputWriteException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unusual input gets a message naming the input, the file and what to do, not a bare I/O failure. */
@Tag("tools")
class UserInputErrorsTest {

    @TempDir
    Path project;

    @BeforeEach
    void copySample() throws Exception {
        Samples.copy("secure-boot", project);
    }

    @Test
    void aLatin1ByteInAFragmentNamesTheFileLineAndColumn() throws Exception {
        Files.write(
                project.resolve("app/prj.conf"), new byte[] {'#', ' ', 'G', 'r', (byte) 0xfc, (byte) 0xdf, 'e', '\n'});
        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> prepare(List.of(app().build())));
        assertEquals(
                "app/prj.conf:1:5: not UTF-8 text (byte 0xFC); save the file as UTF-8 (it was probably written as"
                        + " Latin-1 or another legacy encoding)",
                error.getMessage());
    }

    @Test
    void anImageNamedLikeAnOutputOfTheTreeIsRefused() {
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> prepare(List.of(
                        app().children("merged.hex").build(),
                        ImageDeclaration.builder("merged.hex", project.resolve("mcuboot"))
                                .build())));
        assertTrue(
                error.getMessage()
                        .startsWith("Image name 'merged.hex' cannot be used: its directory would sit beside"
                                + " the build's own outputs"),
                error.getMessage());
    }

    @Test
    void aVeryLongImageNameIsRefusedBeforeTheFileSystemDoes() {
        String name = "x".repeat(300);
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> prepare(List.of(
                        app().children(name).build(),
                        ImageDeclaration.builder(name, project.resolve("mcuboot"))
                                .build())));
        assertTrue(error.getMessage().contains("is 300 characters long"), error.getMessage());
    }

    @Test
    void aFileWhereTheStateDirectoryMustBeIsNamedWithWhatToDo() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Path state = project.resolve("app/target/firmware/app/.state");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "not a directory");
        List<ImageDeclaration> tree = List.of(app().build());
        OutputWriteException error = assertThrows(
                OutputWriteException.class,
                () -> new FirmwareBuild(
                                new RecordingLog(), new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                        .run(request(tree)));
        assertTrue(
                error.getMessage()
                        .contains(state + " is a file where a directory must be; delete it (.state holds the"
                                + " build's own bookkeeping, which is rebuilt) and build again"),
                error.getMessage());
    }

    @Test
    void aSourceLinkLeadingOutOfTheProjectIsRefusedNamingTheLink() throws Exception {
        Path outside = Files.createTempFile("outside", ".c");
        try {
            Files.writeString(outside, "int secret = 1;\n");
            Files.createSymbolicLink(project.resolve("app/src/main/c/passwd.c"), outside);
            InvalidConfigurationException error = assertThrows(
                    InvalidConfigurationException.class,
                    () -> new FirmwareBuild(
                                    new RecordingLog(),
                                    new LocalProcessLauncher(),
                                    HexArtifactResolver.unavailable("none"))
                            .run(request(List.of(app().build()))));
            assertEquals(
                    "Image 'app': app/src/main/c/passwd.c is a link to " + outside.toRealPath() + ", outside the"
                            + " project: an image is built from its project's files. Copy the file into the project, or name a"
                            + " header directory outside it with -I in the toolchain arguments",
                    error.getMessage());
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aSourceLinkInsideTheProjectIsFine() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Path shared = Files.createDirectories(project.resolve("shared"));
        Files.writeString(shared.resolve("extra.c"), "int extra_value = 2;\n");
        Files.createSymbolicLink(project.resolve("app/src/main/c/extra.c"), shared.resolve("extra.c"));
        new FirmwareBuild(new RecordingLog(), new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .run(request(List.of(app().build())));
    }

    private ImageDeclaration.Builder app() {
        return ImageDeclaration.builder("app", project.resolve("app")).board("qemu_cortex_m3");
    }

    private void prepare(List<ImageDeclaration> declarations) throws Exception {
        new FirmwareBuild(new RecordingLog(), new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .prepare(request(declarations));
    }

    private BuildRequest request(List<ImageDeclaration> declarations) {
        return BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .build();
    }
}
