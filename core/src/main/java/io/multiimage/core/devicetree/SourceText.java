package io.multiimage.core.devicetree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text ready for the parser, with the origin of every line: after preprocessing, one line
 * of text may come from any of several files, and diagnostics must name the real one.
 */
final class SourceText {

    final String text;
    private final List<Path> lineFiles;
    private final List<Integer> lineNumbers;

    private SourceText(String text, List<Path> lineFiles, List<Integer> lineNumbers) {
        this.text = text;
        this.lineFiles = lineFiles;
        this.lineNumbers = lineNumbers;
    }

    /** Location of a 0-based line index and 1-based column of this text. */
    SourceLocation location(int lineIndex, int column) {
        if (lineFiles.isEmpty()) {
            return new SourceLocation(Path.of("<empty>"), 1, column);
        }
        int index = Math.min(lineIndex, lineFiles.size() - 1);
        return new SourceLocation(lineFiles.get(index), lineNumbers.get(index), column);
    }

    /** A file read as is: line i of the text is line i + 1 of the file. */
    static SourceText verbatim(Path file, String content) {
        Builder builder = new Builder();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            builder.line(lines[i], file, i + 1);
        }
        return builder.build();
    }

    /** Collects lines with their origins. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Path> files = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();

        void line(String content, Path file, int number) {
            text.append(content).append('\n');
            files.add(file);
            numbers.add(number);
        }

        SourceText build() {
            return new SourceText(text.toString(), List.copyOf(files), List.copyOf(numbers));
        }
    }
}
