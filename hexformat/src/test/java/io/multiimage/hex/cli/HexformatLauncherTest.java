package io.multiimage.hex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.hex.ImageMerger;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.OverlapPolicy;
import io.multiimage.hex.StartPolicy;
import io.multiimage.testkit.ProjectPaths;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped launcher {@code bin/hexformat}, run the way a user runs it: a fresh JVM on the
 * CLI jar this build packaged (so these run in {@code verify}, after {@code package}).
 */
@Tag("tools")
class HexformatLauncherTest {

    private static final Path LAUNCHER = ProjectPaths.root().resolve("bin/hexformat");

    @TempDir
    Path dir;

    private Path low;
    private Path high;

    /** Two images big enough (4096 records each) for C1 to compile the record loops. */
    @BeforeEach
    void writeInputs() throws IOException {
        Random random = new Random(7);
        low = dir.resolve("low.hex");
        high = dir.resolve("high.hex");
        IntelHex.write(image(random, 0x0000_0000L), low);
        IntelHex.write(image(random, 0x0001_8000L), high);
    }

    private static MemoryImage image(Random random, long address) {
        byte[] data = new byte[0x1_0000];
        random.nextBytes(data);
        MemoryImage image = new MemoryImage();
        image.write(address, data, 0, data.length);
        return image;
    }

    @Test
    void mergesWhenStartedByARelativePathFromAnotherDirectory() throws Exception {
        String relative = dir.relativize(LAUNCHER).toString();

        ReferenceTools.run(List.of(relative, "merge", "-o", "merged.hex", "low.hex", "high.hex"), dir, 120)
                .assertSuccess();

        MemoryImage expected = new ImageMerger(OverlapPolicy.ERROR, StartPolicy.ERROR)
                .add("low", IntelHex.read(low))
                .add("high", IntelHex.read(high))
                .result();
        assertEquals(expected, IntelHex.read(dir.resolve("merged.hex")));
    }

    @Test
    void compilesTheHexDigitHelpersIntoTheRecordLoops() {
        // C1 inlines only methods of at most 35 bytecodes; the launcher forces Swar's helpers in.
        // One compiler thread, so that two compilations' decisions do not share a line.
        ReferenceTools.Result result = ReferenceTools.run(
                        List.of(LAUNCHER.toString(), "merge", "-o", "merged.hex", "low.hex", "high.hex"),
                        dir,
                        Map.of(
                                "HEXFORMAT_JAVA_OPTS",
                                "-XX:CICompilerCount=1 -XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining"),
                        120)
                .assertSuccess();

        List<String> decisions = result.stdout()
                .lines()
                .filter(line -> line.contains("io.multiimage.hex.Swar::"))
                .toList();
        assertFalse(decisions.isEmpty(), "no inlining decision about Swar was printed:\n" + result.stdout());
        for (String decision : decisions) {
            assertTrue(decision.contains("force inline by CompileCommand"), decision);
        }
    }
}
