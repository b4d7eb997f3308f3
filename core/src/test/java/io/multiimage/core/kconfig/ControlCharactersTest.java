package io.multiimage.core.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.config.ConfigurationPlan;
import io.multiimage.core.config.KconfigRow;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.testkit.ReferenceTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #11 item 8: a control character in a value never reaches {@code autoconf.h}; a line
 * break in a {@code -D} value is refused instead of cutting the value short.
 */
class ControlCharactersTest {

    private static final String WHY = "configuration values may not contain control characters (autoconf.h would"
            + " pass them to the C compiler unescaped, and Kconfiglib reads a carriage return as a line break).";

    private static List<Assignment> parse(String text) throws FragmentSyntaxException {
        return FragmentParser.parse(new FragmentSource("prj.conf", "app/prj.conf", text));
    }

    /** The generated fragment exactly as the pipeline builds it from -D values. */
    private static FragmentSource commandLine(String... symbolsAndValues) {
        TreeMap<String, String> values = new TreeMap<>();
        for (int i = 0; i < symbolsAndValues.length; i += 2) {
            values.put(symbolsAndValues[i], symbolsAndValues[i + 1]);
        }
        ConfigurationPlan plan =
                new ConfigurationPlan("app", KconfigRow.A, List.of(), values, List.of(), List.of(), List.of());
        return new FragmentSource(FragmentSource.COMMAND_LINE, FragmentSource.COMMAND_LINE, plan.commandLineFragment());
    }

    private static FragmentSyntaxException refused(FragmentSource... fragments) {
        return assertThrows(
                FragmentSyntaxException.class,
                () -> new FragmentOnlyResolver().resolve(List.of(fragments), BuildLog.silent()));
    }

    @Test
    void carriageReturnInAQuotedFileValueIsRefusedWithSymbolLineAndCharacter() {
        FragmentSyntaxException e = assertThrows(
                FragmentSyntaxException.class,
                () -> parse("CONFIG_FOO=y\nCONFIG_APP_GREETING=\"x\r#error injected\"\n"));
        assertEquals(
                "app/prj.conf:2: CONFIG_APP_GREETING: the value contains the control character U+000D (carriage"
                        + " return) at column 23; " + WHY + " Remove it.",
                e.getMessage());
        assertEquals(2, e.line());
    }

