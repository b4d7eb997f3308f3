package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.core.InvalidConfigurationException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsObjectsInDocumentOrderArraysStringsNumbersAndLiterals() throws Exception {
        Object value = JsonReader.parse(
                "{ \"b\" : [1, -2, 3.5, 1e3, 99999999999999999999], \"a\" : \"x\\\"\\u00e9\\n\","
                        + " \"t\" : true, \"f\" : false, \"n\" : null, \"e\" : { } }",
                "x.json");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put(
                "b",
                List.of(1L, -2L, new BigDecimal("3.5"), new BigDecimal("1e3"), new BigDecimal("99999999999999999999")));
        expected.put("a", "x\"\u00e9\n");
        expected.put("t", true);
        expected.put("f", false);
        expected.put("n", null);
        expected.put("e", Map.of());
        assertEquals(expected, value);
        assertEquals(List.of("b", "a", "t", "f", "n", "e"), List.copyOf(((Map<?, ?>) value).keySet()));
    }

    @Test
    void errorsNameTheFileLineAndColumn() {
        for (String[] bad : new String[][] {
            {"{\n  \"a\" : 1,\n  \"b\" 2\n}", "x.json:3:7: not valid JSON: expected ':' but found '2'"},
            {"{\"a\" : [1, 2", "x.json:1:13: not valid JSON: the text ends where ']' was expected"},
            {"[1] 2", "x.json:1:5: not valid JSON: text after the end of the JSON value"},
            {"{\"a\": tru}", "x.json:1:7: not valid JSON: expected true"},
            {
                "{\"a\": \"x\ty\"}",
                "x.json:1:9: not valid JSON: a control character inside a string (write it as"
                        + " an escape such as \\n)"
            },
            {"", "x.json:1:1: not valid JSON: the text ends where a value was expected"},
            {"{a: 1}", "x.json:1:2: not valid JSON: expected a member name in double quotes"}
        }) {
            InvalidConfigurationException e =
                    assertThrows(InvalidConfigurationException.class, () -> JsonReader.parse(bad[0], "x.json"), bad[0]);
            assertEquals(bad[1], e.getMessage(), Arrays.toString(bad));
        }
    }
}
