package io.multiimage.core.build;

import io.multiimage.core.spi.BuildLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link BuildLog} that remembers every line with its level, for assertions. */
public final class CollectingLog implements BuildLog {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

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
        return true;
    }

    /** Every line so far, as {@code LEVEL message}. */
    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** The messages logged at {@code level}. */
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
