package io.multiimage.bench.hex;

import io.multiimage.hex.ImageException;
import io.multiimage.hex.ImageMerger;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.OverlapPolicy;
import io.multiimage.hex.ReadMode;
import io.multiimage.hex.StartPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-process throughput of the whole merge path: parse every input's Intel HEX, merge them
 * with the default policies, write the merged Intel HEX to a stream that only counts. Two
 * variants: from files through the public Path API (multi-threaded for large files), and
 * from in-memory streams (one thread; the formatting of large images still uses the
 * workers). Divide the input text size ({@link #inputTextBytes}) by the average time for
 * MB/s of HEX text; {@code bench/hex-bench.sh} does that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HexMergeBenchmark {

    /** Which workload. */
    @Param({"SMALL", "EXT16", "BIG64"})
    public Workload workload;

    private List<byte[]> texts;
    /** Total bytes of input HEX text, for converting time into throughput. */
    public long inputTextBytes;

    private List<Path> files;

    /**
     * Generates the workload once: its HEX texts in memory, and the same texts as files in
     * the directory named by the {@code hexbench.dir} system property (default
     * {@code bench/target/jmh-files}).
     */
    @Setup(Level.Trial)
    public void generate() throws IOException {
        texts = WorkloadGenerator.texts(workload);
        inputTextBytes = texts.stream().mapToLong(t -> t.length).sum();
        Path dir = Path.of(System.getProperty("hexbench.dir", "bench/target/jmh-files"), workload.id());
        Files.createDirectories(dir);
        files = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Path file = dir.resolve(workload.images().get(i).file());
            Files.write(file, texts.get(i));
            files.add(file);
        }
        System.out.println("\n# input HEX text bytes for " + workload + ": " + inputTextBytes);
    }

    /**
     * The API as the build pipeline calls it: {@code IntelHex.readAll(List<Path>)} (small files
     * side by side, large files split across the processors), merge, {@code IntelHex.write} to a stream (which formats
     * large images across the processors). Files come from the page cache.
     */
    @Benchmark
    public long filesParseMergeWrite(Blackhole hole) throws IOException, ImageException {
        ImageMerger merger = new ImageMerger(OverlapPolicy.ERROR, StartPolicy.ERROR);
        List<MemoryImage> images = IntelHex.readAll(files);
        for (int i = 0; i < files.size(); i++) {
            merger.addAndConsume(files.get(i).toString(), images.get(i));
        }
        CountingStream out = new CountingStream();
        IntelHex.write(merger.result(), out, IntelHex.WriteOptions.DEFAULT);
        hole.consume(merger.result());
        return out.count;
    }

    /** Single-threaded: parse from in-memory streams, merge, write; returns the bytes written. */
    @Benchmark
    public long streamsParseMergeWrite(Blackhole hole) throws IOException, ImageException {
        ImageMerger merger = new ImageMerger(OverlapPolicy.ERROR, StartPolicy.ERROR);
        List<Workload.Image> specs = workload.images();
        for (int i = 0; i < texts.size(); i++) {
            MemoryImage image = IntelHex.read(
                    new ByteArrayInputStream(texts.get(i)), specs.get(i).file(), ReadMode.STRICT);
            merger.addAndConsume(specs.get(i).file(), image);
        }
        CountingStream out = new CountingStream();
        IntelHex.write(merger.result(), out, IntelHex.WriteOptions.DEFAULT);
        hole.consume(merger.result());
        return out.count;
    }

    /** Discards what it is given, counting the bytes. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
