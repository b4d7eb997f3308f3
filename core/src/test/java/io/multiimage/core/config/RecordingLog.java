package io.multiimage.core.config;

import io.multiimage.core.spi.BuildLog;
import java.util.ArrayList;
import java.util.List;

/** A build log for tests: keeps every line with its level. */
final class RecordingLog implements BuildLog {

    final List<String> lines = new ArrayList<>();
    private final boolean debug;

    RecordingLog() {
        this(false);
    }

    RecordingLog(boolean debug) {
        this.debug = debug;
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
        return debug;
    }

    /** The file names of the {@code Merged configuration '…'} lines, in order. */
    List<String> merged() {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("INFO Merged configuration '")) {
                names.add(line.substring("INFO Merged configuration '".length(), line.length() - 1));
            }
        }
        return names;
    }
}
