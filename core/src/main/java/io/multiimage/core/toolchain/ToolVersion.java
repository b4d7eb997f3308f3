package io.multiimage.core.toolchain;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.core.state.FileStamp;
import io.multiimage.core.state.StateFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the first line of a tool's {@code --version} output, which names its exact release.
 *
 * <p>Every image's up-to-date check needs the compiler's version, and a Maven build checks
 * several images in several modules: real tools are asked once per binary. The answer is
 * remembered under the binary's path, size and modification time, so an upgraded compiler is
 * asked again: in memory for the build session (one instance per session, so a long-lived Maven
 * daemon never answers from another build), and in a small file in the image's state directory
 * for the next build, so that a no-op build starts no process at all (the way ccache recognises
 * a compiler). {@link #askingEveryTime()} remembers nothing (fake tools in tests).
 */
public final class ToolVersion {

    /** The kind of {@link StateFile} the memo is. */
    private static final String KIND = "tool-version";

    private record Binary(Path path, long size, long modified) {

        /** What a memo line starts with for this binary: path, size and modification time, each followed by a tab. */
        String key() {
            return path + "\t" + size + "\t" + modified + "\t";
        }
    }

    /** By {@link Binary#key()}: a String key spares a record's generated equals and hashCode their start-up cost. */
    private final Map<String, String> known = new ConcurrentHashMap<>();

    private final boolean remembering;

    /** Versions remembered for one build session. */
    public ToolVersion() {
        this(true);
    }

    private ToolVersion(boolean remembering) {
        this.remembering = remembering;
    }

    /** Versions asked of the tool every time, never remembered (fake tools whose answer changes). */
    public static ToolVersion askingEveryTime() {
        return new ToolVersion(false);
    }

    /** The version of {@code tool}, asked at most once per session and binary. */
    String of(ProcessLauncher launcher, Path tool) throws FirmwareException, InterruptedException {
        return of(launcher, tool, null);
    }

    /**
     * The version of {@code tool}; {@code memo} (may be null) is a file that remembers the
     * answer across builds for this binary.
     */
    String of(ProcessLauncher launcher, Path tool, Path memo) throws FirmwareException, InterruptedException {
        if (!remembering) {
            return ask(launcher, tool);
        }
        Binary binary;
        try {
            Path real = tool.toRealPath();
            Optional<FileStamp> stamp = FileStamp.of(real);
            if (stamp.isEmpty()) {
                return ask(launcher, tool);
            }
            binary = new Binary(real, stamp.get().size(), stamp.get().modifiedNanos());
        } catch (IOException e) {
            return ask(launcher, tool);
        }
        String version = known.get(binary.key());
        if (version == null) {
            version = remembered(memo, binary);
        }
        if (version == null) {
            version = ask(launcher, tool);
        }
        known.put(binary.key(), version);
        remember(memo, binary, version);
        return version;
    }

    private static String remembered(Path memo, Binary binary) {
        if (memo == null) {
            return null;
        }
        // Not there yet, garbled, or for another binary: ask the tool (and the memo is rewritten).
        return StateFile.read(memo, KIND)
                .filter(lines -> lines.size() == 2 && lines.get(0).equals(binary.key()))
                .map(lines -> lines.get(1))
                .orElse(null);
    }

    private static void remember(Path memo, Binary binary, String version) {
        if (memo == null) {
            return;
        }
        try {
            StateFile.write(memo, KIND, List.of(binary.key(), version));
        } catch (IOException | IllegalArgumentException e) {
            // Only a memo: the next build asks the tool again.
        }
    }

    private static String ask(ProcessLauncher launcher, Path tool) throws FirmwareException, InterruptedException {
        ProcessResult result = launcher.run(
                        ProcessSpec.of(List.of(tool.toString(), "--version")).timeout(Duration.ofMinutes(1)))
                .requireSuccess();
        return result.stdoutTail().isEmpty() ? "" : result.stdoutTail().get(0);
    }
}
