package io.multiimage.core.devicetree;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Characters of the parser's input with their origins. {@code /include/} pushes another
 * text; when it is used up, reading continues after the directive in the including text.
 */
final class SourceReader {

    private static final class Frame {
        final SourceText source;
        int position;
        int lineIndex;
        int lineStart;

        Frame(SourceText source) {
            this.source = source;
        }
    }

    private final Deque<Frame> frames = new ArrayDeque<>();

    SourceReader(SourceText source) {
        frames.push(new Frame(source));
    }

    void push(SourceText source) {
        frames.push(new Frame(source));
    }

    int depth() {
        return frames.size();
    }

    /** The file each open text is reading now, outermost first. */
    java.util.List<java.nio.file.Path> openFiles() {
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        java.util.Iterator<Frame> it = frames.descendingIterator();
        while (it.hasNext()) {
            Frame frame = it.next();
            files.add(frame.source
                    .location(frame.lineIndex, 1)
                    .file()
                    .toAbsolutePath()
                    .normalize());
        }
        return files;
    }

    /** True when the current text is used up; an included text is then left. */
    boolean atEndOfCurrent() {
        Frame frame = frames.peek();
        return frame.position >= frame.source.text.length();
    }

    /** Leaves a used-up included text; false at the end of the outermost one. */
    boolean popFinished() {
        if (frames.size() > 1 && atEndOfCurrent()) {
            frames.pop();
            return true;
        }
        return false;
    }

    /** The character {@code ahead} positions on in the current text, or 0 past its end. */
    char peek(int ahead) {
        Frame frame = frames.peek();
        int index = frame.position + ahead;
        return index < frame.source.text.length() ? frame.source.text.charAt(index) : 0;
    }

    char peek() {
        return peek(0);
    }

    boolean startsWith(String keyword) {
        Frame frame = frames.peek();
        return frame.source.text.startsWith(keyword, frame.position);
    }

    char next() {
        Frame frame = frames.peek();
        char c = frame.source.text.charAt(frame.position++);
        if (c == '\n') {
            frame.lineIndex++;
            frame.lineStart = frame.position;
        }
        return c;
    }

    void skip(int count) {
        for (int i = 0; i < count; i++) {
            next();
        }
    }

    SourceLocation location() {
        Frame frame = frames.peek();
        return frame.source.location(frame.lineIndex, frame.position - frame.lineStart + 1);
    }
}
