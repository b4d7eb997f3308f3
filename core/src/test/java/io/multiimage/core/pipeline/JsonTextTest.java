package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * build-info.json is written by hand; its bytes must stay those Jackson's pretty printer gave
 * (an existing build-info.json must not change when nothing else did).
 */
class JsonTextTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static String jackson(Object value) throws Exception {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return JACKSON.writer(printer).writeValueAsString(value) + "\n";
    }

    @Test
    void buildInfoShapedTreeIsWrittenAsJacksonWroteIt() throws Exception {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("name", "mcuboot");
        image.put("static", false);
        image.put("inputs", Map.of());
        image.put("outputs", new LinkedHashMap<>(Map.of("mcuboot.hex", "ab12")));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", 1);
        root.put("images", List.of(image));
        root.put("merged", new LinkedHashMap<>());
        root.put("none", List.of());
        assertEquals(jackson(root), JsonText.of(root));
        assertEquals("""
                {
                  "format" : 1,
                  "images" : [
                    {
                      "name" : "mcuboot",
                      "static" : false,
                      "inputs" : { },
                      "outputs" : {
                        "mcuboot.hex" : "ab12"
                      }
                    }
                  ],
                  "merged" : { },
                  "none" : [ ]
                }
                """, JsonText.of(root));
    }

    @Test
    void stringsAreEscapedAsJacksonEscapesThem() throws Exception {
        String tricky = "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 unit \u001f slash / é €";
        Map<String, Object> root = Map.of(tricky, tricky);
        assertEquals(jackson(root), JsonText.of(root));
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 200).mapToObj(i -> 0x5EED0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomTreesAreWrittenAsJacksonWritesThem(long seed) throws Exception {
        Object tree = randomValue(new Random(seed), 0);
        assertEquals(jackson(tree), JsonText.of(tree));
    }

    @Test
    void somethingThatIsNotJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JsonText.of(Map.of("path", new Object())));
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 4 : 6);
        return switch (kind) {
            case 0 -> randomString(random);
            case 1 -> random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1000);
            case 2 -> random.nextBoolean();
            case 3 -> "0x" + Long.toHexString(random.nextLong() >>> 32);
            case 4 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomString(Random random) {
        String alphabet = "abcXYZ019 _-./:\"\\\n\t\u0001\u00e9\u20ac";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
