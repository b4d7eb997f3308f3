package io.multiimage.core.toolchain;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds programs: in a configured toolchain directory (the directory itself or its {@code bin/},
 * so both {@code /opt/gcc-arm} and {@code /opt/gcc-arm/bin} work), else on a search path.
 *
 * @param configuredDir the user's toolchain directory, if any; when set, PATH is not searched
 * @param searchPath the directories of {@code PATH}, in order
 */
public record ExecutableLocator(Optional<Path> configuredDir, List<Path> searchPath) {

    /** Takes an immutable copy. */
    public ExecutableLocator {
        searchPath = List.copyOf(searchPath);
    }

    /** Searches {@code configuredDir} if given, else this process's {@code PATH}. */
    public static ExecutableLocator of(Optional<Path> configuredDir) {
        return new ExecutableLocator(configuredDir, splitPath(System.getenv().getOrDefault("PATH", "")));
    }

    /** The directories of a {@code PATH}-style value; empty entries are dropped. */
    public static List<Path> splitPath(String pathVariable) {
        List<Path> dirs = new ArrayList<>();
        for (String entry : pathVariable.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                dirs.add(Path.of(entry));
            }
        }
        return dirs;
    }

    /** The directories searched, in order. */
    public List<Path> directories() {
        if (configuredDir.isPresent()) {
            Path dir = configuredDir.get();
            return List.of(dir, dir.resolve("bin"));
        }
        return searchPath;
    }

    /** The first executable file named {@code program} in {@link #directories()}. */
    public Optional<Path> find(String program) {
        for (Path dir : directories()) {
            Path candidate = dir.resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** Like {@link #find(String)}, but throws with {@code howToFix} when the program is missing. */
    public Path require(String program, String howToFix) throws ToolNotFoundException {
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            throw new ToolNotFoundException(program, directories(), howToFix);
        }
        return found.get();
    }
}
