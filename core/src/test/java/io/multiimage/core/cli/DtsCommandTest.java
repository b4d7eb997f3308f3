package io.multiimage.core.cli;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DtsCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path board;
    private Path overlay;

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(work.resolve("inc"));
        Files.writeString(work.resolve("inc/speed.h"), "#define SPEED 115200\n");
        board = Files.writeString(
                work.resolve("board.dts"),
                "/dts-v1/;\n#include <speed.h>\n/ {\n\tser: serial {\n\t\tstatus = \"disabled\";\n\t};\n};\n");
        overlay = Files.writeString(
                work.resolve("app.overlay"), "&ser {\n\tstatus = \"okay\";\n\tcurrent-speed = <SPEED>;\n};\n");
    }

    private static final String MERGED = "/dts-v1/;\n\n/ {\n\n\tser: serial {\n\t\tstatus = \"okay\";\n"
            + "\t\tcurrent-speed = <0x1c200>;\n\t};\n};\n";

    @Test
    void mergeWritesTheOutputFile() throws Exception {
        Path target = work.resolve("out/zephyr.dts");
        assertEquals(
                0,
                run(
                        "merge",
                        "-o",
                        target.toString(),
                        "-I",
                        work.resolve("inc").toString(),
                        board.toString(),
                        overlay.toString()));
        assertEquals(MERGED, Files.readString(target));
        assertEquals("", text(out));
        assertEquals("", text(err));
    }

    @Test
    void mergeToDashPrintsToStandardOutput() {
        assertEquals(0, run("merge", "-I" + work.resolve("inc"), "-o", "-", board.toString(), overlay.toString()));
        assertEquals(MERGED, text(out));
    }

    @Test
    void badInputExitsOneWithFileAndLineAndWritesNothing() throws Exception {
        Path broken = Files.writeString(work.resolve("broken.overlay"), "&ser {\n\tstatus = \"okay\"\n};\n");
        Path target = work.resolve("zephyr.dts");
        assertEquals(
                1,
                run(
                        "merge",
                        "-o",
                        target.toString(),
                        "-I",
                        work.resolve("inc").toString(),
                        board.toString(),
                        broken.toString()));
        assertEquals("error: " + broken + ":3: syntax error: expected ';' but found '}'\n", text(err));
        assertEquals("", text(out));
        assertFalse(Files.exists(target));
        try (Stream<Path> files = Files.list(work)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void failedMergeLeavesAnExistingOutputUntouched() throws Exception {
        Path target = Files.writeString(work.resolve("zephyr.dts"), "previous\n");
        assertEquals(1, run("merge", "-o", target.toString(), board.toString()));
        assertTrue(text(err).startsWith("error: " + board + ":2: cannot find #include file 'speed.h'"), text(err));
        assertEquals("previous\n", Files.readString(target));
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run());
        assertEquals(DtsCommand.USAGE + "\n", text(err));
        assertUsage(List.of("frobnicate"), "error: unknown dts command 'frobnicate'");
        assertUsage(List.of("merge", board.toString()), "error: dts merge needs -o OUT");
        assertUsage(List.of("merge", "-o", "x.dts"), "error: a board devicetree file is needed");
        assertUsage(List.of("facts"), "error: a board devicetree file is needed");
        assertUsage(List.of("facts", "-o", "x", "b.dts"), "error: unknown option '-o'");
        assertUsage(List.of("merge", "-o"), "error: option -o needs a value");
        assertUsage(List.of("merge", "--verbose", "-o", "x", "b.dts"), "error: unknown option '--verbose'");
        assertUsage(List.of("boards", "extra"), "error: unexpected argument 'extra' for dts boards");
    }

    @Test
    void boardsListsShippedAndProjectBoards() throws Exception {
        assertEquals(0, run("boards"));
        List<String> lines = text(out).lines().toList();
        assertEquals(11, lines.size());
        assertEquals(
                "mps2/an505                   CPUAPP  cortex-m33        fpv5-sp-d16  qemu:mps2-an505", lines.get(0));
        assertEquals(
                "mps2/an521/cpu0              CPU0    cortex-m33+nodsp  no-fpu       qemu:mps2-an521", lines.get(2));
        assertEquals(
                "mps2/an521/cpu1              CPU1    cortex-m33        fpv5-sp-d16  qemu:mps2-an521", lines.get(4));
        assertEquals("nrf52840dk/nrf52840          CPUAPP  cortex-m4         fpv4-sp-d16", lines.get(5));
        assertEquals("nrf5340dk/nrf5340/cpunet     CPUNET  cortex-m33+nodsp  no-fpu", lines.get(7));
        assertEquals(
                "qemu_cortex_m3               CPUAPP  cortex-m3         no-fpu       qemu:lm3s6965evb", lines.get(10));

        Path dir = Files.createDirectories(work.resolve("proj/boards/mine"));
        Files.writeString(dir.resolve("board.properties"), "name=mine\ncpu=cortex-m0plus\n");
        Files.writeString(dir.resolve("mine.dts"), "/dts-v1/;\n/ {\n};\n");
        out.reset();
        assertEquals(0, run("boards", "-p", work.resolve("proj").toString()));
        assertTrue(text(out).contains("mine                         CPUAPP  cortex-m0plus     no-fpu\n"), text(out));
    }

    @Test
    void factsPrintsWhatPlacementSees() throws Exception {
        Path qemu = io.multiimage.core.board.BoardCatalog.shipped()
                .lookup("qemu_cortex_m3")
                .dts();
        Path include = io.multiimage.core.board.BoardCatalog.shippedIncludeDir();
        assertEquals(0, run("facts", "-I", include.toString(), qemu.toString()));
        assertEquals(
                String.join(
                        "\n",
                        "flash: /soc/flash-controller@400fd000/flash@0 at 0x00000000 size 0x00040000",
                        "sram: /memory@20000000 at 0x20000000 size 0x00010000",
                        "code-partition: /soc/flash-controller@400fd000/flash@0/partitions/partition@8000",
                        "partitions of /soc/flash-controller@400fd000/flash@0 at 0x00000000:",
                        "  0x00000000 0x00008000 mcuboot (boot_partition) read-only",
                        "  0x00008000 0x0001a000 image-0 (slot0_partition)",
                        "  0x00022000 0x0001a000 image-1 (slot1_partition)",
                        "  0x0003c000 0x00002000 image-scratch (scratch_partition)",
                        "  0x0003e000 0x00002000 storage (storage_partition)",
                        ""),
                text(out));
    }

    @Test
    void factsWithoutChosenFlashExitsOne() {
        assertEquals(1, run("facts", "-I", work.resolve("inc").toString(), board.toString()));
        assertTrue(text(err).startsWith("error: " + board + ":3: the devicetree has no /chosen node"), text(err));
        assertEquals("", text(out));
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, run("help"));
        assertEquals(DtsCommand.USAGE + "\n", text(out));
    }

    private void assertUsage(List<String> args, String firstLine) {
        err.reset();
        assertEquals(2, run(args.toArray(String[]::new)));
        assertEquals(firstLine + "\n" + DtsCommand.USAGE + "\n", text(err));
    }

    private int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return DtsCommand.run(new ArrayList<>(List.of(args)), o, e);
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    private static String nestedNodes(int levels) {
        return "/dts-v1/;\n/ {\n" + "n {\n".repeat(levels) + "};\n".repeat(levels) + "};\n";
    }

    @Test
    void deeplyNestedSourceExitsOneWithOneLineInProcess() throws Exception {
        Path deep = Files.writeString(work.resolve("deep.dts"), nestedNodes(20_000));
        Path target = work.resolve("zephyr.dts");
        assertEquals(1, run("merge", "-o", target.toString(), deep.toString()));
        assertEquals("error: " + deep + ":1003: nesting deeper than 1000 levels\n", text(err));
        assertFalse(Files.exists(target));
    }

    @Test
    void deeplyNestedSourcesExitOneWithOneLineInTheLaunchersJvm() throws Exception {
        Path deep = Files.writeString(work.resolve("deep.dts"), nestedNodes(20_000));
        ReferenceTools.Result nodes = JavaMain.run(CoreCli.class, List.of("dts", "facts", deep.toString()), work, 120);
        assertEquals(1, nodes.exitCode(), nodes.stderr());
        assertEquals("error: " + deep + ":1003: nesting deeper than 1000 levels\n", nodes.stderr());
        Path parens = Files.writeString(
                work.resolve("parens.dts"),
                "/dts-v1/;\n/ { p = <" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ">; };\n");
        ReferenceTools.Result expression =
                JavaMain.run(CoreCli.class, List.of("dts", "merge", "-o", "-", parens.toString()), work, 120);
        assertEquals(1, expression.exitCode(), expression.stderr());
        assertEquals("error: " + parens + ":2: nesting deeper than 256 levels in an expression\n", expression.stderr());
        assertEquals("", expression.stdout());
    }
}
