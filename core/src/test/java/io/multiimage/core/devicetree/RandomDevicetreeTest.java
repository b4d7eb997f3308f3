package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests on generated input: for every seed, our result and dtc's agree. Either
 * both accept the input and print byte-identical trees, or both reject it.
 */
class RandomDevicetreeTest {

    private static int accepted;
    private static int total;

    @TempDir
    Path work;

    static LongStream seeds() {
        // -Ddts.randomSeeds=N runs a longer search locally; the build runs 60
        return LongStream.range(0, Long.getLong("dts.randomSeeds", 60));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBoardsAndOverlaysMergeLikeDtc(long seed) throws Exception {
        RandomSource source = new RandomSource(seed);
        Path board = Files.writeString(work.resolve("board.dts"), source.board());
        List<Path> overlays = new ArrayList<>();
        int count = (int) (seed % 4);
        for (int i = 0; i < count; i++) {
            overlays.add(Files.writeString(work.resolve(i + ".overlay"), source.overlay()));
        }
        compare(board, overlays);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomPropertyValuesPrintLikeDtc(long seed) throws Exception {
        RandomSource source = new RandomSource(1000 + seed);
        StringBuilder text = new StringBuilder("/dts-v1/;\n\n/ {\n");
        text.append("\ttarget: t@1 {\n\t\tx = <1>;\n\t};\n");
        text.append("};\n\n&target {\n");
        for (int i = 0; i < 12; i++) {
            text.append("\tv").append(i).append(" = ").append(source.value()).append(";\n");
        }
        text.append("};\n");
        Path board = Files.writeString(work.resolve("values.dts"), text.toString());
        compare(board, List.of());
    }

    private void compare(Path board, List<Path> overlays) throws Exception {
        ReferenceTools.Result reference = Dtc.run(board, overlays, List.of(), false, work);
        synchronized (RandomDevicetreeTest.class) {
            total++;
        }
        DeviceTree tree;
        try {
            tree = new DevicetreeMerger().merge(board, overlays, List.of());
        } catch (DevicetreeException e) {
            if (reference.exitCode() == 0) {
                fail("we rejected what dtc accepts: " + e.getMessage() + "\n" + dump(board, overlays));
            }
            return;
        }
        if (reference.exitCode() != 0) {
            fail("dtc rejected what we accept: " + reference.stderr() + "\n" + dump(board, overlays));
        }
        synchronized (RandomDevicetreeTest.class) {
            accepted++;
        }
        assertEquals(reference.stdout(), DtsWriter.toDts(tree), () -> dump(board, overlays));
    }

    @AfterAll
    static void mostGeneratedInputsAreValid() {
        // a generator that only produced errors would compare nothing but exit codes
        assertTrue(accepted * 2 > total, "only " + accepted + " of " + total + " generated inputs were valid");
    }

    private static String dump(Path board, List<Path> overlays) {
        StringBuilder out = new StringBuilder("--- board\n").append(Fixtures.read(board));
        for (Path overlay : overlays) {
            out.append("--- ").append(overlay.getFileName()).append('\n').append(Fixtures.read(overlay));
        }
        return out.toString();
    }
}
