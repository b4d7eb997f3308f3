package io.multiimage.core.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Remembers, per image directory, which steps completed with which inputs and outputs.
 *
 * <p>A step's record is deleted before the step runs and written only after all its outputs
 * are in place, so a build that was interrupted mid-step leaves no record and the next build
 * redoes the step. A step is up to date only when its inputs are unchanged and every output it
 * recorded still exists with the recorded content.
 */
public final class StepLedger {

    /** The kind of {@link StateFile} a step record is. */
    private static final String KIND = "step";

    private final Path imageDir;
    private final Path stateDir;
    private final Optional<Path> projectRoot;

    /** The ledger kept in {@code <imageDir>/.state/}. */
    public StepLedger(Path imageDir) {
        this(imageDir, Optional.empty());
    }

    /**
     * The ledger kept in {@code <imageDir>/.state/}, whose records name the files a step read
     * inside {@code projectRoot} relative to it: a record that comes with its outputs into another
     * checkout (restored from a build cache, a copied {@code target/}) checks that checkout's
     * files, never the ones of the checkout it was written in.
     */
    public StepLedger(Path imageDir, Optional<Path> projectRoot) {
        this.imageDir = imageDir.toAbsolutePath().normalize();
        this.stateDir = this.imageDir.resolve(".state");
        this.projectRoot = projectRoot.map(root -> root.toAbsolutePath().normalize());
    }

    /** Whether {@code step} can be skipped, and if not, why it must run. */
    public Decision check(String step, Fingerprint inputs, List<Path> outputs) throws IOException {
        Path file = recordFile(step);
        if (!Files.exists(file)) {
            return Decision.run(List.of("no record of a completed " + step));
        }
        Map<String, Map<String, String>> record = read(file);
        if (record == null) {
            return Decision.run(List.of("the record of the last " + step + " is incomplete or damaged"));
        }
        List<String> reasons = new ArrayList<>(inputs.changesSince(Fingerprint.of(record.get("input"))));
        Map<String, String> recordedOutputs = record.get("output");
        Map<String, String> outputDigests = new TreeMap<>();
        // Every output the step recorded (ELF, map, linker script, objects, ...) and every one required.
        Set<String> names = new TreeSet<>(recordedOutputs.keySet());
        for (Path output : outputs) {
            names.add(nameOf(output));
        }
        for (String name : names) {
            Path output = imageDir.resolve(name);
            if (!Files.isRegularFile(output)) {
                reasons.add("output " + name + " is missing");
                continue;
            }
            String digest = Fingerprint.sha256(output);
            outputDigests.put(name, digest);
            if (!digest.equals(recordedOutputs.get(name))) {
                reasons.add("output " + name + " was modified since it was written");
            }
        }
        // The files the tools said they read last time (headers anywhere, included files of any name).
        for (Map.Entry<String, String> read : record.get("read").entrySet()) {
            Path readFile = readPath(read.getKey());
            if (!Files.isRegularFile(readFile)) {
                reasons.add(read.getKey() + ", which the last build read, is gone");
            } else if (!Fingerprint.sha256(readFile).equals(read.getValue())) {
                reasons.add(read.getKey() + " changed (the last build read it)");
            }
        }
        return reasons.isEmpty() ? Decision.skip(outputDigests) : Decision.run(reasons);
    }

    /** Forgets {@code step}: call before the step starts writing outputs. */
    public void invalidate(String step) throws IOException {
        Files.deleteIfExists(recordFile(step));
    }

    /** Records that {@code step} completed with these inputs and outputs; returns each output's sha256 by file name. */
    public Map<String, String> recordDone(String step, Fingerprint inputs, List<Path> outputs) throws IOException {
        return recordDone(step, inputs, outputs, List.of());
    }

