package io.multiimage.partition;

import java.util.*;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.*;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The candidate reader (docs/yaml-and-json.md): SnakeYAML's parser as events, the tree built here
 * without recursion (depth limit with its line), duplicate keys with both lines, the line of every
 * key, plain scalars typed by YamlScalars; tags, block scalars, complex keys and a second document
 * refused on events. Not shipped: compiled by bench/library-candidates.sh.
 */
public final class SnakeReader {
    private static final class Frame {
        final Object container; final Map<String, Integer> keyLines; String key;
        Frame(Object c) { container = c; keyLines = c instanceof Map ? new HashMap<>() : null; }
        boolean wantsKey() { return keyLines != null && key == null; }
    }
    @SuppressWarnings("unchecked") public static YamlReader.Document parse(String label, String text) throws PartitionException {
        return parseWithKeyLines(label, text).document();
    }

    @SuppressWarnings("unchecked") static YamlTextParser.Parsed parseWithKeyLines(String label, String text) throws PartitionException {
        Map<Map<String, Object>, Map<String, Integer>> allKeyLines = new IdentityHashMap<>();
        LoaderOptions options = new LoaderOptions();
        ParserImpl parser = new ParserImpl(new StreamReader(text), options);
        Deque<Frame> stack = new ArrayDeque<>();
        Map<String, Object> anchors = new HashMap<>();
        Object root = null;
        Map<String, Integer> topLines = new LinkedHashMap<>();
        int documents = 0;
        try {
            while (parser.peekEvent() != null) {
                Event e = parser.getEvent();
                int line = e.getStartMark().getLine() + 1;
                if (e instanceof StreamEndEvent) break;
                if (e instanceof DocumentStartEvent d) {
                    if (++documents > 1) throw bad(label, line, "a second YAML document ('---') is not supported; expected one document");
                    continue;
                }
                if (e instanceof StreamStartEvent || e instanceof DocumentEndEvent) continue;
                if (e instanceof MappingEndEvent || e instanceof SequenceEndEvent) { stack.pop(); continue; }
                Frame top = stack.peek();
                Object value;
                boolean open = false;
                if (e instanceof ScalarEvent s) {
                    if (s.getTag() != null && !s.getImplicit().canOmitTagInPlainScalar() && !s.getImplicit().canOmitTagInNonPlainScalar())
                        throw bad(label, line, "YAML tags ('!') are not supported");
                    if (s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)
                        throw bad(label, line, "block scalars ('" + s.getScalarStyle().getChar() + "') are not supported; write the value on one line");
                    if (top != null && top.wantsKey()) {
                        if (s.getAnchor() != null) throw bad(label, line, "anchors and aliases on mapping keys are not supported");
                        String key = s.getValue();
                        Integer first = top.keyLines.putIfAbsent(key, line);
                        if (first != null) throw bad(label, line, "duplicate key '" + key + "' (first on line " + first + "); a mapping may give each key only once");
                        if (stack.size() == 1) topLines.put(key, line);
                        top.key = key;
                        continue;
                    }
                    try {
                        value = s.isPlain() ? YamlScalars.resolve(s.getValue()) : s.getValue();
                    } catch (YamlScalars.BadNumber b) { throw bad(label, line, b.getMessage()); }
                    if (s.getAnchor() != null) anchors.put(s.getAnchor(), value);
                } else if (e instanceof AliasEvent a) {
                    if (top != null && top.wantsKey()) throw bad(label, line, "anchors and aliases on mapping keys are not supported");
                    if (!anchors.containsKey(a.getAnchor())) throw bad(label, line, "unknown YAML alias *" + a.getAnchor());
                    value = anchors.get(a.getAnchor());
                } else if (e instanceof MappingStartEvent m) {
                    LinkedHashMap<String, Object> map = new LinkedHashMap<>(); value = map; open = true;
                    if (m.getAnchor() != null) anchors.put(m.getAnchor(), value);
                } else if (e instanceof SequenceStartEvent q) {
                    value = new ArrayList<Object>(); open = true;
                    if (q.getAnchor() != null) anchors.put(q.getAnchor(), value);
                } else {
                    throw new IllegalStateException(e.toString());
                }
                if (top != null && top.wantsKey()) throw bad(label, line, "complex mapping keys ('? ') are not supported");
                attach(top, value);
                if (top == null) root = value;
                if (open) {
                    Frame frame = new Frame(value);
                    stack.push(frame);
                    if (frame.keyLines != null) allKeyLines.put((Map<String, Object>) value, frame.keyLines);
                    if (stack.size() > YamlReader.MAX_DEPTH) throw new PartitionException("nesting deeper than " + YamlReader.MAX_DEPTH + " levels", List.of(), List.of(label + ":" + line));
                }
            }
        } catch (MarkedYAMLException e) {
            throw bad(label, e.getProblemMark().getLine() + 1, e.getProblem());
        } catch (YAMLException e) {
            throw new PartitionException("not valid YAML: " + e.getMessage(), List.of(), List.of(label));
        }
        return new YamlTextParser.Parsed(new YamlReader.Document(root, topLines), allKeyLines);
    }
    @SuppressWarnings("unchecked")
    private static void attach(Frame top, Object value) {
        if (top == null) return;
        if (top.container instanceof Map) { ((Map<String, Object>) top.container).put(top.key, value); top.key = null; }
        else ((List<Object>) top.container).add(value);
    }
    private static PartitionException bad(String label, int line, String detail) {
        return new PartitionException("not valid YAML: " + detail, List.of(), List.of(label + ":" + line));
    }
}
