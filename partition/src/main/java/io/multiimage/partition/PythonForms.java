package io.multiimage.partition;

/**
 * How the reference scripts, written in Python, write and order values: {@code hex()} of an
 * integer and the order of strings (by code point). Kept apart from the YAML writer so that
 * generating headers and {@code pm.config} from a recorded layout touches no YAML code.
 */
final class PythonForms {

    private PythonForms() {}

    /** Python's {@code hex()}: {@code 0x1f}, {@code -0x10}. */
    static String hex(long value) {
        return value < 0 ? "-0x" + Long.toHexString(-value) : "0x" + Long.toHexString(value);
    }

    /** Python's string order: by code point. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
