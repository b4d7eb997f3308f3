package io.multiimage.partition;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The partition module's former Jackson-based YAML reader, kept as the reference the
 * hand-written {@link YamlReader} is compared with (same contract, same results).
 */
final class JacksonYamlReference {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** A parsed document and the line of each top-level key (1-based). */
    record Document(Object root, Map<String, Integer> topLevelLines) {}

    private final String label;
    private final YAMLParser parser;
    private final Map<String, Object> anchors = new HashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private JacksonYamlReference(String label, YAMLParser parser) {
        this.label = label;
        this.parser = parser;
    }

    /**
     * Parses one YAML document.
     *
     * @param label file name or label used in error messages
     * @param text  the YAML text
     * @throws PartitionException when the text is not valid YAML
     */
    static Document parse(String label, String text) throws PartitionException {
        try (YAMLParser p = FACTORY.createParser(text)) {
            JacksonYamlReference reader = new JacksonYamlReference(label, p);
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Document(null, Map.of());
            }
            Object root = reader.readValue(first, 0);
            return new Document(root, Map.copyOf(reader.lines));
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr()
                    : -1;
            String where = line > 0 ? label + ":" + line : label;
            String msg = e.getMessage() == null
                    ? e.toString()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new PartitionException("not valid YAML: " + msg, List.of(), List.of(where));
        }
    }

    private Object readValue(JsonToken token, int depth) throws IOException, PartitionException {
        if (parser.isCurrentAlias()) {
            String alias = parser.getText();
            if (!anchors.containsKey(alias)) {
                throw new PartitionException(
                        "unknown YAML alias *" + alias,
                        List.of(),
                        List.of(label + ":" + parser.currentTokenLocation().getLineNr()));
            }
            return anchors.get(alias);
        }
        String anchor = parser.getObjectId();
        Object value;
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                if (anchor != null) {
                    anchors.put(anchor, map);
                }
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    if (depth == 0) {
                        lines.putIfAbsent(key, parser.currentTokenLocation().getLineNr());
                    }
                    JsonToken v = parser.nextToken();
                    // a repeated key keeps its first position and takes the last value, like PyYAML
                    map.put(key, readValue(v, depth + 1));
                }
                value = map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                if (anchor != null) {
                    anchors.put(anchor, list);
                }
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(t, depth + 1));
                }
                value = list;
            }
            case VALUE_NUMBER_INT -> {
                BigInteger big = parser.getBigIntegerValue();
                if (big.bitLength() > 62) {
                    throw new PartitionException(
                            "integer " + big + " is too large",
                            List.of(),
                            List.of(label + ":" + parser.currentTokenLocation().getLineNr()));
                }
                value = big.longValue();
            }
            case VALUE_NUMBER_FLOAT -> value = parser.getDoubleValue();
            case VALUE_TRUE -> value = Boolean.TRUE;
            case VALUE_FALSE -> value = Boolean.FALSE;
            case VALUE_NULL -> value = null;
            case VALUE_STRING -> value = parser.getText();
            default ->
                throw new PartitionException(
                        "unexpected YAML token " + token,
                        List.of(),
                        List.of(label + ":" + parser.currentTokenLocation().getLineNr()));
        }
        if (anchor != null && !(value instanceof Map) && !(value instanceof List)) {
            anchors.put(anchor, value);
        }
        return value;
    }
}
