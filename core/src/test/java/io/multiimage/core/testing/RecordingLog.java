package io.multiimage.core.testing;

import io.multiimage.core.spi.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link BuildLog} for core's tests: remembers every line as {@code LEVEL message}
 * ({@code INFO}, {@code WARN}, {@code DEBUG}), from any thread, for assertions.
 */
public final class RecordingLog implements BuildLog {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final boolean debugEnabled;

    /** A log with debug output enabled, so that debug-only messages are produced and recorded. */
    public RecordingLog() {
        this(true);
    }

    /** A log that tells the code under test whether debug output is wanted. */
    public RecordingLog(boolean debugEnabled) {
        this.debugEnabled = debugEnabled;
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return debugEnabled;
    }

    /** Every line so far, as {@code LEVEL message}, in the order logged. */
    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** The messages logged at {@code level} ({@code INFO}, {@code WARN}, {@code DEBUG}), without the prefix. */
    public List<String> at(String level) {
        List<String> result = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith(level + " ")) {
                result.add(line.substring(level.length() + 1));
            }
        }
        return result;
    }
}