    static Stream<Character> controlCharacters() {
        return Stream.concat(IntStream.range(0, 0x20).mapToObj(c -> (char) c), Stream.of((char) 0x7F));
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void everyControlCharacterInsideAValueIsRefused(char c) {
        String name = String.format("U+%04X", (int) c);
        if (c == '\n') {
            return; // a line break ends the line in a file: "x then an unclosed string, refused as such
        }
        FragmentSyntaxException quoted =
                assertThrows(FragmentSyntaxException.class, () -> parse("CONFIG_S=\"a" + c + "b\"\n"));
        assertTrue(
                quoted.getMessage()
                        .startsWith("app/prj.conf:1: CONFIG_S: the value contains the control character " + name),
                quoted.getMessage());
        FragmentSyntaxException plain =
                assertThrows(FragmentSyntaxException.class, () -> parse("CONFIG_N=1" + c + "2\n"));
        assertTrue(
                plain.getMessage()
                        .startsWith("app/prj.conf:1: CONFIG_N: the value contains the control character " + name),
                plain.getMessage());
        FragmentSyntaxException dashD = refused(commandLine("CONFIG_S", "\"a" + c + "b\""));
        assertTrue(
                dashD.getMessage()
                        .startsWith("command line: CONFIG_S (given with -D): the value contains the control"
                                + " character " + name),
                dashD.getMessage());
    }

    @Test
    void lineEndsAndControlCharactersInCommentsAreFineButNotACarriageReturn() throws Exception {
        assertEquals(
                2,
                parse("CONFIG_A=\"tab\\\\t as text\"\r\n# a comment with a \u0007 bell\r\nCONFIG_B=y\r\n")
                        .size());
        FragmentSyntaxException e =
                assertThrows(FragmentSyntaxException.class, () -> parse("# harmless?\rCONFIG_X=y\n"));
        assertEquals(
                "app/prj.conf:1: the control character U+000D (carriage return) at column 12 is not allowed on a"
                        + " fragment line (Kconfiglib would read it as a line break; save the file with LF or CRLF line ends);"
                        + " remove it.",
                e.getMessage());
        FragmentSyntaxException behindABell =
                assertThrows(FragmentSyntaxException.class, () -> parse("# a \u0007 bell\rCONFIG_X=y\n"));
        assertTrue(
                behindABell.getMessage().contains("U+000D (carriage return) at column 11"), behindABell.getMessage());
    }

    @Test
    void carriageReturnInACommandLineValueIsRefusedNamingTheValue() {
        FragmentSyntaxException e =
                refused(commandLine("CONFIG_APP_GREETING", "\"x\r#error injected\"", "CONFIG_FOO", "y"));
        assertEquals(
                "command line: CONFIG_APP_GREETING (given with -D): the value contains the control character"
                        + " U+000D (carriage return); " + WHY + " Remove it from the -D value.",
                e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void lineBreakInACommandLineValueIsRefusedInsteadOfTruncatingIt() {
        String expected =
                "command line: CONFIG_APP_LEVEL (given with -D): the value contains a line break (U+000A); a -D"
                        + " value must be on one line (what follows the line break would be read as further lines of the"
                        + " configuration). Remove the line break from the -D value.";
        // each of these read silently as a shorter value (or more lines) before
        assertEquals(
                expected,
                refused(commandLine("CONFIG_APP_LEVEL", "3\n# and more")).getMessage());
        assertEquals(expected, refused(commandLine("CONFIG_APP_LEVEL", "3\n")).getMessage());
        assertEquals(
                expected,
                refused(commandLine("CONFIG_APP_LEVEL", "3\nCONFIG_APP_B=y", "CONFIG_APP_Z", "1"))
                        .getMessage());
        assertEquals(
                expected,
                refused(commandLine("CONFIG_APP_LEVEL", "3\nCONFIG_APP_A=y")).getMessage());
        assertEquals(
                expected.replace("CONFIG_APP_LEVEL", "CONFIG_APP_GREETING"),
                refused(commandLine("CONFIG_APP_GREETING", "\"x\n#error injected\""))
                        .getMessage());
    }

    @Test
    void theValueCheckForThePipelineRefusesWhatTheFragmentWouldHide() throws Exception {
        FragmentParser.checkCommandLineValue("CONFIG_X", "\"fine, \\\"quoted\\\" text\"");
        FragmentSyntaxException e = assertThrows(
                FragmentSyntaxException.class,
                () -> FragmentParser.checkCommandLineValue("CONFIG_APP_A", "3\nCONFIG_APP_B=y"));
        assertTrue(
                e.getMessage()
                        .startsWith("command line: CONFIG_APP_A (given with -D): the value contains a line"
                                + " break (U+000A)"),
                e.getMessage());
        FragmentSyntaxException del = assertThrows(
                FragmentSyntaxException.class,
                () -> FragmentParser.checkCommandLineValue("CONFIG_APP_A", "\"a\u007Fb\""));
        assertTrue(del.getMessage().contains("U+007F (delete)"), del.getMessage());
    }

    @Test
    void noValueWithAControlCharacterCanBeMadeSoNoWriterCanEmitOne() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> KconfigValue.ofString("x\r#error injected"));
        assertEquals(
                "a configuration value may not contain the control character U+000D (carriage return)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KconfigValue(KconfigType.INT, "1\n"));
    }

    @Test
    void backslashAndQuoteAreEscapedLikeKconfiglib() throws Exception {
        KconfigResult result = new FragmentOnlyResolver()
                .resolve(
                        List.of(new FragmentSource("prj.conf", "prj.conf", "CONFIG_S=\"back\\\\slash \\\"q\\\"\"\n")),
                        BuildLog.silent());
        assertEquals("#define CONFIG_S \"back\\\\slash \\\"q\\\"\"\n", AutoconfWriter.render(result.symbols(), ""));
    }

    /** What Kconfiglib 14.1 does with the same input, the reason for refusing it here (docs/core-configuration.md). */
    @Test
    void kconfiglibDropsTheCarriageReturnAssignmentWithAWarningAndWritesOtherControlsRaw(@TempDir Path dir)
            throws Exception {
        Path python = ReferenceTools.debianPython("kconfiglib", "python3-kconfiglib");
        Files.writeString(dir.resolve("Kconfig"), "config APP_GREETING\n\tstring \"greeting\"\n\tdefault \"hi\"\n");
        Files.writeString(dir.resolve("cr.conf"), "CONFIG_APP_GREETING=\"x\r#error injected\"\n");
        Files.writeString(dir.resolve("bell.conf"), "CONFIG_APP_GREETING=\"a\u0007b\"\n");
        ReferenceTools.Result r = ReferenceTools.run(
                        List.of(
                                python.toString(),
                                "-c",
                                String.join(
                                        "\n",
                                        "import kconfiglib",
                                        "for name in ('cr', 'bell'):",
                                        "    k = kconfiglib.Kconfig('Kconfig')",
                                        "    k.load_config(name + '.conf')",
                                        "    k.write_autoconf(name + '.h', header='')")),
                        dir,
                        60)
                .assertSuccess();
        assertTrue(r.stderr().contains("malformed string literal"), r.stderr());
        assertEquals("#define CONFIG_APP_GREETING \"hi\"\n", Files.readString(dir.resolve("cr.h")));
        assertEquals("#define CONFIG_APP_GREETING \"a\u0007b\"\n", Files.readString(dir.resolve("bell.h")));
        assertFalse(Files.readString(dir.resolve("cr.h")).contains("#error"));
    }
}
