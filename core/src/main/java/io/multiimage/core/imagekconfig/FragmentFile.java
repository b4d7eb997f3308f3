package io.multiimage.core.imagekconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts assignments into a fragment's text the way a person editing it would: a line that
 * already assigns one of the symbols ({@code CONFIG_X=...} or {@code # CONFIG_X is not set})
 * is replaced in place, the others are appended under a comment, and every other line stays.
 */
public final class FragmentFile {

    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(?:CONFIG_([A-Za-z0-9_]+)=.*|# CONFIG_([A-Za-z0-9_]+) is not set.*)$");

    private FragmentFile() {}

    /**
     * The text of {@code existing} with {@code lines} put in.
     *
     * @param existing the fragment's current text ("" for a new file)
     * @param lines symbol name (without {@code CONFIG_}) → the full {@code .config} line, in order
     * @param comment the comment line above appended assignments (without {@code #})
     */
    public static String merge(String existing, Map<String, String> lines, String comment) {
        Map<String, String> pending = new LinkedHashMap<>(lines);
        List<String> out = new ArrayList<>();
        for (String line : existing.isEmpty() ? List.<String>of() : List.of(existing.split("\n", -1))) {
            Matcher m = ASSIGNMENT.matcher(line);
            String symbol = m.matches() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
            if (symbol != null && lines.containsKey(symbol)) {
                if (pending.containsKey(symbol)) {
                    out.add(pending.remove(symbol));
                }
                continue; // a second line of the same symbol goes: the file says it once
            }
            out.add(line);
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // the text ended with a line break
        }
        if (!pending.isEmpty()) {
            if (!out.isEmpty()) {
                out.add("");
            }
            out.add("# " + comment);
            out.addAll(pending.values());
        }
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }
}
