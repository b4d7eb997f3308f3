package io.multiimage.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generators of sparse images for the property and differential tests. */
final class RandomImages {

    private RandomImages() {}

    /** 1-8 runs of 1 byte to 20 KiB anywhere in 4 GiB, often near 64 KiB and 4 KiB boundaries. */
    static MemoryImage sparse(Random random) {
        MemoryImage image = new MemoryImage();
        int runs = 1 + random.nextInt(8);
        for (int i = 0; i < runs; i++) {
            int length = random.nextInt(4) == 0 ? 1 + random.nextInt(20_000) : 1 + random.nextInt(300);
            long address = address(random, length);
            byte[] data = new byte[length];
            random.nextBytes(data);
            image.write(address, data);
        }
        return image;
    }

    /** Like {@link #sparse} below 1 MiB: small enough to write as raw binary. */
    static MemoryImage compact(Random random) {
        MemoryImage image = new MemoryImage();
        int runs = 1 + random.nextInt(6);
        for (int i = 0; i < runs; i++) {
            int length = 1 + random.nextInt(5000);
            long address = random.nextInt(1 << 20 - 1);
            byte[] data = new byte[length];
            random.nextBytes(data);
            image.write(address, data);
        }
        return image;
    }

    private static long address(Random random, int length) {
        long limit = MemoryImage.ADDRESS_LIMIT - length;
        switch (random.nextInt(5)) {
            case 0: {
                long boundary = (random.nextLong() & 0xFFFF_0000L) + 0x10000;
                return Math.max(0, Math.min(limit, boundary - random.nextInt(length + 32)));
            }
            case 1:
                return limit - random.nextInt(64);
            case 2:
                return random.nextInt(0x20000);
            default:
                return (random.nextLong() & 0xFFFF_FFFFL) % (limit + 1);
        }
    }

    /** No start address, a linear one, or a segmented one. */
    static StartAddress start(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> StartAddress.linear(1 + (random.nextLong() & 0x7FFF_FFFFL));
            default -> StartAddress.segmented(random.nextInt(0x10000), random.nextInt(0x10000));
        };
    }

    /** Cuts {@code image} at random addresses into consecutive, disjoint, non-empty parts. */
    static List<MemoryImage> split(MemoryImage image, Random random, int parts) {
        Segment span = image.span().orElseThrow();
        List<Long> cuts = new ArrayList<>();
        for (int i = 0; i < parts - 1; i++) {
            cuts.add(span.start() + (long) (random.nextDouble() * span.length()));
        }
        cuts.add(span.start());
        cuts.add(span.end());
        cuts.sort(null);
        List<MemoryImage> out = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            MemoryImage part = image.slice(cuts.get(i), cuts.get(i + 1));
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }
}
