package io.multiimage.core.bridge;

/** Devicetree source text with tab indentation, built line by line. */
final class OverlayText {

    private final StringBuilder out = new StringBuilder();
    private int depth;

    /** A line at the current depth; an empty string gives an empty line. */
    void line(String text) {
        if (!text.isEmpty()) {
            out.append("\t".repeat(depth)).append(text);
        }
        out.append('\n');
    }

    /** {@code header} and an opening brace, then one level deeper. */
    void open(String header) {
        line(header + " {");
        depth++;
    }

    /** One level up, then the closing brace. */
    void close() {
        depth--;
        line("};");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
