package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error the spec lists, with its full message; dtc must reject the same input, and
 * where dtc reports the error while reading (syntax, labels) it must name the same line.
 */
class DevicetreeErrorsTest {

    private static final String BOARD = String.join(
            "\n",
            "/dts-v1/;",
            "",
            "/ {",
            "\tbus {",
            "\t\tser0: serial@200 {",
            "\t\t\tbaud = <9600>;",
            "\t\t};",
            "\t};",
            "};",
            "");

    @TempDir
    Path work;

    static Stream<Arguments> overlayErrors() {
        return Stream.of(
                Arguments.of(
                        "missing semicolon",
                        "&ser0 {\n\tstatus = \"okay\"\n};\n",
                        3,
                        true,
                        "syntax error: expected ';' but found '}'"),
                Arguments.of(
                        "unbalanced braces",
                        "&ser0 {\n\tstatus = \"okay\";\n",
                        2,
                        false,
                        "syntax error: expected '}' but found the end of the input"),
                Arguments.of(
                        "dts-v1 repeated in an overlay",
                        "/dts-v1/;\n&ser0 { };\n",
                        1,
                        true,
                        "syntax error: expected '/ {', '&label {', '&{/path} {' or '/delete-node/ &label;'"
                                + " but found '/dts-v1/'"),
                Arguments.of(
                        "unknown label in a block",
                        "\n&ser1 {\n\tstatus = \"okay\";\n};\n",
                        2,
                        true,
                        "label or path ser1 not found"),
                Arguments.of(
                        "unknown path in a block",
                        "&{/bus/serial@300} {\n};\n",
                        1,
                        true,
                        "label or path {/bus/serial@300} not found"),
                Arguments.of(
                        "deleting a missing node",
                        "/delete-node/ &nowhere;\n",
                        1,
                        true,
                        "cannot delete node: label or path nowhere not found"),
                Arguments.of(
                        "label of a deleted node",
                        "/delete-node/ &ser0;\n&ser0 { };\n",
                        2,
                        true,
                        "label or path ser0 not found"),
                Arguments.of(
                        "property after subnode",
                        "&ser0 {\n\tchild { };\n\tlate = <1>;\n};\n",
                        3,
                        true,
                        "properties must precede subnodes"),
                Arguments.of(
                        "value out of range",
                        "&ser0 {\n\tbig = <(0xffffffff + 2)>;\n};\n",
                        2,
                        true,
                        "value out of range for 32-bit array element: 0x100000001"),
                Arguments.of(
                        "byte value out of range",
                        "&ser0 {\n\tb = /bits/ 8 <256>;\n};\n",
                        2,
                        true,
                        "value out of range for 8-bit array element: 0x100"),
                Arguments.of(
                        "bare negative cell",
                        "&ser0 {\n\tneg = <-1>;\n};\n",
                        2,
                        true,
                        "syntax error: expected a cell value, '&label' or '>' but found '-1'"),
                Arguments.of(
                        "adjacent strings",
                        "&ser0 {\n\ts = \"a\" \"b\";\n};\n",
                        2,
                        true,
                        "syntax error: expected ';' but found a string"),
                Arguments.of(
                        "odd hex digits in bytes",
                        "&ser0 {\n\tb = [0a b];\n};\n",
                        2,
                        true,
                        "syntax error: expected two hex digits or ']' but found 'b'"),
                Arguments.of(
                        "reference in 16-bit cells",
                        "&ser0 {\n\tr = /bits/ 16 <&ser0>;\n};\n",
                        2,
                        true,
                        "references are only allowed in arrays with 32-bit elements"),
                Arguments.of(
                        "bad bits size",
                        "&ser0 {\n\tr = /bits/ 12 <1>;\n};\n",
                        2,
                        true,
                        "array elements must be 8, 16, 32 or 64 bits, not 12"),
                Arguments.of(
                        "missing include",
                        "\n/include/ \"absent.dtsi\"\n",
                        2,
                        false,
                        "cannot open /include/ file \"absent.dtsi\": no such file"),
                Arguments.of(
                        "unknown reference in a value",
                        "&ser0 {\n\tpins = <&nopins 1>;\n};\n",
                        2,
                        false,
                        "reference to non-existent node or label 'nopins' in property 'pins' of /bus/serial@200"),
                Arguments.of(
                        "path reference to a missing node",
                        "/ {\n\tchosen {\n\t\tc = &{/none};\n\t};\n};\n",
                        3,
                        false,
                        "reference to non-existent node or label '{/none}' in property 'c' of /chosen"),
                Arguments.of(
                        "reference to a deleted node",
                        "/ {\n\tuser {\n\t\tp = <&ser0>;\n\t};\n};\n/delete-node/ &{/bus};\n",
                        3,
                        false,
                        "reference to non-existent node or label 'ser0' in property 'p' of /user"),
                Arguments.of(
                        "duplicate label",
                        "/ {\n\tser0: other { };\n};\n",
                        2,
                        false,
                        "duplicate label 'ser0' on /bus/serial@200 and /other"),
                Arguments.of(
                        "duplicate node name",
                        "/ {\n\tn {\n\t\tc { };\n\t\tc { };\n\t};\n};\n",
                        4,
                        false,
                        "duplicate node name 'c' in /n"),
                Arguments.of(
                        "duplicate property name",
                        "/ {\n\tn {\n\t\tp = <1>;\n\t\tp = <2>;\n\t};\n};\n",
                        4,
                        false,
                        "duplicate property name 'p' in /n"),
                Arguments.of(
                        "bad character in a node name",
                        "/ {\n\tn#x { };\n};\n",
                        2,
                        false,
                        "invalid node name 'n#x': use letters, digits and , . _ + - with an optional @unit-address"),
                Arguments.of(
                        "two unit addresses",
                        "/ {\n\tn@1@2 { };\n};\n",
                        2,
                        false,
                        "invalid node name 'n@1@2': use letters, digits and , . _ + - with an optional @unit-address"),
                Arguments.of(
                        "unit address in a property name",
                        "/ {\n\tp@1 = <1>;\n};\n",
                        2,
                        false,
                        "invalid property name 'p@1': '@' is not allowed"),
                Arguments.of(
                        "name property that differs from the node name",
                        "&ser0 {\n\tname = \"uart\";\n};\n",
                        2,
                        false,
                        "\"name\" property of /bus/serial@200 is incorrect (\"uart\" instead of the base node name"
                                + " \"serial\")"),
                Arguments.of(
                        "explicit phandle taken twice",
                        "/ {\n\ta { phandle = <7>; };\n\tb {\n\t\tphandle = <7>;\n\t};\n};\n",
                        4,
                        false,
                        "duplicated phandle 0x7 on /b (seen before at /a)"),
                Arguments.of(
                        "explicit phandle zero",
                        "&ser0 {\n\tphandle = <0>;\n};\n",
                        2,
                        false,
                        "bad value (0x0) in phandle property of /bus/serial@200"),
                Arguments.of(
                        "phandle of two cells",
                        "&ser0 {\n\tphandle = <1 2>;\n};\n",
                        2,
                        false,
                        "bad length (8) of phandle property in /bus/serial@200"),
                Arguments.of(
                        "phandle pointing at another node",
                        "/ {\n\tx {\n\t\tphandle = <&ser0>;\n\t};\n};\n",
                        3,
                        false,
                        "phandle of /x is a reference to another node"),
                Arguments.of(
                        "mismatching phandles",
                        "&ser0 {\n\tphandle = <1>;\n\tlinux,phandle = <2>;\n};\n",
                        3,
                        false,
                        "mismatching 'phandle' and 'linux,phandle' properties in /bus/serial@200"),
                Arguments.of("division by zero", "&ser0 {\n\td = <(1 / 0)>;\n};\n", 2, true, "division by zero"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlayErrors")
    void overlayErrorIsReportedWithFileLineAndMessage(
            String name, String overlayText, int line, boolean dtcSameLine, String message) throws Exception {
        Path board = Files.writeString(work.resolve("board.dts"), BOARD);
        Path overlay = Files.writeString(work.resolve("app.overlay"), overlayText);
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(overlay), List.of()));
        assertEquals(overlay + ":" + line + ": " + message, error.getMessage());
        assertEquals(message, error.detail());
        assertEquals(line, error.location().orElseThrow().line());

        ReferenceTools.Result dtc = Dtc.run(board, List.of(overlay), List.of(), false, work);
        assertNotEquals(0, dtc.exitCode(), "dtc accepted it:\n" + dtc.stdout());
        if (dtcSameLine) {
            assertEquals(line, Dtc.firstErrorLine(dtc.stderr()), dtc.stderr());
        }
    }

    @Test
    void errorInAnIncludedFileNamesThatFile() throws Exception {
        Files.createDirectories(work.resolve("inc"));
        Path dtsi = Files.writeString(work.resolve("inc/soc.dtsi"), "/ {\n\tsoc {\n\t\tbad = <1>\n\t};\n};\n");
        Path board = Files.writeString(work.resolve("board.dts"), "/dts-v1/;\n#include <soc.dtsi>\n/ { };\n");
        DevicetreeException error = assertThrows(
                DevicetreeException.class,
                () -> new DevicetreeMerger().merge(board, List.of(), List.of(work.resolve("inc"))));
        assertEquals(dtsi + ":4: syntax error: expected ';' but found '}'", error.getMessage());
    }

    @Test
    void missingBoardFileIsReported() {
        Path board = work.resolve("absent.dts");
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(), List.of()));
        assertEquals("board devicetree " + board + " does not exist", error.getMessage());
    }

    @Test
    void missingOverlayFileIsReported() throws Exception {
        Path board = Files.writeString(work.resolve("board.dts"), BOARD);
        Path overlay = work.resolve("gone.overlay");
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(overlay), List.of()));
        assertEquals("devicetree overlay " + overlay + " does not exist", error.getMessage());
    }

    @Test
    void boardWithoutVersionTagIsRejected() throws Exception {
        Path board = Files.writeString(work.resolve("board.dts"), "/ { };\n");
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(), List.of()));
        assertEquals(
                board + ":1: syntax error: expected '/dts-v1/;' at the start of the board devicetree but found '/'",
                error.getMessage());
    }

    @Test
    void invalidLiteralIsRejected() throws Exception {
        Path board = Files.writeString(work.resolve("board.dts"), "/dts-v1/;\n/ {\n\tp = <0x1g>;\n};\n");
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(), List.of()));
        assertEquals(board + ":3: invalid integer literal '0x1g'", error.getMessage());
    }

    @Test
    void unterminatedCommentIsRejected() throws Exception {
        Path board = Files.writeString(work.resolve("board.dts"), "/dts-v1/;\n/ {\n/* open\n};\n");
        DevicetreeException error = assertThrows(
                DevicetreeException.class, () -> new DevicetreeMerger().merge(board, List.of(), List.of()));
        assertEquals(board + ":3: unterminated comment: expected '*/' before the end of the file", error.getMessage());
    }
}
