package io.multiimage.core.kconfig.engine;

/**
 * The string operations of the reference implementation (Kconfiglib runs on Python 3), with
 * Python's rules: which characters are whitespace for {@code str.strip()}/{@code isspace()},
 * how {@code expandtabs()} counts columns, how strings compare. Java's own {@code strip()} and
 * {@code compareTo()} differ in corner cases, and those corners show in line numbers and
 * output order.
 */
final class PyText {

    private PyText() {}

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int c) {
        if (c < 128) {
            return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
        }
        return c == 0x85
                || c == 0xa0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202f
                || c == 0x205f
                || c == 0x3000;
    }

    /** The whitespace of Python regular expressions compiled with {@code re.ASCII} ({@code \s}). */
    static boolean isAsciiRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** {@code s.isspace()}: non-empty and whitespace only. */
    static boolean isBlankNonEmpty(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code s.strip()}. */
    static String strip(String s) {
        return rstrip(lstrip(s));
    }

    /** {@code s.lstrip()}. */
    static String lstrip(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    /** {@code s.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code s.strip(chars)} with an explicit character set. */
    static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code s.expandtabs()}: tab stops every 8 columns, the column restarting after a line break. */
    static String expandTabs(String s) {
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int column = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                int spaces = 8 - column % 8;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else {
                out.append(c);
                column = (c == '\n' || c == '\r') ? 0 : column + 1;
            }
        }
        return out.toString();
    }

    /** Python's string comparison: by code point, not by UTF-16 unit. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        int restA = a.length() - i;
        int restB = b.length() - j;
        return restA == restB ? 0 : (restA < restB ? -1 : 1);
    }

    /** {@code s.isupper()}: at least one cased character, and every cased character upper case. */
    static boolean isUpper(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                cased = true;
            }
        }
        return cased;
    }

    /** {@code s.startswith(prefix, offset)} that tolerates an offset past the end. */
    static boolean startsWith(String s, String prefix, int offset) {
        return offset <= s.length() && s.startsWith(prefix, offset);
    }
}
