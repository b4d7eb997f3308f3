package io.multiimage.core.pipeline;

import io.multiimage.core.state.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The project files a {@code gnu-arm} compile may read beyond what its build step fingerprints
 * before compiling: any other file under the source directory (an {@code #include "table.def"})
 * and every file under the directories and files the compiler arguments name with {@code -I},
 * {@code -iquote}, {@code -isystem}, {@code -idirafter}, {@code -include} or {@code -imacros}.
 * The build step learns them from the compiler's dependency files once it has compiled; a key
 * made before compiling must name them in advance. Only files inside the project are read: a
 * directory outside it (an SDK) is known by its path in the arguments, as the compiler is known
 * by its path and version.
 */
final class CompilerReadFiles {

    /** Options whose value may follow in the same argument ({@code -Iinclude}). */
    private static final List<String> JOINED = List.of("-I", "-iquote", "-isystem", "-idirafter");
    /** Options whose value is the next argument. */
    private static final List<String> SEPARATE =
            List.of("-I", "-iquote", "-isystem", "-idirafter", "-include", "-imacros");

    private CompilerReadFiles() {}

    /**
     * Each such file as {@code read:<path relative to the project>} with its sha256, sorted.
     *
     * @param arguments the compiler's extra arguments, relative paths resolved against {@code sourceDirectory}
     *     (where the compiler runs)
     * @param covered the file name endings the build step already fingerprints under {@code sourceDirectory}
     */
    static SortedMap<String, String> of(
            Path projectRoot, Path sourceDirectory, List<String> arguments, List<String> covered) throws IOException {
        Path root = projectRoot.toAbsolutePath().normalize();
        Path sources = sourceDirectory.toAbsolutePath().normalize();
        SortedMap<String, String> read = new TreeMap<>();
        for (Path file : filesUnder(sources)) {
            if (covered.stream().noneMatch(file.getFileName().toString()::endsWith)) {
                put(read, root, file);
            }
        }
        for (Path named : named(arguments, sources)) {
            if (!named.startsWith(root)) {
                continue;
            }
            if (Files.isDirectory(named)) {
                for (Path file : filesUnder(named)) {
                    put(read, root, file);
                }
            } else if (Files.isRegularFile(named)) {
                put(read, root, named);
            }
        }
        return read;
    }

    /** The directories and files {@code arguments} name for the compiler to read, resolved against {@code cwd}. */
    static List<Path> named(List<String> arguments, Path cwd) {
        List<Path> named = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (SEPARATE.contains(argument)) {
                if (i + 1 < arguments.size()) {
                    named.add(cwd.resolve(arguments.get(++i)).normalize());
                }
                continue;
            }
            for (String option : JOINED) {
                if (argument.startsWith(option)
                        && argument.length() > option.length()
                        && !argument.startsWith(option + "=")) {
                    named.add(cwd.resolve(argument.substring(option.length())).normalize());
                    break;
                }
            }
        }
        return named;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void put(SortedMap<String, String> read, Path root, Path file) throws IOException {
        String relative = root.relativize(file).toString().replace('\\', '/');
        read.putIfAbsent("read:" + relative, Fingerprint.sha256(file));
    }
}
