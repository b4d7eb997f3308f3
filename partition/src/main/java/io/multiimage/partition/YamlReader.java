package io.multiimage.partition;

import java.util.List;
import java.util.Map;

/**
 * Reads the YAML of {@code pm.yml}, {@code pm_static.yml}, {@code partitions.yml} and
 * {@code regions.yml} into plain Java values, the way the reference's YAML 1.1 loader does:
 * mappings become insertion-ordered {@link java.util.LinkedHashMap}s, sequences
 * {@link java.util.ArrayList}s, integers (also {@code 0x..}) {@link Long}s, floats
 * {@link Double}s, {@code true/false/yes/no/on/off} {@link Boolean}s, {@code null}, {@code ~} and
 * empty values {@code null}, and an alias yields the <em>same</em> object as its anchor (so
 * anchored lists are written back with anchors). A key given twice in one mapping is an error
 * (PyYAML keeps the last value silently), and so is nesting deeper than {@link #MAX_DEPTH}
 * levels.
 *
 * <p>Hand-written for the subset these files use (block and flow collections, plain and
 * one-line quoted scalars, comments, anchors, one document): a YAML library costs more class
 * loading than a no-op build may spend. Everything outside the subset (tags, block scalars,
 * complex keys, multi-line quoted scalars, several documents, tabs in indentation) is rejected
 * with its line, never read differently.
 */
public final class YamlReader {

    /**
     * A parsed document and the line of each top-level key (1-based).
     *
     * @param root          the document's value ({@code null} for an empty document)
     * @param topLevelLines line of each key of a top-level mapping
     */
    public record Document(Object root, Map<String, Integer> topLevelLines) {}

    /** The deepest nesting of collections a document may have ({@code FILE:LINE: nesting deeper than N levels}). */
    public static final int MAX_DEPTH = YamlTextParser.MAX_DEPTH;

    private YamlReader() {}

    /**
     * Parses one YAML document.
     *
     * @param label file name or label used in error messages
     * @param text  the YAML text
     * @return the root value and the lines of its top-level keys
     * @throws PartitionException when the text is not valid YAML or outside the supported
     *                            subset; its source is {@code label:line}
     */
    public static Document parse(String label, String text) throws PartitionException {
        return parseWithKeyLines(label, text).document();
    }

    /** Like {@link #parse}, also giving the line of every key of every mapping (by mapping identity). */
    static YamlTextParser.Parsed parseWithKeyLines(String label, String text) throws PartitionException {
        try {
            return YamlTextParser.parseWithKeyLines(text);
        } catch (YamlTextParser.TooDeep e) {
            throw new PartitionException(e.getMessage(), List.of(), List.of(label + ":" + e.line));
        } catch (YamlTextParser.SyntaxError e) {
            throw new PartitionException("not valid YAML: " + e.getMessage(), List.of(), List.of(label + ":" + e.line));
        }
    }
}
