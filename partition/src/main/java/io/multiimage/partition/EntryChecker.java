package io.multiimage.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the entries of one request or static file before anything is solved: every key must
 * be one a partition file may carry at its place (a misspelt {@code sizee:} would otherwise be
 * carried along silently and the partition placed without its size), and sizes must not be
 * negative (nor zero in a static entry, which must give its size). Errors name the file and the
 * line of the offending key.
 */
final class EntryChecker {

    /** The request keys of the spec (1.1). */
    static final List<String> REQUEST_KEYS =
            List.of("size", "placement", "span", "inside", "share_size", "region", "affiliation", "extra_params");
    /** Keys the reference writes to {@code partitions.yml}, which {@code pm_static.yml} files are copies of. */
    static final List<String> OUTPUT_KEYS = List.of("address", "end_address", "orig_span", "sharers", "device");
    /** Descriptive keys that are carried to {@code partitions.yml} as they are (the reference copies any key). */
    static final List<String> CARRIED_KEYS = List.of("description", "notes", "image", "erase_on_update");
    /** The keys of {@code placement} (spec 1.2). */
    static final List<String> PLACEMENT_KEYS = List.of("before", "after", "align", "align_next");
    /** The keys of {@code placement.align}. */
    static final List<String> ALIGN_KEYS = List.of("start", "end");

    private static final List<String> ENTRY_KEYS = concat(REQUEST_KEYS, OUTPUT_KEYS, CARRIED_KEYS);
    private static final Set<String> MISPLACED = Set.of("align", "align_next");

    /** The line of a key of a parsed mapping, or 0 when unknown (a source given as a map). */
    @FunctionalInterface
    interface KeyLines {
        int lineOf(Map<String, Object> mapping, String key);
    }

    private final String label;
    private final KeyLines lines;
    private final Set<String> generatedNames;

    /**
     * @param label          the file, as messages name it
     * @param lines          where the keys are
     * @param generatedNames names of records the partition manager itself writes (region free-space
     *                       partitions, dynamic partitions); a static copy of one may have size 0
     */
    EntryChecker(String label, KeyLines lines, Set<String> generatedNames) {
        this.label = label;
        this.lines = lines;
        this.generatedNames = generatedNames;
    }

    /** Checks one entry; {@code entryLine} is the line of its name (0 when unknown). */
    void check(String name, Map<String, Object> props, int entryLine, boolean isStatic) throws PartitionException {
        String what = (isStatic ? "static partition '" : "partition '") + name + "'";
        for (String key : props.keySet()) {
            if (MISPLACED.contains(key)) {
                throw error(
                        props,
                        key,
                        entryLine,
                        name,
                        what + ": '" + key + "' is misplaced; it belongs inside" + " 'placement'");
            }
            if (!ENTRY_KEYS.contains(key)) {
                throw error(
                        props,
                        key,
                        entryLine,
                        name,
                        what + ": unknown key '" + key + "'" + suggestion(key, ENTRY_KEYS)
                                + " Keys allowed here: " + String.join(", ", REQUEST_KEYS)
                                + "; as in a copied partitions.yml: "
                                + String.join(", ", OUTPUT_KEYS) + "; carried as they are: "
                                + String.join(", ", CARRIED_KEYS)
                                + ". Put data of your own under 'extra_params'.");
            }
        }
        Map<String, Object> placement = Props.asMap(props.get("placement"));
        if (placement != null) {
            for (String key : placement.keySet()) {
                if (!PLACEMENT_KEYS.contains(key)) {
                    throw error(
                            placement,
                            key,
                            entryLine,
                            name,
                            what + ": unknown key '" + key + "' in 'placement'"
                                    + suggestion(key, PLACEMENT_KEYS) + " Keys allowed in 'placement': "
                                    + String.join(", ", PLACEMENT_KEYS) + ".");
                }
            }
            Map<String, Object> align = Props.asMap(placement.get("align"));
            if (align != null) {
                for (String key : align.keySet()) {
                    if (!ALIGN_KEYS.contains(key)) {
                        throw error(
                                align,
                                key,
                                entryLine,
                                name,
                                what + ": unknown key '" + key + "' in"
                                        + " 'placement.align'" + suggestion(key, ALIGN_KEYS)
                                        + " 'align' takes exactly one of: start, end.");
                    }
                }
            }
        }
        if (props.get("size") instanceof Long size) {
            if (size < 0) {
                throw error(
                        props,
                        "size",
                        entryLine,
                        name,
                        what + ": size " + Props.hex(size) + " is negative; a size" + " is a number of bytes"
                                + (isStatic ? "" : " (0 leaves the partition out)"));
            }
            if (size == 0 && isStatic && !isGenerated(name)) {
                throw error(
                        props,
                        "size",
                        entryLine,
                        name,
                        what + ": size 0x0; a static partition must give its"
                                + " size in bytes (remove the entry to leave the partition out)");
            }
        }
    }

    private boolean isGenerated(String name) {
        return generatedNames.contains(name) || name.matches("EMPTY_[0-9]+");
    }

    private PartitionException error(
            Map<String, Object> mapping, String key, int entryLine, String name, String detail) {
        int line = lines.lineOf(mapping, key);
        if (line == 0) {
            line = entryLine;
        }
        return new PartitionException(detail, List.of(name), List.of(line > 0 ? label + ":" + line : label));
    }

    /** {@code "; did you mean 'size'?"} for a key one or two edits away from an allowed one, else {@code "."}. */
    static String suggestion(String key, List<String> allowed) {
        if (key.length() > 40) {
            return ".";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 2 && bestDistance < key.length()
                ? "; did you mean '" + best + "'?"
                : ".";
    }

    /** Edit distance (insertions, deletions, substitutions, transpositions of neighbours). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return List.copyOf(all);
    }
}
