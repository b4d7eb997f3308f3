package io.multiimage.hex;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Reads a large, well-formed Intel HEX file on several threads: the file is cut into chunks
 * at line ends, each chunk is parsed on its own (records before its first address record are
 * kept apart until the address in effect is known from the chunks before it), and the chunk
 * images are joined in file order.
 *
 * <p>This is only a shortcut for the normal case. Anything unusual - a problem in any chunk,
 * two chunks touching the same address, disagreeing start addresses, an end-of-file record
 * before the last chunk - makes {@link #tryRead} return empty, and the caller parses the
 * file sequentially, which reports every problem with its line exactly as usual.
 */
final class ParallelIntelHexReader {

    /** Files at least this large are worth splitting. */
    static final long THRESHOLD = 2L << 20;
    /** Small enough that the chunks in flight stay a small fraction of a large image's heap. */
    private static final int CHUNK = 1 << 19;

    private static final int SCAN = 1024;

    private ParallelIntelHexReader() {}

    /** One parsed chunk. */
    private record Part(
            boolean ok,
            MemoryImage image,
            MemoryImage prefix,
            boolean sawAddressRecord,
            long base,
            boolean sawEndOfFile) {}

    static Optional<MemoryImage> tryRead(Path file, String source) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<long[]> chunks = split(channel);
            if (chunks == null) {
                return Optional.empty();
            }
            return join(channel, source, chunks);
        }
    }

    /** Chunk boundaries [start, end), each end just after a line terminator; null if none found. */
    private static List<long[]> split(FileChannel channel) throws IOException {
        long size = channel.size();
        List<long[]> chunks = new ArrayList<>();
        long start = 0;
        ByteBuffer window = ByteBuffer.allocate(SCAN + 1);
        while (size - start > CHUNK + CHUNK / 2) {
            long nominal = start + CHUNK;
            window.clear();
            int n = 0;
            while (window.hasRemaining()) {
                int got = channel.read(window, nominal + n);
                if (got < 0) {
                    break;
                }
                n += got;
            }
            long end = -1;
            for (int i = 0; i < Math.min(n, SCAN); i++) {
                byte c = window.get(i);
                if (c == '\n' || c == '\r') {
                    end = nominal + i + (c == '\r' && i + 1 < n && window.get(i + 1) == '\n' ? 2 : 1);
                    break;
                }
            }
            if (end < 0) {
                return null;
            }
            chunks.add(new long[] {start, end});
            start = end;
        }
        chunks.add(new long[] {start, size});
        return chunks;
    }

    private static Optional<MemoryImage> join(FileChannel channel, String source, List<long[]> chunks)
            throws IOException {
        Deque<Future<Part>> inFlight = new ArrayDeque<>();
        int next = 0;
        int window = Workers.THREADS + 1;
        MemoryImage result = null;
        // The parser copies a chunk's bytes into the image, so a chunk's buffers can serve the
        // next chunk: fresh memory costs page faults, and a large file would need dozens.
        Queue<Buffers> buffers = new ConcurrentLinkedQueue<>();
        long base = 0;
        boolean ended = false;
        try {
            while (next < chunks.size() || !inFlight.isEmpty()) {
                while (next < chunks.size() && inFlight.size() < window) {
                    long[] c = chunks.get(next);
                    boolean first = next == 0;
                    boolean last = next == chunks.size() - 1;
                    next++;
                    inFlight.add(Workers.pool().submit(new Callable<Part>() {
                        @Override
                        public Part call() throws IOException {
                            return parse(channel, source, c[0], c[1], first, last, buffers);
                        }
                    }));
                }
                Part part = inFlight.removeFirst().get();
                if (!part.ok() || ended) {
                    return abandon(inFlight);
                }
                ended = part.sawEndOfFile();
                if (result == null) {
                    result = part.image();
                } else if (!append(result, part, base)) {
                    return abandon(inFlight);
                }
                if (part.sawAddressRecord()) {
                    base = part.base();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + source);
        } catch (ExecutionException e) {
            abandon(inFlight);
            throw Workers.failureOf(e);
        }
        return Optional.ofNullable(result);
    }

    private static Optional<MemoryImage> abandon(Deque<Future<Part>> inFlight) {
        for (Future<Part> f : inFlight) {
            f.cancel(true);
        }
        return Optional.empty();
    }

    /** The text of one chunk and the parser's stage: reused from chunk to chunk. */
    private record Buffers(byte[] text, byte[] stage) {}

    private static Part parse(
            FileChannel channel,
            String source,
            long start,
            long end,
            boolean first,
            boolean last,
            Queue<Buffers> buffers)
            throws IOException {
        int length = (int) (end - start);
        Buffers pooled = buffers.poll();
        if (pooled == null || pooled.text().length < length) {
            pooled = new Buffers(
                    new byte[Math.max(length, CHUNK + SCAN)],
                    pooled == null ? new byte[IntelHexParser.STAGE_SIZE] : pooled.stage());
        }
        byte[] data = pooled.text();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(data, 0, length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, start + buffer.position()) < 0) {
                    break;
                }
            }
            MemoryImage image = new MemoryImage();
            MemoryImage prefix = first ? null : new MemoryImage();
            IntelHexParser parser = new IntelHexParser(source, ReadMode.STRICT, image, prefix, pooled.stage());
            boolean ok = !buffer.hasRemaining() && parser.parseChunk(data, length, last);
            return new Part(ok, image, prefix, parser.sawAddressRecord(), parser.base(), parser.sawEndOfFile());
        } finally {
            buffers.add(pooled);
        }
    }

    /**
     * Adds a chunk to the result: its prefix moved to the address in effect, its start address
     * checked. False when anything overlaps or disagrees, so the caller falls back.
     */
    private static boolean append(MemoryImage result, Part part, long base) {
        MemoryImage prefix = part.prefix();
        if (!prefix.isEmpty()) {
            Segment span = prefix.span().orElseThrow();
            if (base + span.end() > MemoryImage.ADDRESS_LIMIT) {
                return false;
            }
            MemoryImage moved = new MemoryImage();
            prefix.forEachChunk((address, data, offset, length) -> moved.write(base + address, data, offset, length));
            if (overlaps(result, moved) || overlaps(part.image(), moved)) {
                return false;
            }
            result.absorb(moved, false);
        }
        if (overlaps(result, part.image())) {
            return false;
        }
        StartAddress start =
                part.image().startAddress().orElse(prefix.startAddress().orElse(null));
        StartAddress existing = result.startAddress().orElse(null);
        if (start != null && existing != null && !start.equals(existing)) {
            return false;
        }
        result.absorb(part.image(), false);
        if (start != null) {
            result.setStartAddress(start);
        }
        return true;
    }

    private static boolean overlaps(MemoryImage a, MemoryImage b) {
        for (Segment s : b.segments()) {
            if (a.containsAny(s.start(), s.length())) {
                return true;
            }
        }
        return false;
    }
}
