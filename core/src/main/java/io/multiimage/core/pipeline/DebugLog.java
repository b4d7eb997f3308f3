package io.multiimage.core.pipeline;

import io.multiimage.core.spi.BuildLog;

/**
 * A log that demotes information to debug. A child module's build configures the whole tree
 * to place its own image; the other images' configuration lines belong to their own builds,
 * so there they only show with {@code -X}. Warnings stay warnings.
 */
final class DebugLog implements BuildLog {

    private final BuildLog delegate;

    DebugLog(BuildLog delegate) {
        this.delegate = delegate;
    }

    /** {@code log} itself for images this build is about, else a demoting view of it. */
    static BuildLog forImage(BuildLog log, BuildRequest request, String image) {
        return request.scope().includes(image) ? log : new DebugLog(log);
    }

    @Override
    public void info(String message) {
        delegate.debug(message);
    }

    @Override
    public void warn(String message) {
        delegate.warn(message);
    }

    @Override
    public void debug(String message) {
        delegate.debug(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return delegate.isDebugEnabled();
    }
}
