package io.multiimage.hex;

/**
 * Receives an image's data in ascending address order, as runs of consecutive bytes that
 * lie inside one storage page. Consecutive calls may be contiguous (a segment spans pages).
 * The array is the image's own storage: read it during the call, never keep or modify it.
 *
 * @param <E> the exception the visitor may throw (for example {@link java.io.IOException})
 */
@FunctionalInterface
public interface ChunkVisitor<E extends Exception> {

    /** Bytes {@code data[offset .. offset+length)} are at {@code address ..}. */
    void visit(long address, byte[] data, int offset, int length) throws E;
}
