package io.multiimage.core.kconfig.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kconfig and fragment files the way the reference does: UTF-8 (strict), universal
 * newlines ({@code \r\n} and a lone {@code \r} both end a line), each line keeping its
 * {@code \n} except possibly the last.
 */
final class TextFiles {

    private TextFiles() {}

    /** The lines of {@code file}, each ending in {@code \n} except possibly the last. */
    static List<String> readLines(Path file, String displayName) throws IOException, KconfigException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new KconfigException("Malformed utf-8 in '" + displayName + "'");
        }
        return splitLines(text);
    }

    /** Splits with universal newlines; the line breaks become {@code \n}. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        if (text.indexOf('\r') < 0) {
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    lines.add(text.substring(start));
                    break;
                }
                lines.add(text.substring(start, end + 1));
                start = end + 1;
            }
            return lines;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i) + "\n");
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * The {@code (ERRNO: strerror)} part of Python's I/O error messages, for the usual causes.
     */
    static String errnoText(IOException e, Path file) {
        if (e instanceof NoSuchFileException) {
            return "ENOENT: No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "EACCES: Permission denied";
        }
        if (Files.isDirectory(file)) {
            return "EISDIR: Is a directory";
        }
        return "EIO: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
