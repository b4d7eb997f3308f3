package io.multiimage.hex;

import java.io.IOException;

/**
 * Like {@link java.util.function.Consumer}, but may throw {@link IOException}: the body that
 * fills an output stream for {@link AtomicFiles#write(java.nio.file.Path, IOConsumer)}.
 *
 * @param <T> what is consumed
 */
@FunctionalInterface
public interface IOConsumer<T> {

    /** Consumes {@code value}. */
    void accept(T value) throws IOException;
}
