package io.multiimage.core.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last assemble step, kept in {@code .state/assemble} of the output directory: which
 * images it merged (name, domain and the sha256 of each HEX) and the sha256 of every merged
 * file it wrote. A merge is a function of exactly these, so while they are unchanged and the
 * merged files still hold what was written, a no-op build need not read, merge and write
 * megabytes of HEX again. Believed only by the same code ({@link CodeIdentity}).
 */
public final class AssembleRecord {

    private static final String KIND = "assemble";

    private final Optional<String> codeIdentity;

    /** Records tied to {@code codeIdentity}; empty keeps nothing. */
    public AssembleRecord(Optional<String> codeIdentity) {
        this.codeIdentity = codeIdentity;
    }

    /** Records tied to the running plugin, or none when it runs from class directories. */
    public static AssembleRecord forRunningCode() {
        return new AssembleRecord(CodeIdentity.RUNNING);
    }

    /**
     * The merged files of the recorded merge (file name to path, in the order written), when
     * it merged exactly {@code inputs} and every merged file still has the recorded content.
     */
    public Optional<Map<String, Path>> load(Path outputDirectory, List<String> inputs) {
        return loadRecorded(outputDirectory, inputs).map(Recorded::files);
    }

    /**
     * What the recorded merge wrote and the facts it noted about its files (such as where a
     * binary starts), under the same conditions as {@link #load}.
     */
    public Optional<Recorded> loadRecorded(Path outputDirectory, List<String> inputs) {
        Path file = recordFile(outputDirectory);
        if (codeIdentity.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<List<String>> record = StateFile.read(file, KIND);
            if (record.isEmpty()) {
                return Optional.empty();
            }
            List<String> lines = record.get();
            List<String> expected = header(inputs);
            if (lines.size() <= expected.size()
                    || !lines.subList(0, expected.size()).equals(expected)) {
                return Optional.empty();
            }
            Map<String, Path> merged = new LinkedHashMap<>();
            Map<String, String> facts = new LinkedHashMap<>();
            for (String line : lines.subList(expected.size(), lines.size())) {
                String[] f = line.split("\t", -1);
                if (f.length == 3 && f[0].equals("fact")) {
                    facts.put(f[1], f[2]);
                    continue;
                }
                if (f.length != 3 || !f[0].equals("merged") || f[1].contains("/") || f[1].contains("\\")) {
                    return Optional.empty();
                }
                Path path = outputDirectory.resolve(f[1]);
                if (!Files.isRegularFile(path) || !Fingerprint.sha256(path).equals(f[2])) {
                    return Optional.empty();
                }
                merged.put(f[1], path);
            }
            return merged.isEmpty() ? Optional.empty() : Optional.of(new Recorded(merged, facts));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or damaged: merge again
        }
    }

    /** Records a merge of {@code inputs} that wrote {@code merged} (file name to sha256, in order). */
    public void save(Path outputDirectory, List<String> inputs, Map<String, String> merged) throws IOException {
        save(outputDirectory, inputs, merged, Map.of());
    }

    /** As above, with facts about the written files (name to value, no tabs or line ends), given back by {@link #loadRecorded}. */
    public void save(Path outputDirectory, List<String> inputs, Map<String, String> merged, Map<String, String> facts)
            throws IOException {
        if (codeIdentity.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(header(inputs));
        merged.forEach((name, digest) -> lines.add("merged\t" + name + "\t" + digest));
        facts.forEach((name, value) -> lines.add("fact\t" + name + "\t" + value));
        StateFile.write(recordFile(outputDirectory), KIND, lines);
    }

    /**
     * A recorded merge.
     *
     * @param files merged file name to path, in the order written
     * @param facts what the merge noted about its files, name to value
     */
    public record Recorded(Map<String, Path> files, Map<String, String> facts) {}

    /** One input line: what the merge result depends on for one image. */
    public static String input(String image, String domain, String hexDigest) {
        return "image\t" + image + "\t" + domain + "\t" + hexDigest;
    }

    private List<String> header(List<String> inputs) {
        List<String> lines = new ArrayList<>();
        lines.add("code\t" + codeIdentity.orElse(""));
        lines.addAll(inputs);
        return lines;
    }

    private static Path recordFile(Path outputDirectory) {
        return outputDirectory.resolve(".state").resolve("assemble");
    }
}
