package io.multiimage.partition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The candidate reader (docs/yaml-and-json.md): SnakeYAML's parser as events, the tree built here
 * without recursion (depth limit with its line), duplicate keys with both lines, the line of every
 * key, plain scalars typed by YamlScalars; tags, block scalars, complex keys and a second document
 * refused on events. Not shipped: compiled by bench/library-candidates.sh.
 */
public final class SnakeReader {

    /** An open mapping or sequence, and for a mapping the key waiting for its value. */
    private static final class Frame {
        final Object container;
        final Map<String, Integer> keyLines;
        String key;

        Frame(Object container) {
            this.container = container;
            this.keyLines = container instanceof Map ? new HashMap<>() : null;
        }

        boolean wantsKey() {
            return keyLines != null && key == null;
        }
    }

    private final String label;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<String, Object> anchors = new HashMap<>();
    private final Map<Map<String, Object>, Map<String, Integer>> keyLines = new IdentityHashMap<>();
    private final Map<String, Integer> topLevelLines = new LinkedHashMap<>();
    private Object root;
    private int documents;

    private SnakeReader(String label) {
        this.label = label;
    }

    /** As {@link YamlReader#parse}. */
    public static YamlReader.Document parse(String label, String text) throws PartitionException {
        return parseWithKeyLines(label, text).document();
    }

    /** As {@code YamlReader.parseWithKeyLines}. */
    static YamlTextParser.Parsed parseWithKeyLines(String label, String text) throws PartitionException {
        SnakeReader reader = new SnakeReader(label);
        ParserImpl parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
        try {
            while (parser.peekEvent() != null && !(parser.peekEvent() instanceof StreamEndEvent)) {
                reader.take(parser.getEvent());
            }
        } catch (MarkedYAMLException e) {
            throw reader.invalid(e.getProblemMark().getLine() + 1, e.getProblem());
        } catch (YAMLException e) {
            throw new PartitionException("not valid YAML: " + e.getMessage(), List.of(), List.of(label));
        }
        return new YamlTextParser.Parsed(new YamlReader.Document(reader.root, reader.topLevelLines), reader.keyLines);
    }

    private void take(Event event) throws PartitionException {
        int line = event.getStartMark().getLine() + 1;
        if (event instanceof StreamStartEvent || event instanceof DocumentEndEvent) {
            return;
        }
        if (event instanceof DocumentStartEvent) {
            if (++documents > 1) {
                throw invalid(line, "a second YAML document ('---') is not supported; expected one document");
            }
            return;
        }
        if (event instanceof MappingEndEvent || event instanceof SequenceEndEvent) {
            open.pop();
            return;
        }
        Frame parent = open.peek();
        if (event instanceof ScalarEvent scalar) {
            scalar(parent, scalar, line);
        } else if (event instanceof AliasEvent alias) {
            if (parent != null && parent.wantsKey()) {
                throw invalid(line, "anchors and aliases on mapping keys are not supported");
            }
            if (!anchors.containsKey(alias.getAnchor())) {
                throw invalid(line, "unknown YAML alias *" + alias.getAnchor());
            }
            attach(parent, anchors.get(alias.getAnchor()), line);
        } else if (event instanceof MappingStartEvent mapping) {
            collection(parent, new LinkedHashMap<String, Object>(), mapping.getAnchor(), line);
        } else if (event instanceof SequenceStartEvent sequence) {
            collection(parent, new ArrayList<Object>(), sequence.getAnchor(), line);
        } else {
            throw new IllegalStateException("unexpected event " + event);
        }
    }

    private void scalar(Frame parent, ScalarEvent scalar, int line) throws PartitionException {
        if (scalar.getTag() != null && !scalar.getImplicit().canOmitTagInPlainScalar()
                && !scalar.getImplicit().canOmitTagInNonPlainScalar()) {
            throw invalid(line, "YAML tags ('!') are not supported");
        }
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
            throw invalid(line, "block scalars ('" + style.getChar() + "') are not supported; write the value on one line");
        }
        if (parent != null && parent.wantsKey()) {
            key(parent, scalar, line);
            return;
        }
        Object value;
        try {
            value = scalar.isPlain() ? YamlScalars.resolve(scalar.getValue()) : scalar.getValue();
        } catch (YamlScalars.BadNumber e) {
            throw invalid(line, e.getMessage());
        }
        if (scalar.getAnchor() != null) {
            anchors.put(scalar.getAnchor(), value);
        }
        attach(parent, value, line);
    }

    private void key(Frame mapping, ScalarEvent scalar, int line) throws PartitionException {
        if (scalar.getAnchor() != null) {
            throw invalid(line, "anchors and aliases on mapping keys are not supported");
        }
        String key = scalar.getValue();
        Integer first = mapping.keyLines.putIfAbsent(key, line);
        if (first != null) {
            throw invalid(line, "duplicate key '" + key + "' (first on line " + first
                    + "); a mapping may give each key only once");
        }
        if (open.size() == 1) {
            topLevelLines.put(key, line);
        }
        mapping.key = key;
    }

    @SuppressWarnings("unchecked")
    private void collection(Frame parent, Object container, String anchor, int line) throws PartitionException {
        if (anchor != null) {
            anchors.put(anchor, container);
        }
        attach(parent, container, line);
        Frame frame = new Frame(container);
        open.push(frame);
        if (frame.keyLines != null) {
            keyLines.put((Map<String, Object>) container, frame.keyLines);
        }
        if (open.size() > YamlReader.MAX_DEPTH) {
            throw new PartitionException("nesting deeper than " + YamlReader.MAX_DEPTH + " levels", List.of(),
                    List.of(label + ":" + line));
        }
    }

    @SuppressWarnings("unchecked")
    private void attach(Frame parent, Object value, int line) throws PartitionException {
        if (parent == null) {
            root = value;
        } else if (parent.wantsKey()) {
            throw invalid(line, "complex mapping keys ('? ') are not supported");
        } else if (parent.container instanceof Map) {
            ((Map<String, Object>) parent.container).put(parent.key, value);
            parent.key = null;
        } else {
            ((List<Object>) parent.container).add(value);
        }
    }

    private PartitionException invalid(int line, String detail) {
        return new PartitionException("not valid YAML: " + detail, List.of(), List.of(label + ":" + line));
    }
}
