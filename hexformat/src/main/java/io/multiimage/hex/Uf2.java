package io.multiimage.hex;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * UF2 output (Microsoft's USB flashing format): 512-byte blocks, each carrying a 256-byte
 * payload for a 256-byte aligned address. Every aligned 256-byte window that holds any data
 * becomes one block, in ascending address order; addresses of the window that hold no data
 * are written as the fill byte (0xFF by default, erased flash). Blocks are numbered from 0,
 * each names the total. With a family id, flag 0x00002000 is set and the id goes in the
 * family field; without one, flags and that field are 0.
 *
 * <pre>{@code
 * Uf2.write(image, Path.of("app.uf2"), Uf2.WriteOptions.DEFAULT.withFamilyId(0xADA52840L));
 * }</pre>
 */
public final class Uf2 {

    /** Bytes per block. */
    public static final int BLOCK_SIZE = 512;
    /** Data bytes per block. */
    public static final int PAYLOAD_SIZE = 256;
    /** First magic word. */
    public static final int MAGIC_START0 = 0x0A324655;
    /** Second magic word. */
    public static final int MAGIC_START1 = 0x9E5D5157;
    /** Closing magic word. */
    public static final int MAGIC_END = 0x0AB16F30;
    /** Flag: the family id field is present. */
    public static final int FLAG_FAMILY_ID_PRESENT = 0x00002000;

    private Uf2() {}

    /**
     * How to write.
     *
     * @param familyId the board family id, if any (a 32-bit value)
     * @param fill     value for addresses of a block that hold no data
     */
    public record WriteOptions(OptionalLong familyId, byte fill) {

        /** No family id, fill 0xFF. */
        public static final WriteOptions DEFAULT = new WriteOptions(OptionalLong.empty(), (byte) 0xFF);

        /** Validates the family id. */
        public WriteOptions {
            java.util.Objects.requireNonNull(familyId, "familyId");
            if (familyId.isPresent() && (familyId.getAsLong() < 0 || familyId.getAsLong() > 0xFFFF_FFFFL)) {
                throw new IllegalArgumentException("UF2 family id must be a 32-bit value");
            }
        }

        /** A copy with a family id. */
        public WriteOptions withFamilyId(long id) {
            return new WriteOptions(OptionalLong.of(id), fill);
        }

        /** A copy with another fill byte. */
        public WriteOptions withFill(byte value) {
            return new WriteOptions(familyId, value);
        }
    }

    /** Writes {@code image} as UF2 to {@code file}, atomically. */
    public static void write(MemoryImage image, Path file, WriteOptions options) throws IOException {
        AtomicFiles.write(file, out -> write(image, out, options));
    }

    /** Writes {@code image} as UF2 to {@code out} (flushed, not closed). */
    public static void write(MemoryImage image, OutputStream out, WriteOptions options) throws IOException {
        long[] count = {0, -1};
        image.forEachChunk((address, data, offset, length) -> {
            long first = address / PAYLOAD_SIZE;
            long last = (address + length - 1) / PAYLOAD_SIZE;
            count[0] += last - first + 1 - (first == count[1] ? 1 : 0);
            count[1] = last;
        });
        long total = count[0];
        ByteBuffer block = ByteBuffer.allocate(BLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        byte[] payload = new byte[PAYLOAD_SIZE];
        long[] state = {0, -1};
        IOConsumer<Long> emit = blockIndex -> {
            long target = blockIndex * PAYLOAD_SIZE;
            image.read(target, payload, 0, PAYLOAD_SIZE, options.fill());
            block.clear();
            block.putInt(MAGIC_START0)
                    .putInt(MAGIC_START1)
                    .putInt(options.familyId().isPresent() ? FLAG_FAMILY_ID_PRESENT : 0)
                    .putInt((int) target)
                    .putInt(PAYLOAD_SIZE)
                    .putInt((int) state[0])
                    .putInt((int) total)
                    .putInt((int) options.familyId().orElse(0))
                    .put(payload);
            block.put(new byte[BLOCK_SIZE - 4 - block.position()]);
            block.putInt(MAGIC_END);
            out.write(block.array());
            state[0]++;
        };
        image.forEachChunk((address, data, offset, length) -> {
            long first = address / PAYLOAD_SIZE;
            long last = (address + length - 1) / PAYLOAD_SIZE;
            for (long b = Math.max(first, state[1] + 1); b <= last; b++) {
                emit.accept(b);
            }
            state[1] = last;
        });
        out.flush();
    }
}
