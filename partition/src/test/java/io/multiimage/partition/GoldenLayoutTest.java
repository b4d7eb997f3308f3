package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden case (the spec's worked examples and realistic NCS configurations) run through
 * the drop-in CLI, all outputs compared byte for byte with what the reference scripts wrote.
 */
class GoldenLayoutTest {

    static List<String> cases() {
        return Golden.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsAreByteIdenticalToTheReference(String name, @TempDir Path out) throws IOException {
        Golden.runCli(name, out);
        Golden.assertOutputsMatch(name, out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameInputGivesSameBytes(String name, @TempDir Path tmp) throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Golden.runCli(name, a);
        Golden.runCli(name, b);
        try (var files = Files.list(a)) {
            for (Path f : files.toList()) {
                assertEquals(Files.readString(f), Files.readString(b.resolve(f.getFileName())), f.toString());
            }
        }
    }

    @Test
    void everyWorkedExampleOfTheSpecIsCovered() {
        List<String> all = cases();
        for (String example : List.of(
                "spec-8.1-alignment",
                "spec-8.2-ab-slots",
                "spec-8.3-simple-regions",
                "spec-8.4a-static-gap",
                "spec-8.4b-two-domains")) {
            assertEquals(true, all.contains(example), example);
        }
    }

    @Test
    void nestedContainersAreWrittenInAddressOrder(@TempDir Path out) throws IOException {
        Golden.runCli("spec-8.2-ab-slots", out);
        String yaml = Files.readString(out.resolve("partitions.yml"));
        // slot_a = [slot_a_hdr @0x7000, app @0x7100]
        assertEquals(
                true,
                yaml.contains("slot_a:\n  address: 0x7000\n  end_address: 0x43000\n  orig_span: &id001\n"
                        + "  - slot_a_hdr\n  - app\n"),
                yaml);
    }

    @Test
    void spanNormalisationOnlyTouchesTheNamedContainers() {
        String text = "a:\n  span:\n  - z\n  - b\nc:\n  span:\n  - z\n  - b\n";
        String n = Golden.normalise(text, Set.of("a"));
        assertEquals("a:\n  span:\n  - b\n  - z\nc:\n  span:\n  - z\n  - b\n", n);
        assertNotEquals(
                Golden.normalise("PM_A_SPAN=\"x y\"", Set.of()), Golden.normalise("PM_A_SPAN=\"y x\"", Set.of()));
        assertEquals(
                Golden.normalise("PM_A_SPAN=\"x y\"", Set.of("a")), Golden.normalise("PM_A_SPAN=\"y x\"", Set.of("a")));
    }
}
