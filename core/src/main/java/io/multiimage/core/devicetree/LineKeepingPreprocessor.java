package io.multiimage.core.devicetree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the devicetree's C preprocessor over a text file that is not a devicetree (a
 * partition manager {@code pm.yml}) and keeps its line numbers: line N of the result is what
 * line N of the file became. A directive, a line in a branch not taken, a comment and the
 * continuation of a {@code \}-joined line become empty lines, so a later parser's
 * {@code FILE:LINE} still points into the original file.
 *
 * <p>An included file may only define macros: text it would add cannot be given a line of
 * the including file, so it is an error naming the {@code #include} line (a header of macros
 * such as {@code autoconf.h}, the only kind NCS {@code pm.yml} files include, adds nothing).
 *
 * <pre>{@code
 * String yaml = LineKeepingPreprocessor.preprocess(imageDir.resolve("pm.yml"),
 *         List.of(autoconfDir, BoardCatalog.shippedIncludeDir()));
 * }</pre>
 */
public final class LineKeepingPreprocessor {

    private LineKeepingPreprocessor() {}

    /**
     * Preprocesses {@code file} with {@code #include <…>} searched in {@code includeDirs}.
     *
     * @return the text, one line per line of {@code file}, each ending with {@code \n}
     * @throws DevicetreeException for a preprocessor error, located at its file and line
     *     ({@code file} itself when the problem is there), or for an included file that adds text
     */
    public static String preprocess(Path file, List<Path> includeDirs) throws DevicetreeException {
        Preprocessor preprocessor = new Preprocessor(includeDirs);
        preprocessor.process(file);
        SourceText result = preprocessor.result();
        String[] original = lines(read(file));
        String[] kept = new String[original.length];
        String[] produced = lines(result.text);
        Path self = file.toAbsolutePath().normalize();
        int lastOwnLine = 0;
        for (int i = 0; i < produced.length; i++) {
            SourceLocation origin = result.location(i, 1);
            boolean own = origin.file().toAbsolutePath().normalize().equals(self);
            if (own && origin.line() <= kept.length && kept[origin.line() - 1] == null) {
                kept[origin.line() - 1] = produced[i];
                lastOwnLine = origin.line();
            } else if (!produced[i].isBlank()) {
                throw new DevicetreeException(
                        new SourceLocation(file, includeLineAfter(original, lastOwnLine), 1),
                        "the included " + origin.file().getFileName() + ":" + origin.line() + " adds the text '"
                                + produced[i].strip() + "'; a file preprocessed line by line may include only"
                                + " files that define macros");
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : kept) {
            out.append(line == null ? "" : line).append('\n');
        }
        return out.toString();
    }

    /** The first {@code #include} line after line {@code after} (1-based); {@code after + 1} if none. */
    private static int includeLineAfter(String[] original, int after) {
        for (int n = after; n < original.length; n++) {
            String trimmed = original[n].strip();
            if (trimmed.startsWith("#") && trimmed.substring(1).strip().startsWith("include")) {
                return n + 1;
            }
        }
        return after + 1;
    }

    /** The lines of {@code text}; a final line break ends the last line rather than starting another. */
    private static String[] lines(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.isEmpty() ? new String[0] : body.split("\n", -1);
    }

    private static String read(Path file) throws DevicetreeException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DevicetreeException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
