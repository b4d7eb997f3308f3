package io.multiimage.core.state;

import io.multiimage.core.devicetree.MemoryFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An image's last devicetree merge, kept in its state directory ({@code .state/devicetree}):
 * which board file, overlays and include path it merged, the size, modification time and
 * sha256 of every project file it read, the include candidates it looked for and did not find
 * (a file appearing there would change the merge), the sha256 of the {@code zephyr.dts} it
 * wrote and the memory facts it found. A later build whose inputs are all unchanged takes the facts from here
 * instead of merging again, which spares a no-op build the devicetree parser.
 *
 * <p>Files inside the plugin (the shipped boards) are vouched for by the identity of the jar
 * the code runs from; running from class directories, nothing is kept. For a file modified less
 * than two seconds before the record was written the stamp is not enough (a second change
 * within the file system's timestamp resolution would look the same): its sha256 decides, as
 * git does for the racy entries of its index.
 */
public final class DevicetreeRecord {

    private static final String KIND = "devicetree";
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Optional<String> codeIdentity;

    /** Records tied to {@code codeIdentity}; empty keeps nothing. */
    public DevicetreeRecord(Optional<String> codeIdentity) {
        this.codeIdentity = codeIdentity;
    }

    /** Records tied to the jar this code runs from, or none when it runs from class directories. */
    public static DevicetreeRecord forRunningCode() {
        return new DevicetreeRecord(CodeIdentity.RUNNING);
    }

    /** The facts of the recorded merge, when it merged exactly {@code key} and nothing it read has changed. */
    public Optional<MemoryFacts> load(Path stateFile, DevicetreeMemo.Key key, Path zephyrDts) {
        if (codeIdentity.isEmpty() || !Files.isRegularFile(stateFile) || !Files.isRegularFile(zephyrDts)) {
            return Optional.empty();
        }
        try {
            // When the record was written: its own modification time (the record holds no
            // timestamp, so equal builds write equal records).
            long written = Files.getLastModifiedTime(stateFile).to(TimeUnit.NANOSECONDS);
            Optional<List<String>> record = StateFile.read(stateFile, KIND);
            if (record.isEmpty()) {
                return Optional.empty();
            }
            List<String> lines = record.get();
            List<String> expected = header(key);
            if (lines.size() < expected.size() + 1
                    || !lines.subList(0, expected.size()).equals(expected)) {
                return Optional.empty();
            }
            int i = expected.size();
            String dtsDigest = field(lines.get(i++), "zephyr.dts");
            while (i < lines.size() && lines.get(i).startsWith("source\t")) {
                String[] f = lines.get(i++).split("\t", -1);
                Path source = Path.of(f[1]);
                Optional<FileStamp> now = FileStamp.of(source);
                // Size, modification and change time, file key: a restored modification time
                // (rsync -a, cp -p, touch -r) still moves the change time.
                String recorded = String.join("\t", f[2], f[3], f[4], f[5]);
                if (now.isEmpty() || !now.get().text().equals(recorded)) {
                    return Optional.empty();
                }
                long modified = Long.parseLong(f[3]);
                // Changed right before the record was written: the stamp alone cannot tell, the content can.
                if (modified + RACY_NANOS >= written
                        && !Fingerprint.sha256(source).equals(f[6])) {
                    return Optional.empty();
                }
            }
            while (i < lines.size() && lines.get(i).startsWith("absent\t")) {
                if (Files.exists(Path.of(lines.get(i++).substring("absent\t".length())))) {
                    return Optional.empty(); // an include would now be found elsewhere
                }
            }
            if (!Fingerprint.sha256(zephyrDts).equals(dtsDigest)) {
                return Optional.empty();
            }
            return MemoryFactsRecord.parse(lines.subList(i, lines.size()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or damaged: merge again
        }
    }

    /** Records {@code merge}, a merge of {@code key}. */
    public void save(Path stateFile, DevicetreeMemo.Key key, DevicetreeMemo.Result merge) throws IOException {
        if (codeIdentity.isEmpty()) {
            return;
        }
        Optional<List<String>> factLines = MemoryFactsRecord.format(merge.facts());
        List<String> lines = new ArrayList<>(header(key));
        lines.add("zephyr.dts\t" + Fingerprint.sha256(merge.dtsText().getBytes(StandardCharsets.UTF_8)));
        for (Path source : merge.sources()) {
            if (source.getFileSystem() != FileSystems.getDefault()) {
                continue; // inside the plugin's jar: covered by the code identity
            }
            Optional<FileStamp> stamp = FileStamp.of(source);
            String text = source.toAbsolutePath().toString();
            if (stamp.isEmpty() || text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0) {
                factLines = Optional.empty();
                break;
            }
            lines.add("source\t" + text + "\t" + stamp.get().text() + "\t" + Fingerprint.sha256(source));
        }
        for (Path candidate : merge.absent()) {
            String text = candidate.toAbsolutePath().toString();
            if (candidate.getFileSystem() != FileSystems.getDefault()) {
                continue; // inside the plugin's jar: covered by the code identity
            }
            if (text.indexOf('\n') >= 0) {
                factLines = Optional.empty();
                break;
            }
            lines.add("absent\t" + text);
        }
        if (factLines.isEmpty()) {
            Files.deleteIfExists(stateFile);
            return;
        }
        lines.addAll(factLines.get());
        StateFile.write(stateFile, KIND, lines);
    }

    private List<String> header(DevicetreeMemo.Key key) {
        List<String> lines = new ArrayList<>();
        lines.add("code\t" + codeIdentity.orElse(""));
        lines.add("board\t" + key.boardDts().toUri());
        key.overlays().forEach(overlay -> lines.add("overlay\t" + overlay.toUri()));
        key.includeDirs().forEach(dir -> lines.add("include\t" + dir.toUri()));
        return lines;
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + "\t")) {
            throw new IllegalArgumentException("expected " + name);
        }
        return line.substring(name.length() + 1);
    }
}
