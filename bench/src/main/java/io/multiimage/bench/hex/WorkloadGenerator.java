package io.multiimage.bench.hex;

import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the benchmark workloads as Intel HEX files (16 data bytes per record, LF): pseudo-
 * random bytes from a fixed seed per image, so the files are identical on every run.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.multiimage.bench.hex.WorkloadGenerator DIR}
 * writes {@code DIR/<workload>/<image>.hex} and prints one line per workload.
 */
public final class WorkloadGenerator {

    private WorkloadGenerator() {}

    /** Entry point: {@code WorkloadGenerator OUTPUT_DIR}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: WorkloadGenerator OUTPUT_DIR");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        for (Workload w : Workload.values()) {
            Path dir = root.resolve(w.id());
            Files.createDirectories(dir);
            long textBytes = 0;
            for (Workload.Image image : w.images()) {
                Path file = dir.resolve(image.file());
                IntelHex.write(image(image), file);
                textBytes += Files.size(file);
            }
            System.out.printf(
                    "%s: %d inputs, %d data bytes, %d bytes of HEX text%n",
                    w.id(), w.images().size(), w.dataBytes(), textBytes);
        }
    }

    /** The image of one workload input. */
    public static MemoryImage image(Workload.Image spec) {
        SplittableRandom random = new SplittableRandom(spec.file().hashCode() * 31L + spec.address());
        byte[] data = new byte[spec.size()];
        for (int i = 0; i < data.length; i += 8) {
            long v = random.nextLong();
            for (int k = 0; k < 8 && i + k < data.length; k++) {
                data[i + k] = (byte) (v >>> (8 * k));
            }
        }
        MemoryImage image = new MemoryImage();
        image.write(spec.address(), data);
        return image;
    }

    /** The HEX text of every input of {@code w}, in merge order. */
    public static List<byte[]> texts(Workload w) throws IOException {
        List<byte[]> texts = new ArrayList<>();
        for (Workload.Image spec : w.images()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(spec.size() * 3);
            IntelHex.write(image(spec), out, IntelHex.WriteOptions.DEFAULT);
            texts.add(out.toByteArray());
        }
        return texts;
    }
}
