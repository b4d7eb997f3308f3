package io.multiimage.core.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FragmentParserTest {

    private static List<Assignment> parse(String text) throws FragmentSyntaxException {
        return FragmentParser.parse(new FragmentSource("f.conf", "boot/f.conf", text));
    }

    @Test
    void acceptsEveryValueFormCommentsBlankLinesAndNotSet() throws Exception {
        List<Assignment> assignments = parse("# comment\n\n   # indented comment\nCONFIG_A=y\nCONFIG_B=n\n"
                + "CONFIG_C=-12\nCONFIG_D=0x1F\nCONFIG_E=\"say \\\"hi\\\" C:\\\\x \\n\" trailing ignored\n"
                + "# CONFIG_F is not set\nCONFIG_G=+007\r\nCONFIG_H=\"\"   \n#CONFIG_I is not set\n");
        assertEquals(
                List.of(
                        new Assignment("A", KconfigValue.YES, new SourceLocation("boot/f.conf", 4)),
                        new Assignment("B", KconfigValue.NO, new SourceLocation("boot/f.conf", 5)),
                        new Assignment(
                                "C", new KconfigValue(KconfigType.INT, "-12"), new SourceLocation("boot/f.conf", 6)),
                        new Assignment(
                                "D", new KconfigValue(KconfigType.HEX, "0x1F"), new SourceLocation("boot/f.conf", 7)),
                        new Assignment(
                                "E", KconfigValue.ofString("say \"hi\" C:\\x n"), new SourceLocation("boot/f.conf", 8)),
                        new Assignment("F", KconfigValue.NO, new SourceLocation("boot/f.conf", 9)),
                        new Assignment(
                                "G", new KconfigValue(KconfigType.INT, "+007"), new SourceLocation("boot/f.conf", 10)),
                        new Assignment("H", KconfigValue.ofString(""), new SourceLocation("boot/f.conf", 11))),
                assignments);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CONFIG_X=yes|boot/f.conf:2: expected y, n, a decimal number, a 0x hex number or a \"quoted string\" as the value of CONFIG_X, found 'yes'",
                "CONFIG_X=|boot/f.conf:2: expected y, n, a decimal number, a 0x hex number or a \"quoted string\" as the value of CONFIG_X, found ''",
                "CONFIG_X=ABCD|boot/f.conf:2: expected y, n, a decimal number, a 0x hex number or a \"quoted string\" as the value of CONFIG_X, found 'ABCD'",
                "CONFIG_X=0x|boot/f.conf:2: expected y, n, a decimal number, a 0x hex number or a \"quoted string\" as the value of CONFIG_X, found '0x'",
                "CONFIG_X=\"open|boot/f.conf:2: expected a closing '\"' in the string value of CONFIG_X, found \"open",
                "CONFIG_X=\"ends in backslash\\|boot/f.conf:2: expected a closing '\"' in the string value of CONFIG_X, found \"ends in backslash\\",
                "X=y|boot/f.conf:2: expected 'CONFIG_<NAME>=<value>', '# CONFIG_<NAME> is not set', a comment or a blank line (starting in column 1), found 'X=y'",
                "CONFIG_X|boot/f.conf:2: expected '=' after the symbol name in 'CONFIG_X'",
                "CONFIG_FOO = y|boot/f.conf:2: expected a symbol name made of letters, digits and '_' after 'CONFIG_', found 'FOO ' in 'CONFIG_FOO = y'",
                "CONFIG_=y|boot/f.conf:2: expected a symbol name made of letters, digits and '_' after 'CONFIG_', found '' in 'CONFIG_=y'",
            })
    void malformedLinesFailWithFileLineAndWhatWasExpected(String line, String message) {
        FragmentSyntaxException e =
                assertThrows(FragmentSyntaxException.class, () -> parse("CONFIG_OK=y\n" + line + "\n"));
        assertEquals(message, e.getMessage());
        assertEquals("boot/f.conf", e.file());
        assertEquals(2, e.line());
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() throws Exception {
        assertEquals(
                List.of(new Assignment("A", KconfigValue.YES, new SourceLocation("boot/f.conf", 1))),
                parse("\uFEFFCONFIG_A=y\n"));
    }

    @Test
    void anIndentedAssignmentIsMalformed() {
        FragmentSyntaxException e = assertThrows(FragmentSyntaxException.class, () -> parse("\n  CONFIG_X=y\n"));
        assertEquals(
                "boot/f.conf:2: expected 'CONFIG_<NAME>=<value>', '# CONFIG_<NAME> is not set', a comment or a"
                        + " blank line (starting in column 1), found '  CONFIG_X=y'",
                e.getMessage());
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 1_000_003L * i + 17);
    }

    /** Any value written in .config form parses back to the same value. */
    @ParameterizedTest
    @MethodSource("seeds")
    void writtenValuesParseBackUnchanged(long seed) throws Exception {
        Random random = new Random(seed);
        KconfigValue value = randomValue(random);
        Assignment a = parse("CONFIG_SYM=" + value.configText() + "\n").get(0);
        assertEquals(value, a.value());
        assertEquals(
                List.of(new ResolvedSymbol("SYM", value)).toString(),
                List.of(new ResolvedSymbol(
                                "SYM",
                                parse(DotConfigWriter.render(List.of(new ResolvedSymbol("SYM", value)), ""))
                                        .get(0)
                                        .value()))
                        .toString());
    }

    static KconfigValue randomValue(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return random.nextBoolean() ? KconfigValue.YES : KconfigValue.NO;
            case 1:
                return new KconfigValue(KconfigType.INT, Integer.toString(random.nextInt(2_000_001) - 1_000_000));
            case 2:
                return new KconfigValue(
                        KconfigType.HEX, "0x" + Long.toHexString(random.nextLong() >>> random.nextInt(63)));
            default:
                String alphabet = "ab Z09_\"\\#=/.$-";
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(12); n > 0; n--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return KconfigValue.ofString(text.toString());
        }
    }
}
