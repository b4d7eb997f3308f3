package io.multiimage.hex;

/** Line terminator written by the text-format writers. */
public enum LineEnding {
    /** {@code \n}, the default. */
    LF("\n"),
    /** {@code \r\n}, as {@code objcopy} and many Windows tools write. */
    CRLF("\r\n");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    /** The terminator characters. */
    public String text() {
        return text;
    }

    byte[] bytes() {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
