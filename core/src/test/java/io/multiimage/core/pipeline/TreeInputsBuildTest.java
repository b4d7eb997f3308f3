package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.state.Fingerprint;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the real compiler: the inputs stated before building are the inputs the build step
 * compares and records in {@code build-info.json}, and stating them changes nothing a build then
 * finds (it stays a no-op build).
 */
@Tag("tools")
class TreeInputsBuildTest {

    @TempDir
    Path project;

    @Test
    void theStatedInputsAreTheBuildStepsOwnAndStatingThemRebuildsNothing() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Samples.copy("secure-boot", project);
        BuildRequest request = Samples.secureBootRequest(project, new BuildOptions(false, 2, false, Optional.empty()));

        TreeInputs stated = firmwareBuild().inputs(request);
        BuildResult built = firmwareBuild().run(request);

        for (BuiltImage image : built.images()) {
            Map<String, String> entries =
                    new TreeMap<>(stated.image(image.name()).orElseThrow().entries());
            entries.keySet().removeIf(name -> name.startsWith("read:"));
            assertEquals(image.inputs(), entries, image.name() + ": the build step's inputs");
            // .config counts as the text it is written from: the same sha256 as the file.
            Path dotConfig = image.hex().orElseThrow().resolveSibling(".config");
            assertEquals(Fingerprint.sha256(dotConfig), image.inputs().get(".config"));
        }
        firmwareBuild().inputs(request);
        BuildResult again = firmwareBuild().run(request);
        assertTrue(again.images().stream().allMatch(BuiltImage::upToDate), "still a no-op build");
    }

    private static FirmwareBuild firmwareBuild() {
        return new FirmwareBuild(
                new RecordingLog(), new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"));
    }
}
