package io.multiimage.core.state;

import io.multiimage.core.devicetree.MemoryFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Devicetrees already merged in this JVM. A Maven build configures the whole image tree in
 * every firmware module, so the same board file and overlays are merged again and again; a
 * merge is reused while every file it read still has the size and modification time it had
 * (and none was modified in the two seconds before the merge: such a change could repeat
 * unseen), and no include candidate it did not find has appeared since.
 * One memo per build session ({@link BuildSession}): a long-lived Maven daemon serving
 * several builds never hands one build another build's facts. Nothing is stored on disk.
 */
public final class DevicetreeMemo {

    /** Enough for any tree; beyond it (a daemon serving many projects) the memo starts afresh. */
    private static final int CAPACITY = 64;

    /** What identifies a merge: the board file, the overlays in order, the include path. */
    public record Key(Path boardDts, List<Path> overlays, List<Path> includeDirs) {

        /**
         * The key as text: what the memo is looked up by (a record's generated equals and
         * hashCode cost a short build more to set up than they save).
         */
        String text() {
            StringBuilder text = new StringBuilder().append(boardDts.toUri()).append('\n');
            for (Path overlay : overlays) {
                text.append("overlay ").append(overlay.toUri()).append('\n');
            }
            for (Path dir : includeDirs) {
                text.append("include ").append(dir.toUri()).append('\n');
            }
            return text.toString();
        }
    }

    /** A file as it was when read. */
    private record Source(Path file, FileStamp stamp) {}

    /** A merge's results, the files it read and the include candidates it did not find. */
    public record Result(String dtsText, MemoryFacts facts, List<Path> sources, List<Path> absent) {

        /** Copies the lists. */
        public Result {
            sources = List.copyOf(sources);
            absent = List.copyOf(absent);
        }
    }

    private record Entry(List<Source> sources, long rememberedNanos, Result result) {}

    /** A file changed this shortly before it was stamped could change again unseen (timestamp resolution). */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** An empty memo, for one build session. */
    public DevicetreeMemo() {}

    /** The earlier result for {@code key}, if none of the files it read has changed since. */
    public synchronized Optional<Result> find(Key key) {
        Entry entry = entries.get(key.text());
        if (entry == null) {
            return Optional.empty();
        }
        for (Source source : entry.sources()) {
            if (!source.stamp().sameAs(FileStamp.of(source.file()).orElse(null))
                    || source.stamp().modifiedNanos() + RACY_NANOS >= entry.rememberedNanos()) {
                entries.remove(key.text());
                return Optional.empty();
            }
        }
        for (Path candidate : entry.result().absent()) {
            if (Files.exists(candidate)) {
                entries.remove(key.text());
                return Optional.empty(); // an include would now be found elsewhere
            }
        }
        return Optional.of(entry.result());
    }

    /** Remembers the result of merging {@code key}. */
    public synchronized void remember(Key key, Result result) {
        List<Source> stamps = new ArrayList<>();
        for (Path source : result.sources()) {
            Optional<FileStamp> stamp = FileStamp.of(source);
            if (stamp.isEmpty()) {
                return; // a file vanished during the merge: nothing to vouch for
            }
            stamps.add(new Source(source, stamp.get()));
        }
        if (entries.size() >= CAPACITY) {
            entries.clear();
        }
        entries.put(
                key.text(),
                new Entry(List.copyOf(stamps), TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()), result));
    }
}
