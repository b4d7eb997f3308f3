package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile devicetree sources stop with {@code FILE:LINE: nesting deeper than N levels} instead
 * of a StackOverflowError; sources right at each limit still work on a small thread stack.
 */
@Tag("tools")
class NestingLimitsTest {

    @TempDir
    Path work;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(work.resolve(name), text);
    }

    private DevicetreeException fails(Path board) {
        return assertThrows(DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(), List.of()));
    }

    private static String nestedNodes(int levels, String leaf) {
        StringBuilder b = new StringBuilder("/dts-v1/;\n/ {\n");
        for (int i = 0; i < levels; i++) {
            b.append("n").append(i).append(" {\n");
        }
        b.append(leaf);
        b.append("};\n".repeat(levels));
        return b.append("};\n").toString();
    }

    /** Runs {@code work} on a thread with half the default stack of a 64-bit JVM. */
    private static <T> T onSmallStack(Callable<T> work) throws Exception {
        Object[] outcome = new Object[1];
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        outcome[0] = work.call();
                    } catch (Throwable e) {
                        outcome[0] = e;
                    }
                },
                "small-stack",
                512 * 1024);
        t.start();
        t.join();
        if (outcome[0] instanceof Throwable e) {
            throw new AssertionError("failed on a 512 KiB stack", e);
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }

    @Test
    void nodesNestedDeeperThanTheLimitAreRefusedWithTheirLine() throws Exception {
        Path board = file("deep.dts", nestedNodes(20_000, ""));
        assertEquals(
                board + ":1003: nesting deeper than 1000 levels", fails(board).getMessage());
    }

    @Test
    void blocksMergedOntoDeepNodesCannotPassTheLimit() throws Exception {
        StringBuilder b = new StringBuilder(nestedNodes(600, "l0: leaf { };\n"));
        b.append("&l0 {\n")
                .append("m {\n".repeat(500))
                .append("};\n".repeat(500))
                .append("};\n");
        Path board = file("merged.dts", b.toString());
        int line = 2 + 600 + 1 + 600 + 1 + 1;
        assertEquals(
                board + ":" + line + ": nesting deeper than 1000 levels: this block adds 500 levels below &l0,"
                        + " which is 601 levels deep",
                fails(board).getMessage());
    }

    @Test
    void treeAtTheLimitIsMergedResolvedAndWrittenOnASmallStack() throws Exception {
        // the deepest node 1000 levels down, labelled, referenced by phandle and by path, then deleted and re-added
        String leaf = "deepest: leaf { x = <1>; };\n";
        StringBuilder b = new StringBuilder(nestedNodes(DtsParser.MAX_DEPTH - 1, leaf));
        b.append("/ { ref = <&deepest>; path = &deepest; #address-cells = <1>; #size-cells = <1>;\n"
                + "chosen { zephyr,flash = &flash0; zephyr,sram = &sram0; };\n"
                + "flash0: flash@0 { reg = <0x0 0x1000>; };\nsram0: memory@20000000 { reg = <0x20000000 0x1000>; };\n};\n"
                + "&deepest { y = <2>; };\n");
        Path board = file("limit.dts", b.toString());
        String dts = onSmallStack(() -> {
            DeviceTree tree = new DevicetreeMerger().merge(board, List.of(), List.of());
            MemoryFactsExtractor.extract(tree);
            return DtsWriter.toDts(tree);
        });
        assertTrue(dts.contains("deepest: leaf {"), "written");
        assertTrue(dts.contains("phandle = <0x01>;") || dts.contains("phandle = <0x1>;"), dts.substring(0, 200));
    }

    @Test
    void expressionsNestedDeeperThanTheLimitAreRefused() throws Exception {
        Path parens = file(
                "parens.dts", "/dts-v1/;\n/ {\n\tp = <" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ">;\n};\n");
        assertEquals(
                parens + ":3: nesting deeper than 256 levels in an expression",
                fails(parens).getMessage());
        Path minus = file("minus.dts", "/dts-v1/;\n/ {\n\tp = <(" + "-".repeat(100_000) + "1)>;\n};\n");
        assertEquals(
                minus + ":3: nesting deeper than 256 levels in an expression",
                fails(minus).getMessage());
        Path condition = file(
                "if.dts", "/dts-v1/;\n#if " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n#endif\n/ { };\n");
        assertEquals(
                condition + ":2: nesting deeper than 256 levels in an #if expression",
                fails(condition).getMessage());
        Path negated = file("not.dts", "/dts-v1/;\n#if " + "!".repeat(100_000) + "0\n#endif\n/ { };\n");
        assertEquals(
                negated + ":2: nesting deeper than 256 levels in an #if expression",
                fails(negated).getMessage());
    }

    @Test
    void expressionsAtTheLimitAreEvaluatedOnASmallStack() throws Exception {
        int inner = DtsLexer.MAX_EXPRESSION_DEPTH - 1; // the outermost '(' of a cell is one level
        Path board = file(
                "expr.dts",
                "/dts-v1/;\n#if " + "(".repeat(DtsLexer.MAX_EXPRESSION_DEPTH - 1) + "3"
                        + ")".repeat(DtsLexer.MAX_EXPRESSION_DEPTH - 1) + " == 3\n/ {\n\tp = <(" + "(".repeat(inner - 1)
                        + "7"
                        + ")".repeat(inner - 1) + ")>;\n};\n#endif\n");
        String dts = onSmallStack(() -> DtsWriter.toDts(new DevicetreeMerger().merge(board, List.of(), List.of())));
        assertTrue(dts.contains("p = <0x07>;"), dts);
    }

    @Test
    void conditionalsNestedDeeperThanTheLimitAreRefused() throws Exception {
        Path board =
                file("ifs.dts", "/dts-v1/;\n" + "#if 1\n".repeat(100_000) + "#endif\n".repeat(100_000) + "/ { };\n");
        assertEquals(
                board + ":1002: nesting deeper than 1000 levels of #if/#ifdef/#ifndef",
                fails(board).getMessage());
        Path ok = file("ok.dts", "/dts-v1/;\n" + "#ifndef X\n".repeat(1000) + "/ { };\n" + "#endif\n".repeat(1000));
        assertEquals("/dts-v1/;\n\n/ {\n};\n", DtsWriter.toDts(new DevicetreeMerger().merge(ok, List.of(), List.of())));
    }

    @Test
    void macroExpansionNestedDeeperThanTheLimitIsRefused() throws Exception {
        StringBuilder chain = new StringBuilder("/dts-v1/;\n");
        for (int i = 0; i < 20_000; i++) {
            chain.append("#define M").append(i).append(" M").append(i + 1).append('\n');
        }
        chain.append("#define M20000 1\n/ { p = <M0>; };\n");
        Path board = file("chain.dts", chain.toString());
        assertEquals(
                board + ":20003: nesting deeper than 500 levels of macro expansion (a macro that uses a macro"
                        + " that uses a macro ...)",
                fails(board).getMessage());
        Path arguments = file(
                "args.dts",
                "/dts-v1/;\n#define F(x) x\n/ { p = <" + "F(".repeat(20_000) + "1" + ")".repeat(20_000) + ">; };\n");
        assertTrue(
                fails(arguments).getMessage().startsWith(arguments + ":3: nesting deeper than 500 levels of macro"),
                "arguments too");
    }

    @Test
    void macroExpansionAtTheLimitWorksOnASmallStack() throws Exception {
        int chainLength = Preprocessor.MAX_EXPANSION_DEPTH - 3; // the line itself and the last body are levels too
        StringBuilder chain = new StringBuilder("/dts-v1/;\n#define F(x) x\n");
        for (int i = 0; i < chainLength; i++) {
            chain.append("#define M").append(i).append(" M").append(i + 1).append('\n');
        }
        chain.append("#define M")
                .append(chainLength)
                .append(" 5\n/ { p = <M0>; q = <")
                .append("F(".repeat(chainLength))
                .append("6")
                .append(")".repeat(chainLength))
                .append(">; };\n");
        Path board = file("chain.dts", chain.toString());
        String dts = onSmallStack(() -> DtsWriter.toDts(new DevicetreeMerger().merge(board, List.of(), List.of())));
        assertTrue(dts.contains("p = <0x05>;") && dts.contains("q = <0x06>;"), dts);
    }

    @Test
    void macroExpansionThatExplodesIsRefused() throws Exception {
        StringBuilder b = new StringBuilder("/dts-v1/;\n#define A0 x\n");
        for (int i = 1; i <= 40; i++) {
            b.append("#define A")
                    .append(i)
                    .append(" A")
                    .append(i - 1)
                    .append(" A")
                    .append(i - 1)
                    .append('\n');
        }
        b.append("/ { p = \"A40\"; q = <A40>; };\n");
        Path board = file("boom.dts", b.toString());
        assertEquals(
                board + ":43: macro expansion makes a line longer than 1048576 characters",
                fails(board).getMessage());
    }

    @Test
    void includeCyclesAreNamedWhenTheDepthLimitStopsThem() throws Exception {
        file("a.dtsi", "#include \"b.dtsi\"\n");
        Path b = file("b.dtsi", "#include \"a.dtsi\"\n");
        Path board = file("cycle.dts", "/dts-v1/;\n#include \"a.dtsi\"\n/ { };\n");
        assertEquals(
                b + ":1: #include nested more than 32 levels deep: the includes form a cycle (a.dtsi -> b.dtsi"
                        + " -> a.dtsi); add '#pragma once' or an include guard to a.dtsi, or remove the cycle",
                fails(board).getMessage());
        file("c.dtsi", "/include/ \"d.dtsi\"\n");
        Path d = file("d.dtsi", "/include/ \"c.dtsi\"\n");
        Path dtc = file("cycle2.dts", "/dts-v1/;\n/include/ \"c.dtsi\"\n/ { };\n");
        assertEquals(
                d + ":1: /include/ nested more than 32 levels deep: the includes form a cycle (c.dtsi -> d.dtsi"
                        + " -> c.dtsi); remove the cycle (/include/ reads files as they are)",
                fails(dtc).getMessage());
    }

    @Test
    void guardedIncludeCycleIsFine() throws Exception {
        file("g1.dtsi", "#ifndef G1\n#define G1\n#include \"g2.dtsi\"\n#endif\n");
        file("g2.dtsi", "#pragma once\n#include \"g1.dtsi\"\n#define VALUE 9\n");
        Path board = file("guarded.dts", "/dts-v1/;\n#include \"g1.dtsi\"\n/ { p = <VALUE>; };\n");
        assertTrue(DtsWriter.toDts(new DevicetreeMerger().merge(board, List.of(), List.of()))
                .contains("p = <0x09>;"));
    }
}
