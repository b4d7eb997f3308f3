package io.multiimage.core.devicetree;

/**
 * A note attached to a byte offset of a property value, as dtc keeps them: where a typed
 * piece starts, where a value label sits, where a reference must be filled in.
 *
 * @param type what the marker says
 * @param offset byte offset in the value
 * @param ref label name or path for references, label name for labels, else {@code null}
 * @param location where the marker was written (for diagnostics)
 */
record Marker(MarkerType type, int offset, String ref, SourceLocation location) {

    Marker shifted(int delta) {
        return new Marker(type, offset + delta, ref, location);
    }
}
