package io.multiimage.core.devicetree;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Accumulates the bytes and markers of one property value while it is parsed. */
final class ValueBuilder {

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final List<Marker> markers = new ArrayList<>();

    void marker(MarkerType type, String ref, SourceLocation location) {
        markers.add(new Marker(type, data.size(), ref, location));
    }

    void bytes(byte[] bytes) {
        data.writeBytes(bytes);
    }

    void cell(long value, int width) {
        for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
            data.write((int) (value >>> shift) & 0xff);
        }
    }

    PropertyValue build() {
        return new PropertyValue(data.toByteArray(), markers);
    }
}
