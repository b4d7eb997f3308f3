package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The C preprocessor subset in front of the parser, checked against cpp + dtc where it succeeds. */
class PreprocessorTest {

    @TempDir
    Path work;

    private Path inc;

    @BeforeEach
    void headers() throws Exception {
        inc = Files.createDirectories(work.resolve("inc"));
        Files.writeString(
                inc.resolve("sizes.h"),
                String.join(
                        "\n",
                        "#pragma once",
                        "#define KB(x) ((x) * 1024)",
                        "#define FLASH_SIZE KB(256) /* trailing comment */",
                        "#define MAX(a, b) ((a) > (b) ? (a) : (b))",
                        "#define BASE 0x20000000",
                        "#define EMPTY",
                        ""));
        Files.writeString(inc.resolve("local.h"), "#define WHERE \"search path\"\n");
        Files.writeString(work.resolve("local.h"), "#define WHERE \"next to the file\"\n");
    }

    @Test
    void macrosIncludesAndConditionalsProduceTheSameTreeAsCpp() throws Exception {
        Path board = Files.writeString(
                work.resolve("board.dts"),
                String.join(
                        "\n",
                        "/dts-v1/;",
                        "#include <sizes.h>",
                        "#include <sizes.h>",
                        "#include \"local.h\"",
                        "/* a comment that spans",
                        "   two lines */",
                        "#ifdef FLASH_SIZE",
                        "#define HAVE_FLASH 1",
                        "#else",
                        "#define HAVE_FLASH 0",
                        "#endif",
                        "#ifndef FLASH_SIZE",
                        "#error not reached",
                        "#endif",
                        "#define LONG_LIST 1 \\",
                        "    2",
                        "/ {",
                        "\t#address-cells = <1>;",
                        "\tsizes = <FLASH_SIZE MAX(3, (1 + 1)) BASE HAVE_FLASH EMPTY>;",
                        "\twhere = WHERE;",
                        "\tkept = \"FLASH_SIZE stays in strings\";",
                        "\tletter = <'B'>;",
                        "#undef BASE",
                        "\tBASE;",
                        "\tlist = <LONG_LIST>;",
                        "};",
                        ""));
        DeviceTree tree = new DevicetreeMerger().merge(board, List.of(), List.of(inc));
        Node root = tree.root();
        assertArrayEquals(
                new long[] {262144, 3, 0x20000000L, 1},
                root.property("sizes").orElseThrow().value().cells());
        assertEquals(
                "next to the file", root.property("where").orElseThrow().value().string());
        assertEquals(
                "FLASH_SIZE stays in strings",
                root.property("kept").orElseThrow().value().string());
        assertEquals(true, root.property("BASE").isPresent());
        assertArrayEquals(
                new long[] {1, 2}, root.property("list").orElseThrow().value().cells());
        assertEquals(Dtc.mergedWithCpp(board, List.of(), List.of(inc), work), DtsWriter.toDts(tree));
    }

    @Test
    void conditionalExpressionsSelectTheSameLinesAsCpp() throws Exception {
        Path board = Files.writeString(
                work.resolve("board.dts"),
                String.join(
                        "\n",
                        "/dts-v1/;",
                        "#include <sizes.h>",
                        "#define VERSION 3",
                        "/ {",
                        "#if VERSION >= 3 && defined(FLASH_SIZE)",
                        "\tbig = <1>;",
                        "#elif VERSION == 2",
                        "\tmid = <1>;",
                        "#else",
                        "\tsmall = <1>;",
                        "#endif",
                        "#if 0",
                        "#if 1",
                        "#error nested in a skipped region: not reached",
                        "#endif",
                        "#elif defined NOT_DEFINED || (1 << 4) == 16 ? 1 : 0",
                        "\tternary = <2>;",
                        "#endif",
                        "#if !defined(FLASH_SIZE)",
                        "\tnope;",
                        "#elif 0",
                        "\tnope2;",
                        "#else",
                        "\telse-branch;",
                        "#endif",
                        "#if UNKNOWN_MACRO",
                        "\tunknown;",
                        "#endif",
                        "#if 'A' == 65 && -1 < 0 && 7 / 2 == 3 && 7 % 4 == 3 && FLASH_SIZE == 0x40000 && 010 == 8UL",
                        "\tarithmetic;",
                        "#endif",
                        "};",
                        ""));
        DeviceTree tree = new DevicetreeMerger().merge(board, List.of(), List.of(inc));
        assertEquals(
                List.of("big", "ternary", "else-branch", "arithmetic"),
                tree.root().properties().stream().map(Property::name).toList());
        assertEquals(Dtc.mergedWithCpp(board, List.of(), List.of(inc), work), DtsWriter.toDts(tree));
    }

