package io.multiimage.core.incremental;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, String>>> RECORD = new TypeReference<>() {};

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
        Map<String, Map<String, String>> record;
        try {
            record = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), RECORD);
        } catch (JsonProcessingException e) {
            return Decision.run(List.of("the record of the last " + step + " is unreadable"));
        }
        List<String> reasons = new ArrayList<>(
                inputs.changesSince(Fingerprint.of(record.getOrDefault("inputs", Map.of()))));
        Map<String, String> recordedOutputs = record.getOrDefault("outputs", Map.of());
        for (Path output : outputs) {
            String name = output.getFileName().toString();
            String recorded = recordedOutputs.get(name);
            if (!Files.isRegularFile(output)) {
                reasons.add("output " + name + " is missing");
            } else if (recorded == null || !recorded.equals(Fingerprint.sha256(output))) {
                reasons.add("output " + name + " was modified since it was written");
            }
        }
        return reasons.isEmpty() ? Decision.skip() : Decision.run(reasons);
    }

    /** Forgets {@code step}: call before the step starts writing outputs. */
    public void invalidate(String step) throws IOException {
        Files.deleteIfExists(recordFile(step));
    }

    /** Records that {@code step} completed with these inputs and outputs. */
    public void recordDone(String step, Fingerprint inputs, List<Path> outputs) throws IOException {
        Map<String, String> outputDigests = new TreeMap<>();
        for (Path output : outputs) {
            outputDigests.put(output.getFileName().toString(), Fingerprint.sha256(output));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("inputs", inputs.entries());
        record.put("outputs", outputDigests);
        Files.createDirectories(stateDir);
        Path target = recordFile(step);
        Path temp = Files.createTempFile(stateDir, step, ".tmp");
        try {
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path recordFile(String step) {
        return stateDir.resolve(step + ".json");
    }

    /** The verdict for one step. */
    public record Decision(boolean upToDate, List<String> reasons) {

        static Decision skip() {
            return new Decision(true, List.of());
        }

        static Decision run(List<String> reasons) {
            return new Decision(false, List.copyOf(reasons));
        }
    }
}
