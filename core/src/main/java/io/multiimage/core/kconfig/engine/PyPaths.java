package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Path strings handled like Python's {@code os.path.join}, {@code os.path.dirname} and
 * {@code glob.iglob} (non-recursive): {@code source} statements build their paths as text, and
 * the text is what messages show, so {@code a/../K} stays {@code a/../K}.
 */
final class PyPaths {

    private PyPaths() {}

    /** {@code os.path.join(a, b)} on POSIX. */
    static String join(String a, String b) {
        if (b.startsWith("/")) {
            return b;
        }
        if (a.isEmpty() || a.endsWith("/")) {
            return a + b;
        }
        return a + "/" + b;
    }

    /** {@code os.path.dirname(p)} on POSIX. */
    static String dirname(String p) {
        int slash = p.lastIndexOf('/') + 1;
        String head = p.substring(0, slash);
        if (!head.isEmpty() && !allSlashes(head)) {
            head = stripTrailingSlashes(head);
        }
        return head;
    }

    private static boolean allSlashes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '/') {
                return false;
            }
        }
        return true;
    }

    /** The paths matching {@code pattern} (a path string, possibly with {@code * ? [..]}), unsorted. */
    static List<String> glob(String pattern) {
        List<String> out = new ArrayList<>();
        glob(pattern, false, out);
        return out;
    }

    private static void glob(String pathname, boolean dirOnly, List<String> out) {
        String[] split = split(pathname);
        String dirname = split[0];
        String basename = split[1];
        if (!hasMagic(pathname)) {
            if (!basename.isEmpty()) {
                if (lexists(pathname)) {
                    out.add(pathname);
                }
            } else if (isDir(dirname)) {
                out.add(pathname);
            }
            return;
        }
        if (dirname.isEmpty()) {
            for (String name : matchInDir("", basename, dirOnly)) {
                out.add(name);
            }
            return;
        }
        List<String> dirs = new ArrayList<>();
        if (!dirname.equals(pathname) && hasMagic(dirname)) {
            glob(dirname, true, dirs);
        } else {
            dirs.add(dirname);
        }
        for (String dir : dirs) {
            List<String> names;
            if (hasMagic(basename)) {
                names = matchInDir(dir, basename, dirOnly);
            } else {
                names = new ArrayList<>();
                if (basename.isEmpty() ? isDir(dir) : lexists(join(dir, basename))) {
                    names.add(basename);
                }
            }
            for (String name : names) {
                out.add(join(dir, name));
            }
        }
    }

    /** {@code os.path.split}. */
    private static String[] split(String p) {
        int slash = p.lastIndexOf('/') + 1;
        String head = p.substring(0, slash);
        String tail = p.substring(slash);
        if (!head.isEmpty() && !allSlashes(head)) {
            head = stripTrailingSlashes(head);
        }
        return new String[] {head, tail};
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    private static boolean hasMagic(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    private static List<String> matchInDir(String dir, String pattern, boolean dirOnly) {
        List<String> names = new ArrayList<>();
        Path directory = Path.of(dir.isEmpty() ? "." : dir);
        if (!Files.isDirectory(directory)) {
            return names;
        }
        NamePattern matcher = new NamePattern(pattern);
        boolean hiddenAllowed = pattern.startsWith(".");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (dirOnly && !Files.isDirectory(entry)) {
                    continue;
                }
                if (!hiddenAllowed && name.startsWith(".")) {
                    continue;
                }
                if (matcher.matches(name)) {
                    names.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ArrayList<>();
        }
        return names;
    }

    private static boolean lexists(String path) {
        try {
            return Files.exists(Path.of(path), LinkOption.NOFOLLOW_LINKS);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isDir(String path) {
        try {
            return Files.isDirectory(Path.of(path.isEmpty() ? "." : path));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A file name pattern as {@code fnmatch} reads it: {@code *} (any run), {@code ?} (one
     * character), {@code [seq]} and {@code [!seq]} (one character of / not of the set, with
     * {@code a-z} ranges; an unclosed {@code [} is literal); everything else literal.
     */
    static final class NamePattern {
        private static final int STAR = -1;
        private static final int ANY = -2;
        private static final int SET = -3;
        private final int[] kinds;
        private final String[] sets;
        private final boolean[] negated;

        NamePattern(String pattern) {
            List<Integer> kindList = new ArrayList<>();
            List<String> setList = new ArrayList<>();
            List<Boolean> negatedList = new ArrayList<>();
            int i = 0;
            int n = pattern.length();
            while (i < n) {
                char c = pattern.charAt(i++);
                if (c == '*') {
                    if (kindList.isEmpty() || kindList.get(kindList.size() - 1) != STAR) {
                        add(kindList, setList, negatedList, STAR, null, false);
                    }
                } else if (c == '?') {
                    add(kindList, setList, negatedList, ANY, null, false);
                } else if (c == '[') {
                    int j = i;
                    if (j < n && pattern.charAt(j) == '!') {
                        j++;
                    }
                    if (j < n && pattern.charAt(j) == ']') {
                        j++;
                    }
                    while (j < n && pattern.charAt(j) != ']') {
                        j++;
                    }
                    if (j >= n) {
                        add(kindList, setList, negatedList, '[', null, false);
                    } else {
                        String body = pattern.substring(i, j);
                        boolean negate = body.startsWith("!");
                        add(kindList, setList, negatedList, SET, expandSet(negate ? body.substring(1) : body), negate);
                        i = j + 1;
                    }
                } else {
                    add(kindList, setList, negatedList, c, null, false);
                }
            }
            kinds = new int[kindList.size()];
            sets = new String[kindList.size()];
            negated = new boolean[kindList.size()];
            for (int k = 0; k < kinds.length; k++) {
                kinds[k] = kindList.get(k);
                sets[k] = setList.get(k);
                negated[k] = negatedList.get(k);
            }
        }

        private static void add(
                List<Integer> kinds, List<String> sets, List<Boolean> negated, int kind, String set, boolean negate) {
            kinds.add(kind);
            sets.add(set);
            negated.add(negate);
        }

        /** The characters of a set as pairs {@code low high} (a single character is {@code c c}). */
        private static String expandSet(String set) {
            StringBuilder pairs = new StringBuilder();
            int k = 0;
            while (k < set.length()) {
                char low = set.charAt(k);
                if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                    char high = set.charAt(k + 2);
                    if (low <= high) {
                        pairs.append(low).append(high);
                    }
                    k += 3;
                } else {
                    pairs.append(low).append(low);
                    k++;
                }
            }
            return pairs.toString();
        }

        private boolean matchesOne(int k, char c) {
            int kind = kinds[k];
            if (kind == ANY) {
                return true;
            }
            if (kind != SET) {
                return kind == c;
            }
            String pairs = sets[k];
            boolean in = false;
            for (int p = 0; p + 1 < pairs.length(); p += 2) {
                if (c >= pairs.charAt(p) && c <= pairs.charAt(p + 1)) {
                    in = true;
                    break;
                }
            }
            return in != negated[k];
        }

        /** Whether the whole of {@code name} matches (backtracking only to the last {@code *}). */
        boolean matches(String name) {
            int p = 0;
            int s = 0;
            int starP = -1;
            int starS = -1;
            while (s < name.length()) {
                if (p < kinds.length && kinds[p] == STAR) {
                    starP = p++;
                    starS = s;
                } else if (p < kinds.length && matchesOne(p, name.charAt(s))) {
                    p++;
                    s++;
                } else if (starP >= 0) {
                    p = starP + 1;
                    s = ++starS;
                } else {
                    return false;
                }
            }
            while (p < kinds.length && kinds[p] == STAR) {
                p++;
            }
            return p == kinds.length;
        }
    }
}
