package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Values as lines and back: types, key order, sharing and awkward text survive; the lines are plain ASCII. */
class ValueLinesTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomTreesComeBackWithTheirTypesOrderAndSharing(long seed) throws ValueLines.Malformed {
        Map<String, Object> tree = YamlRoundTripTest.mapping(new Random(seed), 0, new ArrayList<>());
        ValueLines.Writer writer = new ValueLines.Writer();
        String root = writer.token(tree);

        ValueLines.Reader reader = new ValueLines.Reader();
        for (String line : writer.lines()) {
            assertTrue(line.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f), line);
            reader.define(line);
        }
        YamlTrees.assertSameTree(tree, reader.value(root), "seed " + seed);
    }

    @Test
    void textWithTabsLineBreaksBackslashesAndNonAsciiIsEscaped() throws ValueLines.Malformed {
        String text = "a\tb\nc\rd\\e\u00e9\uD83D\uDE00\u0000\u007f";
        String escaped = ValueLines.escape(text);
        assertEquals("a\\tb\\nc\\rd\\\\e\\u00e9\\ud83d\\ude00\\u0000\\u007f", escaped);
        assertEquals(text, ValueLines.unescape(escaped));
    }

    @Test
    void integersAndLongsAndDoublesKeepTheirType() throws ValueLines.Malformed {
        ValueLines.Writer writer = new ValueLines.Writer();
        List<Object> values = new ArrayList<>(List.of(7, 7L, -0x10L, 1.5, Double.NaN, -0.0, true, false, "7"));
        values.add(null);
        String token = writer.token(values);
        ValueLines.Reader reader = new ValueLines.Reader();
        for (String line : writer.lines()) {
            reader.define(line);
        }
        List<?> back = (List<?>) reader.value(token);
        assertEquals(values, back);
        for (int i = 0; i < values.size() - 1; i++) {
            assertEquals(values.get(i).getClass(), back.get(i).getClass(), String.valueOf(values.get(i)));
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back.get(5)));
    }

    @Test
    void malformedLinesAndTokensAreRefused() {
        ValueLines.Reader reader = new ValueLines.Reader();
        for (String line : List.of(
                "map\tk",
                "map\tk\tL1\tk\tL2",
                "list\t@0",
                "list\tX",
                "list\tL",
                "list\tL+1",
                "list\tLx",
                "list\tT1",
                "list\tS\\q",
                "list\tS\\u12",
                "list\tS\\",
                "vector\tL1")) {
            assertThrows(ValueLines.Malformed.class, () -> reader.define(line), line);
        }
    }

    @Test
    void valuesOfOtherTypesCannotBeRecorded() {
        assertThrows(IllegalArgumentException.class, () -> new ValueLines.Writer().token(List.of(new Object())));
    }
}
