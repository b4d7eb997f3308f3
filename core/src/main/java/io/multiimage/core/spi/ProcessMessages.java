package io.multiimage.core.spi;

import java.time.Duration;
import java.util.List;

/** Formatting shared by the process exceptions. */
final class ProcessMessages {

    private ProcessMessages() {}

    /** {@code ":\n  line\n  line"}, or nothing for no lines. */
    static String tail(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        return ":\n  " + String.join("\n  ", lines);
    }

    /** "600 s", or "1.5 s" when the duration is not a whole number of seconds. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
