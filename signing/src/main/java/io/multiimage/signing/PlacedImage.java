package io.multiimage.signing;

import io.multiimage.signing.format.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Bytes at flash addresses: what a HEX file holds. The signing library stays JDK-only, so
 * callers turn this into a {@code io.multiimage.hex.MemoryImage} (one {@code write} per chunk)
 * to write HEX.
 *
 * @param chunks the data, sorted by address, not overlapping; adjacent chunks are joined into one
 */
public record PlacedImage(List<Chunk> chunks) {

    /**
     * Consecutive bytes starting at an address.
     *
     * @param address the first byte's address
     * @param bytes   the data (not copied: do not change it)
     */
    public record Chunk(long address, byte[] bytes) {

        /** Checks the chunk lies in the 32-bit address space. */
        public Chunk {
            if (address < 0 || address + bytes.length > 0x1_0000_0000L) {
                throw new IllegalArgumentException("chunk of " + bytes.length + " bytes at " + Hex.offset(address)
                        + " is outside the 32-bit address space");
            }
        }

        /** One past the last byte's address. */
        public long end() {
            return address + bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Chunk other && address == other.address && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(address) * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return bytes.length + " bytes at " + Hex.address(address);
        }
    }

    /** Sorts the chunks, joins adjacent ones and rejects overlaps. */
    public PlacedImage {
        List<Chunk> sorted = new ArrayList<>(chunks);
        sorted.removeIf(c -> c.bytes().length == 0);
        sorted.sort(Comparator.comparingLong(Chunk::address));
        List<Chunk> joined = new ArrayList<>();
        for (Chunk chunk : sorted) {
            Chunk last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && chunk.address() < last.end()) {
                throw new IllegalArgumentException("chunks overlap: " + last + " and " + chunk);
            }
            if (last != null && chunk.address() == last.end()) {
                byte[] both = Arrays.copyOf(last.bytes(), last.bytes().length + chunk.bytes().length);
                System.arraycopy(chunk.bytes(), 0, both, last.bytes().length, chunk.bytes().length);
                joined.set(joined.size() - 1, new Chunk(last.address(), both));
            } else {
                joined.add(chunk);
            }
        }
        chunks = List.copyOf(joined);
    }

    /** One chunk. */
    public static PlacedImage of(long address, byte[] bytes) {
        return new PlacedImage(List.of(new Chunk(address, bytes)));
    }

    /** The lowest address (0 when empty). */
    public long start() {
        return chunks.isEmpty() ? 0 : chunks.get(0).address();
    }

    /** One past the highest address (0 when empty). */
    public long end() {
        return chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).end();
    }

    /** The same bytes {@code offset} higher (lower when negative), as objcopy's {@code --change-address}. */
    public PlacedImage shifted(long offset) {
        List<Chunk> moved = new ArrayList<>();
        for (Chunk chunk : chunks) {
            moved.add(new Chunk(chunk.address() + offset, chunk.bytes()));
        }
        return new PlacedImage(moved);
    }

    /** Every byte from {@link #start()} to {@link #end()}, gaps filled with {@code fill}. */
    public byte[] contiguous(byte fill) {
        long length = end() - start();
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the image spans " + length + " bytes, too many for one array");
        }
        byte[] all = new byte[(int) length];
        Arrays.fill(all, fill);
        for (Chunk chunk : chunks) {
            System.arraycopy(chunk.bytes(), 0, all, (int) (chunk.address() - start()), chunk.bytes().length);
        }
        return all;
    }

    /** One chunk with the gaps filled, as objcopy's {@code --gap-fill}. */
    public PlacedImage gapFilled(byte fill) {
        return chunks.size() <= 1 ? this : of(start(), contiguous(fill));
    }

    @Override
    public String toString() {
        return "PlacedImage" + chunks;
    }
}
