package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    /** A build-info.json as a build with memory figures writes it. */
    static final String WITH_MEMORY = """
            {
              "format" : 1,
              "images" : [
                {
                  "name" : "app",
                  "domain" : "CPUAPP",
                  "strategy" : "from-source",
                  "partition" : { "name" : "app", "address" : "0x14000", "size" : "0x2c000", "static" : false },
                  "inputs" : { },
                  "outputs" : { },
                  "memory" : { "source" : "elf", "flashUsed" : 723, "flashSize" : 180224, "ramUsed" : 8, "ramSize" : 65536 }
                },
                {
                  "name" : "net",
                  "domain" : "CPUNET",
                  "strategy" : "use-hex",
                  "partition" : { "name" : "net", "address" : "0x1000000", "size" : "0x40000", "static" : true },
                  "memory" : { "source" : "hex", "flashUsed" : 300, "flashSize" : 262144 }
                }
              ],
              "merged" : { },
              "layout" : {
                "CPUAPP" : { "mcuboot" : { "address" : "0x0", "size" : "0x14000" }, "app" : { "address" : "0x14000", "size" : "0x2c000" } },
                "CPUNET" : { "net" : { "address" : "0x1000000", "size" : "0x40000" } }
              }
            }
            """;

    @Test
    void readsEveryImagesFiguresAndEveryDomainsPartitions() throws Exception {
        Baseline baseline = Baseline.parse(WITH_MEMORY, "com.acme:app:1.0.0", "build-info.json");

        assertEquals(
                new Baseline.Image("app", "CPUAPP", Optional.of(723L), Optional.of(8L)),
                baseline.images().get("app"));
        assertEquals(
                new Baseline.Image("net", "CPUNET", Optional.of(300L), Optional.empty()),
                baseline.images().get("net"));
        assertEquals(
                Map.of(
                        "CPUAPP",
                        Map.of("mcuboot", new PartitionFacts(0, 0x14000), "app", new PartitionFacts(0x14000, 0x2c000)),
                        "CPUNET",
                        Map.of("net", new PartitionFacts(0x1000000, 0x40000))),
                baseline.layout());
        assertTrue(baseline.hasMemoryFigures());
    }

    @Test
    void anOlderBuildInfoGivesItsImagesPartitionsButNoFigures() throws Exception {
        String old = WITH_MEMORY
                .replaceAll("(?m)^ *\"memory\" : .*$", "\"x\" : 0")
                .replaceAll("(?s),\\s*\"layout\" : \\{.*\\}\\s*\\}\\s*$", "}");

        Baseline baseline = Baseline.parse(old, "old", "build-info.json");

        assertFalse(baseline.hasMemoryFigures());
        assertEquals(Optional.empty(), baseline.images().get("app").flashUsed());
        assertEquals(
                Map.of(
                        "CPUAPP",
                        Map.of("app", new PartitionFacts(0x14000, 0x2c000)),
                        "CPUNET",
                        Map.of("net", new PartitionFacts(0x1000000, 0x40000))),
                baseline.layout());
    }

    @Test
    void aFileThatIsNotABuildInfoIsRefusedNamingIt() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> Baseline.parse("{ \"images\" : 3 }", "com.acme:app:1.0.0", "/repo/app-1.0.0-build-info.json"));

        assertEquals(
                "Baseline com.acme:app:1.0.0: /repo/app-1.0.0-build-info.json is not a build-info.json (expected"
                        + " an object with an \"images\" array)",
                e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLine() {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> Baseline.parse("{\n\"images\" : [\n}", "b", "build-info.json"));

        assertEquals("build-info.json:3:1: not valid JSON: unexpected '}' where a value was expected", e.getMessage());
    }

    @Test
    void aMissingFileSaysWhatToGive(@TempDir Path dir) {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class, () -> Baseline.read(dir.resolve("nope.json"), "nope.json"));

        assertEquals(
                "Baseline nope.json: " + dir.resolve("nope.json") + " does not exist; give the build-info.json"
                        + " of the build to compare with",
                e.getMessage());
        assertEquals(List.of(), List.of());
    }
}
