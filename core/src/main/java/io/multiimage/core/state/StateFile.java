package io.multiimage.core.state;

import io.multiimage.core.OutputWriteException;
import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one format of the build's own records under {@code .state/}: a header naming the kind of
 * record and its version, the record's lines, and an end line holding the sha256 of everything
 * before it.
 *
 * <pre>
 * # multiimage step 2
 * input	.config	9f2c…
 * # end 5d41402abc4b2a76b9719d911017c592…
 * </pre>
 *
 * A file that is not exactly what this code wrote — missing, cut short at any byte, garbled, not
 * UTF-8, of another kind or version — reads as absent, so the step it records is redone: a record
 * is never an error and never half believed. Writing goes through a temporary file moved into
 * place, and leaves an identical record untouched.
 */
public final class StateFile {

    private static final String PREFIX = "# multiimage ";
    private static final String END = "# end ";
    private static final String VERSION = "2";

    private StateFile() {}

    /** The lines of the {@code kind} record in {@code file}; empty unless it is whole and ours. */
    public static Optional<List<String>> read(Path file, String kind) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable (a directory, no permission): redo the step
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        if (!text.endsWith("\n")) {
            return Optional.empty();
        }
        int endLine = text.lastIndexOf('\n', text.length() - 2) + 1;
        String body = text.substring(0, endLine);
        String end = text.substring(endLine, text.length() - 1);
        if (!end.equals(END + Fingerprint.sha256(body.getBytes(StandardCharsets.UTF_8)))) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(body.split("\n", -1)));
        lines.remove(lines.size() - 1); // after the last newline
        if (lines.isEmpty() || !lines.get(0).equals(header(kind))) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(lines.subList(1, lines.size())));
    }

    /**
     * Writes the {@code kind} record of {@code lines} to {@code file}, unless the file already holds
     * exactly it; returns whether it wrote.
     *
     * @throws IllegalArgumentException for a line holding a line break (the caller must not record it)
     */
    public static boolean write(Path file, String kind, List<String> lines) throws IOException {
        byte[] bytes = render(kind, lines);
        if (Files.isRegularFile(file)) {
            try {
                if (Arrays.equals(Files.readAllBytes(file), bytes)) {
                    return false;
                }
            } catch (IOException e) {
                // unreadable: replace it
            }
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeBytes(file, bytes);
        } catch (IOException e) {
            throw new OutputWriteException(file, e);
        }
        return true;
    }

    /** The bytes of a record, as {@link #write} writes them. */
    static byte[] render(String kind, List<String> lines) {
        StringBuilder body = new StringBuilder(header(kind)).append('\n');
        for (String line : lines) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a record line holds a line break: " + line);
            }
            body.append(line).append('\n');
        }
        String text = body + END + Fingerprint.sha256(body.toString().getBytes(StandardCharsets.UTF_8)) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(String kind) {
        return PREFIX + kind + " " + VERSION;
    }
}
