package io.multiimage.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the user's text files (fragments, overlays, layout files) as UTF-8. A byte that is not
 * UTF-8 (a {@code # Grüße} saved as Latin-1) is the user's to fix: the error names the file,
 * line and column and says how, instead of surfacing as an I/O failure of the build.
 */
public final class TextFiles {

    private TextFiles() {}

    /**
     * The text of {@code file}.
     *
     * @param location how messages name the file, e.g. {@code app/prj.conf}
     * @throws InvalidConfigurationException naming {@code location:LINE:COLUMN} when the file is not UTF-8
     * @throws IOException when the file cannot be read
     */
    public static String readUtf8(Path file, String location) throws IOException, InvalidConfigurationException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(bytes, location);
        }
    }

    private static InvalidConfigurationException notUtf8(byte[] bytes, String location) {
        int bad = firstInvalid(bytes);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        InvalidConfigurationException error = new InvalidConfigurationException(location + ":" + line + ":" + column
                + ": not UTF-8 text (byte 0x" + String.format(Locale.ROOT, "%02X", bytes[bad] & 0xff)
                + "); save the file as UTF-8 (it was probably written as Latin-1 or another legacy encoding)");
        error.blameFile(location);
        return error;
    }

    /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    private static int firstInvalid(byte[] bytes) {
        int low = 0;
        int high = bytes.length;
        // The longest valid prefix: decode prefixes by bisection (a handful of decodes).
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (validPrefix(bytes, mid)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return Math.min(low, bytes.length - 1);
    }

    private static boolean validPrefix(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
