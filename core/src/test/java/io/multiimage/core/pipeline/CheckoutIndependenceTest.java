package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same commit gives the same published bytes, ELF and map in any checkout directory. */
@Tag("tools")
class CheckoutIndependenceTest {

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void twoCheckoutsInDifferentDirectoriesProduceTheSameFiles() throws Exception {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Path a = first.resolve("checkout-a");
        Path b = second.resolve("somewhere/else/checkout-b");
        for (Path checkout : List.of(a, b)) {
            Samples.copy("secure-boot", checkout);
            build(checkout);
        }
        List<String> different = new ArrayList<>();
        for (String file : List.of(
                "build-info.json",
                MemoryReports.JSON_FILE,
                MemoryReports.HTML_FILE,
                "merged.hex",
                "app/app.elf",
                "app/app.map",
                "mcuboot/mcuboot.elf",
                "b0/b0.map",
                "app/app.hex")) {
            byte[] left = Files.readAllBytes(a.resolve("app/target/firmware").resolve(file));
            byte[] right = Files.readAllBytes(b.resolve("app/target/firmware").resolve(file));
            if (!java.util.Arrays.equals(left, right)) {
                different.add(file);
            }
        }
        assertEquals(List.of(), different);
    }

    private static void build(Path project) throws Exception {
        BuildRequest request = Samples.secureBootRequest(project, new BuildOptions(false, 2, false, Optional.empty()));
        new FirmwareBuild(new RecordingLog(), new LocalProcessLauncher(), HexArtifactResolver.unavailable("none"))
                .run(request);
    }
}
