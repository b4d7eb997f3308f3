package io.multiimage.core.spi;

/**
 * Where the core reports progress. The Maven plugin adapts its own log to this; the CLIs
 * print to the console. The core never uses a logging framework of its own.
 */
public interface BuildLog {

    void info(String message);

    void warn(String message);

    void debug(String message);

    boolean isDebugEnabled();

    /** A log that drops everything; for callers that only want results. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}

            @Override
            public boolean isDebugEnabled() {
                return false;
            }
        };
    }
}
