package io.multiimage.core.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?": the known name a misspelt one most likely meant. One rule for every such
 * message (a static partition that matches no image, a {@code child_image/} file that matches
 * no child): the edit distance (insertions, deletions, substitutions and swaps of neighbours,
 * ignoring case) is at most one per three characters of the shorter name. Two-character names
 * such as {@code b0} are one edit away from too many others to guess, so they only match a
 * name that differs in case.
 */
public final class ClosestName {

    private ClosestName() {}

    /**
     * The candidate closest to {@code name}, if it is close enough to be what {@code name} was
     * meant to be; a candidate equal to {@code name} is not a suggestion. Ties go to the
     * alphabetically first candidate, so the answer does not depend on the collection's order.
     */
    public static Optional<String> among(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.equals(name)) {
                continue;
            }
            int distance = distance(name, candidate);
            boolean closer = distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0);
            if (distance <= Math.min(name.length(), candidate.length()) / 3 && closer) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The number of single-character edits (a swap of neighbours counts as one) from a to b, ignoring case. */
    public static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length()][t.length()];
    }
}
