package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexCoordinates;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prebuilt HEX files taken by coordinates are all resolved before anything is built: one failing
 * download never interrupts another, and every failure is reported at once.
 */
class PrebuiltFetchTest {

    @TempDir
    Path project;

    @Test
    void aFailedDownloadDoesNotInterruptTheOtherAndBothFailuresAreReportedAtOnce() throws Exception {
        Path fsblHex = project.resolve("fsbl.hex");
        MemoryImage fsbl = new MemoryImage();
        fsbl.write(0, new byte[] {1, 2, 3, 4});
        IntelHex.write(fsbl, fsblHex);
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        HexArtifactResolver resolver = coordinates -> {
            calls.add(coordinates.artifactId() + (Thread.currentThread().isInterrupted() ? " interrupted" : ""));
            try {
                Thread.sleep(50); // a download in progress: an interrupt here would tear it
            } catch (InterruptedException e) {
                calls.add(coordinates.artifactId() + " torn");
                Thread.currentThread().interrupt();
            }
            if (!coordinates.artifactId().equals("fsbl")) {
                throw new InvalidConfigurationException(
                        "Cannot resolve prebuilt HEX " + coordinates.describe() + ": not found");
            }
            return fsblHex;
        };

        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> build(resolver, "ssbl", "fsbl", "tsbl"));

        assertEquals(List.of("ssbl", "fsbl", "tsbl"), calls);
        assertEquals(
                "2 prebuilt images could not be resolved:\n"
                        + "  ssbl: Cannot resolve prebuilt HEX com.acme:ssbl:1.0: not found\n"
                        + "  tsbl: Cannot resolve prebuilt HEX com.acme:tsbl:1.0: not found",
                error.getMessage());
        assertEquals(Optional.of("ssbl"), error.culpritImage());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void oneFailureIsReportedAsItIs() {
        HexArtifactResolver resolver = coordinates -> {
            throw new InvalidConfigurationException("Cannot resolve prebuilt HEX " + coordinates.describe());
        };
        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> build(resolver, "ssbl"));
        assertEquals("Cannot resolve prebuilt HEX com.acme:ssbl:1.0", error.getMessage());
        assertTrue(error.culpritImage().isPresent());
    }

    private void build(HexArtifactResolver resolver, String... prebuilt) throws Exception {
        Files.createDirectories(project.resolve("app"));
        Files.writeString(project.resolve("app/prj.conf"), "CONFIG_X=y\n");
        StringBuilder statics = new StringBuilder();
        List<ImageDeclaration> declarations = new ArrayList<>();
        declarations.add(ImageDeclaration.builder("app", project.resolve("app"))
                .board("qemu_cortex_m3")
                .children(prebuilt)
                .build());
        long address = 0;
        for (String name : prebuilt) {
            statics.append(name)
                    .append(":\n  address: ")
                    .append(address)
                    .append("\n  size: 0x4000\n")
                    .append("  region: flash_primary\n");
            address += 0x4000;
            declarations.add(ImageDeclaration.builder(name, project.resolve("app"))
                    .withoutOwnDirectory()
                    .strategy(new BuildStrategy.UseHex(
                            new HexCoordinates("com.acme", name, "1.0", Optional.empty()), Optional.empty()))
                    .build());
        }
        Files.writeString(project.resolve("app/pm_static.yml"), statics.toString());
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .build();
        FirmwareBuild build = new FirmwareBuild(new RecordingLog(), new LocalProcessLauncher(), resolver);
        build.build(request, build.prepare(request));
    }
}