    /**
     * Records that {@code step} completed with these inputs and outputs, having read {@code reads}
     * (the files its tools reported reading); returns each output's sha256 by file name.
     */
    public Map<String, String> recordDone(String step, Fingerprint inputs, List<Path> outputs, List<Path> reads)
            throws IOException {
        Map<String, String> outputDigests = new TreeMap<>();
        for (Path output : outputs) {
            outputDigests.put(nameOf(output), Fingerprint.sha256(output));
        }
        List<String> lines = new ArrayList<>();
        inputs.entries().forEach((name, digest) -> lines.add("input\t" + name + "\t" + digest));
        outputDigests.forEach((name, digest) -> lines.add("output\t" + name + "\t" + digest));
        for (Path read : reads) {
            String path = readName(read);
            if (path.indexOf('\t') < 0
                    && path.indexOf('\n') < 0
                    && path.indexOf('\r') < 0
                    && Files.isRegularFile(read)) {
                lines.add("read\t" + path + "\t" + Fingerprint.sha256(read));
            }
        }
        StateFile.write(recordFile(step), KIND, lines);
        return Collections.unmodifiableMap(outputDigests);
    }

    /**
     * The outputs the last completed {@code step} recorded that still hold the recorded content,
     * sorted by name: what that step left, for readers of its results (the ELF file the memory
     * report measures). Empty when the step has no whole record.
     */
    public List<Path> recordedOutputs(String step) throws IOException {
        Path file = recordFile(step);
        Map<String, Map<String, String>> record = Files.exists(file) ? read(file) : null;
        if (record == null) {
            return List.of();
        }
        List<Path> outputs = new ArrayList<>();
        for (Map.Entry<String, String> output : record.get("output").entrySet()) {
            Path path = imageDir.resolve(output.getKey());
            if (Files.isRegularFile(path) && Fingerprint.sha256(path).equals(output.getValue())) {
                outputs.add(path);
            }
        }
        return outputs;
    }

    /** {@code input} and {@code output} maps of a record file, or null when it is not a whole record. */
    private static Map<String, Map<String, String>> read(Path file) {
        Optional<List<String>> lines = StateFile.read(file, KIND);
        if (lines.isEmpty()) {
            return null;
        }
        Map<String, Map<String, String>> record = new LinkedHashMap<>();
        record.put("input", new TreeMap<>());
        record.put("output", new TreeMap<>());
        record.put("read", new TreeMap<>());
        for (String line : lines.get()) {
            String[] parts = line.split("\t", 3);
            if (parts.length != 3 || !record.containsKey(parts[0])) {
                return null;
            }
            record.get(parts[0]).put(parts[1], parts[2]);
        }
        return record;
    }

    /** A read file's name in the record: relative to the project root with '/' inside it, else absolute. */
    private String readName(Path read) {
        Path absolute = read.toAbsolutePath().normalize();
        if (projectRoot.isPresent() && absolute.startsWith(projectRoot.get()) && !absolute.equals(projectRoot.get())) {
            Path relative = projectRoot.get().relativize(absolute);
            return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        }
        return absolute.toString();
    }

    /** The file a record's read name stands for; a relative name without a project root cannot be checked here. */
    private Path readPath(String name) {
        Path path = Path.of(name);
        if (path.isAbsolute()) {
            return path;
        }
        return projectRoot
                .map(root -> root.resolve(name))
                .orElse(imageDir.resolve(".state").resolve("unknown"));
    }

    /** An output's name in the record: its path relative to the image directory, with '/'. */
    private String nameOf(Path output) {
        Path absolute = output.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(imageDir) ? imageDir.relativize(absolute) : output.getFileName();
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private Path recordFile(String step) {
        return stateDir.resolve(step + ".record");
    }

    /** The verdict for one step; for a step that can be skipped, its outputs' sha256 by file name. */
    public record Decision(boolean upToDate, List<String> reasons, Map<String, String> outputDigests) {

        static Decision skip(Map<String, String> outputDigests) {
            return new Decision(true, List.of(), Collections.unmodifiableMap(new TreeMap<>(outputDigests)));
        }

        static Decision run(List<String> reasons) {
            return new Decision(false, List.copyOf(reasons), Map.of());
        }
    }
}
