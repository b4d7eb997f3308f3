package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
            head = stripTrailingSlashes(head);
        }
        return head;
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
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
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
        Pattern regex = translate(pattern);
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
                if (regex.matcher(name).matches()) {
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

    /** {@code fnmatch.translate}: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}; the rest literal. */
    static Pattern translate(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                regex.append("[\\s\\S]*");
                while (i < n && pattern.charAt(i) == '*') {
                    i++;
                }
            } else if (c == '?') {
                regex.append("[\\s\\S]");
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
                    regex.append("\\[");
                } else {
                    regex.append(characterClass(pattern.substring(i, j)));
                    i = j + 1;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** One {@code [..]} set: {@code !} negates, {@code a-z} is a range, anything else is literal. */
    private static String characterClass(String body) {
        boolean negate = body.startsWith("!");
        String set = negate ? body.substring(1) : body;
        List<int[]> ranges = new ArrayList<>();
        int k = 0;
        while (k < set.length()) {
            char low = set.charAt(k);
            if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                char high = set.charAt(k + 2);
                if (low <= high) {
                    ranges.add(new int[] {low, high});
                }
                k += 3;
            } else {
                ranges.add(new int[] {low, low});
                k++;
            }
        }
        if (ranges.isEmpty()) {
            return negate ? "[\\s\\S]" : "(?!)";
        }
        StringBuilder out = new StringBuilder(negate ? "[^" : "[");
        for (int[] range : ranges) {
            out.append(escapeInClass((char) range[0]));
            if (range[1] != range[0]) {
                out.append('-').append(escapeInClass((char) range[1]));
            }
        }
        return out.append(']').toString();
    }

    private static String escapeInClass(char c) {
        return String.format("\\x{%x}", (int) c);
    }
}