    @Test
    void stringizingAndPastingWorkLikeCpp() throws Exception {
        Path board = Files.writeString(
                work.resolve("board.dts"),
                String.join(
                        "\n",
                        "/dts-v1/;",
                        "#define FUN_UART_TX 0",
                        "#define FUN_UART_RX 1",
                        "#define PSEL(fun, port, pin) ((((port) * 32) + (pin)) | ((FUN_ ## fun) << 16))",
                        "#define NAME(x) #x",
                        "#define LABEL(a, b) a##_##b",
                        "#define TWICE(x) x x",
                        "/ {",
                        "\tLABEL(uart0, default): pins {",
                        "\t\tpsels = <PSEL(UART_TX, 0, 6)>, <PSEL(UART_RX, 1, 8)>;",
                        "\t\ttitle = NAME(uart \"zero\");",
                        "\t\ttwice = <TWICE(PSEL(UART_RX, 0, 1))>;",
                        "\t};",
                        "};",
                        ""));
        DeviceTree tree = new DevicetreeMerger().merge(board, List.of(), List.of());
        Node pins = tree.nodeByLabel("uart0_default").orElseThrow();
        assertArrayEquals(
                new long[] {6, 0x10028},
                pins.property("psels").orElseThrow().value().cells());
        assertEquals(
                "uart \"zero\"", pins.property("title").orElseThrow().value().string());
        assertEquals(Dtc.mergedWithCpp(board, List.of(), List.of(), work), DtsWriter.toDts(tree));
    }

    @Test
    void angleIncludesSearchOnlyTheIncludePath() throws Exception {
        Path board = Files.writeString(
                work.resolve("board.dts"), "/dts-v1/;\n#include <local.h>\n/ {\n\twhere = WHERE;\n};\n");
        DeviceTree tree = new DevicetreeMerger().merge(board, List.of(), List.of(inc));
        assertEquals(
                "search path",
                tree.root().property("where").orElseThrow().value().string());
    }

    @Test
    void definesInTheBoardFileReachTheOverlays() throws Exception {
        Path board = Files.writeString(
                work.resolve("board.dts"), "/dts-v1/;\n#define SPEED 115200\n/ {\n\tuart: uart {\n\t};\n};\n");
        Path overlay = Files.writeString(work.resolve("app.overlay"), "&uart {\n\tcurrent-speed = <SPEED>;\n};\n");
        DeviceTree tree = new DevicetreeMerger().merge(board, List.of(overlay), List.of());
        assertArrayEquals(
                new long[] {115200},
                tree.nodeByLabel("uart")
                        .orElseThrow()
                        .property("current-speed")
                        .orElseThrow()
                        .value()
                        .cells());
    }

    @Test
    void linesAfterAMultiLineCommentKeepTheirNumbers() throws Exception {
        Path board = Files.writeString(work.resolve("board.dts"), "/dts-v1/;\n/*\n *\n */\n/ {\n\tp = <1>\n};\n");
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(), List.of()));
        assertEquals(board + ":7: syntax error: expected ';' but found '}'", error.getMessage());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("#if", 2, "#if with no expression"),
                Arguments.of("#if (1", 2, "invalid #if expression: expected ')' but found the end of the expression"),
                Arguments.of("#if 1 +", 2, "invalid #if expression: expected a value at the end of the expression"),
                Arguments.of("#if 1 / 0", 2, "invalid #if expression: division by zero"),
                Arguments.of("#if defined()", 2, "invalid #if expression: 'defined' needs a macro name"),
                Arguments.of("#if 1 $ 2", 2, "invalid #if expression: unexpected '$'"),
                Arguments.of("#elif 1", 2, "#elif without #if"),
                Arguments.of("#error board not supported", 2, "#error board not supported"),
                Arguments.of(
                        "#ifdef X", 3, "unterminated #if/#ifdef/#ifndef: expected #endif before the end of the file"),
                Arguments.of("#endif", 2, "#endif without #if, #ifdef or #ifndef"),
                Arguments.of("#else", 2, "#else without #if, #ifdef or #ifndef"),
                Arguments.of("#include <missing.h>", 2, "cannot find #include file 'missing.h' (searched: INC)"),
                Arguments.of("#include missing.h", 2, "#include expects \"FILE\" or <FILE> but found 'missing.h'"),
                Arguments.of("#define", 2, "#define expects a macro name but found ''"),
                Arguments.of("#define F(a) a\n/ { p = <F(1, 2)>; };", 3, "macro F expects 1 arguments but got 2"),
                Arguments.of("#define F(a) a\n/ { p = <F(1>; };", 3, "unterminated argument list of macro F"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void preprocessorErrorsNameFileAndLine(String directive, int line, String message) throws Exception {
        Path board = Files.writeString(work.resolve("board.dts"), "/dts-v1/;\n" + directive + "\n/ { };\n");
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(), List.of(inc)));
        assertEquals(board + ":" + line + ": " + message.replace("INC", inc.toString()), error.getMessage());
    }

    @Test
    void selfIncludingFileIsStopped() throws Exception {
        Path board = Files.writeString(work.resolve("loop.dtsi"), "#include \"loop.dtsi\"\n");
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(), List.of()));
        assertEquals(
                board + ":1: #include nested more than 32 levels deep: the includes form a cycle (loop.dtsi ->"
                        + " loop.dtsi); add '#pragma once' or an include guard to loop.dtsi, or remove the cycle",
                error.getMessage());
    }
}
