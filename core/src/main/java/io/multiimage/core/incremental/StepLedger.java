package io.multiimage.core.incremental;

import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers, per image directory, which steps completed with which inputs and outputs.
 *
 * <p>A step's record is deleted before the step runs and written only after all its outputs
 * are in place, so a build that was interrupted mid-step leaves no record and the next build
 * redoes the step. A step is up to date only when its inputs are unchanged and every output it
 * recorded still exists with the recorded content.
 */
public final class StepLedger {

    /** First line of a record; a file without it is not ours (or from an older format) and is ignored. */
    private static final String HEADER = "# multiimage step record 1";

    private final Path stateDir;

    /** The ledger kept in {@code <imageDir>/.state/}. */
    public StepLedger(Path imageDir) {
        this.stateDir = imageDir.resolve(".state");
    }

    /** Whether {@code step} can be skipped, and if not, why it must run. */
    public Decision check(String step, Fingerprint inputs, List<Path> outputs) throws IOException {
        Path file = recordFile(step);
        if (!Files.isRegularFile(file)) {
            return Decision.run(List.of("no record of a completed " + step));
        }
        Map<String, Map<String, String>> record = read(file);
        if (record == null) {
            return Decision.run(List.of("the record of the last " + step + " is unreadable"));
        }
        List<String> reasons = new ArrayList<>(
                inputs.changesSince(Fingerprint.of(record.get("input"))));
        Map<String, String> recordedOutputs = record.get("output");
        Map<String, String> outputDigests = new TreeMap<>();
        for (Path output : outputs) {
            String name = output.getFileName().toString();
            String recorded = recordedOutputs.get(name);
            if (!Files.isRegularFile(output)) {
                reasons.add("output " + name + " is missing");
                continue;
            }
            String digest = Fingerprint.sha256(output);
            outputDigests.put(name, digest);
            if (!digest.equals(recorded)) {
                reasons.add("output " + name + " was modified since it was written");
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
        Map<String, String> outputDigests = new TreeMap<>();
        for (Path output : outputs) {
            outputDigests.put(output.getFileName().toString(), Fingerprint.sha256(output));
        }
        StringBuilder record = new StringBuilder(HEADER).append('\n');
        inputs.entries().forEach((name, digest) -> line(record, "input", name, digest));
        outputDigests.forEach((name, digest) -> line(record, "output", name, digest));
        AtomicFiles.writeString(recordFile(step), record.toString());
        return Collections.unmodifiableMap(outputDigests);
    }

    // A record is a few tab-separated lines, read on every no-op build: no JSON library needed.
    private static void line(StringBuilder record, String kind, String name, String digest) {
        record.append(kind).append('\t').append(name).append('\t').append(digest).append('\n');
    }

    /** {@code input} and {@code output} maps of a record file, or null when it is not a record. */
    private static Map<String, Map<String, String>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return null;
        }
        Map<String, Map<String, String>> record = new LinkedHashMap<>();
        record.put("input", new TreeMap<>());
        record.put("output", new TreeMap<>());
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.split("\t", 3);
            if (parts.length != 3 || !record.containsKey(parts[0])) {
                return null;
            }
            record.get(parts[0]).put(parts[1], parts[2]);
        }
        return record;
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
