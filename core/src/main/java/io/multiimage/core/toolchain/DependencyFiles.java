package io.multiimage.core.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files a compiler actually read, from the make-style dependency files gcc writes with
 * {@code -MMD -MP} ({@code obj/main.c.o: main.c board.h ../include/extra.def}): headers outside
 * the source directory and included files of any name are inputs of the image as much as its
 * {@code .c} files.
 */
final class DependencyFiles {

    private DependencyFiles() {}

    /**
     * Every prerequisite named in the {@code .d} files under {@code objectDir}, resolved against
     * {@code workingDir} (where the compiler ran), sorted.
     *
     * @throws IOException when a dependency file cannot be read
     */
    static List<Path> read(Path objectDir, Path workingDir) throws IOException {
        Set<Path> read = new TreeSet<>();
        if (!Files.isDirectory(objectDir)) {
            return List.of();
        }
        List<Path> depFiles;
        try (Stream<Path> files = Files.walk(objectDir)) {
            depFiles = files.filter(f -> f.getFileName().toString().endsWith(".d"))
                    .sorted()
                    .toList();
        }
        for (Path depFile : depFiles) {
            for (String prerequisite : prerequisites(Files.readString(depFile, StandardCharsets.UTF_8))) {
                read.add(workingDir.resolve(prerequisite).toAbsolutePath().normalize());
            }
        }
        return List.copyOf(read);
    }

    /** The prerequisites of every rule of a make fragment, unescaped, in order. */
    static List<String> prerequisites(String text) {
        List<String> names = new ArrayList<>();
        String joined = text.replace("\\\r\n", " ").replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            int colon = ruleColon(line);
            if (colon < 0) {
                continue;
            }
            StringBuilder word = new StringBuilder();
            String rest = line.substring(colon + 1);
            for (int i = 0; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == '\\' && i + 1 < rest.length() && (rest.charAt(i + 1) == ' ' || rest.charAt(i + 1) == '#')) {
                    word.append(rest.charAt(++i));
                } else if (c == '$' && i + 1 < rest.length() && rest.charAt(i + 1) == '$') {
                    word.append('$');
                    i++;
                } else if (Character.isWhitespace(c)) {
                    if (word.length() > 0) {
                        names.add(word.toString());
                        word.setLength(0);
                    }
                } else {
                    word.append(c);
                }
            }
            if (word.length() > 0) {
                names.add(word.toString());
            }
        }
        return names;
    }

    /** The colon ending a rule's target: the first ':' followed by a blank or the end (not a drive letter's). */
    private static int ruleColon(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ':'
                    && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))
                    && (i == 0 || line.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return -1;
    }
}
