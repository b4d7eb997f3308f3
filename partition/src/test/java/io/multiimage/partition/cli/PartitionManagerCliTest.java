package io.multiimage.partition.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.testkit.JavaMain;
import io.multiimage.testkit.ReferenceTools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: arguments like the reference scripts, exit codes, no partial output. */
class PartitionManagerCliTest {

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PartitionManagerCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> place(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "place",
                "--input-files",
                dir.resolve("pm.yml").toString(),
                "--output-partitions",
                dir.resolve("partitions.yml").toString(),
                "--output-regions",
                dir.resolve("regions.yml").toString(),
                "--regions",
                "flash_primary",
                "--flash_primary-size",
                "0x10000",
                "--flash_primary-placement-strategy",
                "complex",
                "--flash_primary-device",
                "flash_controller"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void noArgumentsIsAUsageError() {
        Result r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().contains("usage: partition-manager place"));
    }

    @Test
    void unknownCommandAndMissingArgumentsAreUsageErrors(@TempDir Path dir) {
        assertEquals(2, run("shuffle").code());
        Result missing = run("place", "--input-files", "x.yml", "--output-partitions", "p.yml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("the following arguments are required: --output-regions"), missing.err());
        Result badInt = run(
                place(dir).stream().map(a -> a.equals("0x10000") ? "0xZZ" : a).toArray(String[]::new));
        assertEquals(2, badInt.code());
        assertTrue(badInt.err().contains("argument --flash_primary-size: invalid int value: '0xZZ'"), badInt.err());
        Result badStrategy = run(
                place(dir).stream().map(a -> a.equals("complex") ? "random" : a).toArray(String[]::new));
        assertEquals(2, badStrategy.code());
        assertTrue(badStrategy.err().contains("unknown placement strategy 'random'"), badStrategy.err());
        Result unknownOption = run(place(dir, "--flash_primary-colour", "red").toArray(String[]::new));
        assertEquals(2, unknownOption.code());
        assertTrue(unknownOption.err().contains("unrecognized arguments: --flash_primary-colour"), unknownOption.err());
    }

    @Test
    void placeAcceptsEqualsSyntaxAndWritesBothFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pm.yml"), "boot:\n  size: 0x1000\n  placement: {after: [start]}\n");
        List<String> args = new ArrayList<>(place(dir));
        args.set(args.indexOf("--flash_primary-size"), "--flash_primary-size=0x10000");
        args.remove("0x10000");
        Result r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("partitions.yml")).contains("app:\n  address: 0x1000\n"));
        assertTrue(Files.readString(dir.resolve("regions.yml")).contains("device: flash_controller"));
    }

    @Test
    void badInputExitsWithOneNamesPartitionAndFileAndWritesNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pm.yml"), "boot:\n  size: 0x20000\n  placement: {after: [start]}\n");
        Files.writeString(dir.resolve("regions.yml"), "old\n");
        Result r = run(place(dir).toArray(String[]::new));
        assertEquals(1, r.code());
        assertTrue(r.err().contains(dir.resolve("pm.yml") + ":1: NOT ENOUGH SPACE in region 'flash_primary'"), r.err());
        assertTrue(r.err().contains("Partitions that do not fit: boot"), r.err());
        assertFalse(r.err().contains("at io.multiimage"), "no stack trace");
        assertFalse(Files.exists(dir.resolve("partitions.yml")));
        assertEquals("old\n", Files.readString(dir.resolve("regions.yml")), "existing output untouched");
    }

    @Test
    void missingInputFilesAreSkippedLikeTheReference(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pm.yml"), "");
        List<String> args = place(dir);
        args.add(args.indexOf("--output-partitions"), dir.resolve("absent.yml").toString());
        Result r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("absent.yml does not exist; skipped"), r.err());
    }

    @Test
    void outputWritesConfigAndHeadersOrNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pm.yml"), "boot:\n  size: 0x1000\n  placement: {after: [start]}\n");
        assertEquals(0, run(place(dir).toArray(String[]::new)).code());
        Files.writeString(
                dir.resolve("partitions.yml"),
                Files.readString(dir.resolve("partitions.yml"))
                        + "sram_primary:\n  address: 0x20000000\n  end_address: 0x20001000\n  region: sram_primary\n"
                        + "  size: 0x1000\n");
        Files.writeString(
                dir.resolve("regions.yml"),
                Files.readString(dir.resolve("regions.yml"))
                        + "sram_primary:\n  base_address: 0x20000000\n  name: sram_primary\n  size: 0x1000\n");
        String p = dir.resolve("partitions.yml").toString();
        String g = dir.resolve("regions.yml").toString();
        Result ok = run(
                "output",
                "--input-partitions",
                p,
                "--input-regions",
                g,
                "--config-file",
                dir.resolve("pm.config").toString(),
                "--images",
                ":boot",
                "--header-files",
                dir.resolve("pm_config.h").toString());
        assertEquals(0, ok.code(), ok.err());
        String header = Files.readString(dir.resolve("pm_config.h"));
        assertTrue(header.contains("#ifndef PM_CONFIG_H__\n"));
        assertTrue(
                header.endsWith("#define PM_ADDRESS 0x0\n#define PM_SIZE 0x1000\n#define PM_SRAM_ADDRESS 0x20000000\n"
                        + "#define PM_SRAM_SIZE 0x1000\n#endif /* PM_CONFIG_H__ */"));
        assertTrue(Files.readString(dir.resolve("pm.config")).startsWith("PM_BOOT_OFFSET=0x0\n"));

        Result bad = run(
                "output",
                "--input-partitions",
                p,
                "--input-regions",
                g,
                "--config-file",
                dir.resolve("pm2.config").toString(),
                "--images",
                ":nope",
                "--header-files",
                dir.resolve("pm2.h").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("unknown partition 'nope'"), bad.err());
        assertFalse(Files.exists(dir.resolve("pm2.config")), "nothing written when one output fails");
    }

    @Test
    void reportPrintsTheMemoryMapAndDrawsIt(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("pm.yml"),
                "boot:\n  size: 0x1000\n  placement: {after: [start]}\n"
                        + "slot:\n  span: [app]\nstore:\n  size: 0x1000\n  placement: {before: [end], align: {start: 0x4000}}\n");
        assertEquals(0, run(place(dir).toArray(String[]::new)).code());
        Result r = run(
                "report",
                "-i",
                dir.resolve("partitions.yml").toString(),
                "--input-regions",
                dir.resolve("regions.yml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("region flash_primary [0x0, 0x10000) 0x10000 bytes (64 kB)"), r.out());
        assertTrue(
                r.out().contains("0x1000       0xc000       0xb000     container  68.8%  + slot spans app"), r.out());
        assertTrue(r.out().contains("0xd000       0x10000      0x3000     align-gap  18.8%  | EMPTY_0"), r.out());
        Path svg = dir.resolve("map.svg");
        Result s = run("report", "-i", dir.resolve("partitions.yml").toString(), "--svg", svg.toString());
        assertEquals(0, s.code(), s.err());
        String drawing = Files.readString(svg);
        assertTrue(drawing.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(drawing.contains("<title>store 0xc000-0xd000 (0x1000)</title>"), drawing);
    }

    @Test
    void deeplyNestedInputFailsWithOneLineInProcess(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pm.yml"), "boot: " + "[".repeat(100_000) + "\n");
        Result r = run(place(dir).toArray(String[]::new));
        assertEquals(1, r.code());
        assertEquals(
                "Partition manager failed: " + dir.resolve("pm.yml") + ":1: nesting deeper than 1000 levels\n",
                r.err());
        assertFalse(Files.exists(dir.resolve("partitions.yml")));
    }

    @Test
    void deeplyNestedInputFailsWithOneLineInAFreshJvm(@TempDir Path dir) throws Exception {
        // the launcher's JVM, with its default stack: no StackOverflowError, no stack trace
        Files.writeString(dir.resolve("pm.yml"), "boot: " + "[".repeat(100_000) + "\n");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        Files.writeString(dir.resolve("pm_static.yml"), block.toString());
        ReferenceTools.Result flow = JavaMain.run(PartitionManagerCli.class, place(dir), dir, 120);
        assertEquals(1, flow.exitCode(), flow.stderr());
        assertEquals(
                "Partition manager failed: " + dir.resolve("pm.yml") + ":1: nesting deeper than 1000 levels\n",
                flow.stderr());
        Files.writeString(dir.resolve("pm.yml"), "");
        ReferenceTools.Result nested = JavaMain.run(
                PartitionManagerCli.class,
                place(dir, "--static-config", dir.resolve("pm_static.yml").toString()),
                dir,
                120);
        assertEquals(1, nested.exitCode(), nested.stderr());
        assertEquals(
                "Partition manager failed: " + dir.resolve("pm_static.yml") + ":1002: nesting deeper than 1000"
                        + " levels\n",
                nested.stderr());
    }

    @Test
    void misspeltKeyFailsNamingFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pm.yml"), "boot:\n  sizee: 0x1000\n  placement: {after: [start]}\n");
        Result r = run(place(dir).toArray(String[]::new));
        assertEquals(1, r.code());
        assertTrue(
                r.err()
                        .startsWith("Partition manager failed: " + dir.resolve("pm.yml") + ":2: partition 'boot':"
                                + " unknown key 'sizee'; did you mean 'size'?"),
                r.err());
        assertEquals(1, r.err().lines().count());
    }
}
