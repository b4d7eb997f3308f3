package io.multiimage.core.pipeline;

import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The log of one image's build: every line goes to the build's log and is also kept, so that
 * it can be saved as {@code <image>/build.log} beside the image's outputs — also when the
 * build failed, which is when it is read.
 */
final class ImageBuildLog implements BuildLog {

    private final BuildLog delegate;
    private final StringBuilder text = new StringBuilder();

    ImageBuildLog(BuildLog delegate) {
        this.delegate = delegate;
    }

    @Override
    public void info(String message) {
        keep("INFO", message);
        delegate.info(message);
    }

    @Override
    public void warn(String message) {
        keep("WARN", message);
        delegate.warn(message);
    }

    @Override
    public void debug(String message) {
        keep("DEBUG", message);
        delegate.debug(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return delegate.isDebugEnabled();
    }

    /** Writes everything logged so far to {@code file}. */
    void save(Path file) throws IOException {
        String content;
        synchronized (text) {
            content = text.toString();
        }
        OutputFiles.writeIfChanged(file, content);
    }

    private void keep(String level, String message) {
        synchronized (text) {
            text.append('[').append(level).append("] ").append(message).append('\n');
        }
    }
}
