package io.multiimage.core.devicetree;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of a property: its bytes exactly as they would appear in a flattened tree,
 * plus the pieces it was written as (strings, cell lists, byte lists), value labels and
 * references. After a merge, references are resolved: phandle cells hold the target's
 * phandle and path references the target's full path.
 */
public final class PropertyValue {

    static final PropertyValue EMPTY = new PropertyValue(new byte[0], List.of());

    private final byte[] bytes;
    private final List<Marker> markers;

    PropertyValue(byte[] bytes, List<Marker> markers) {
        this.bytes = bytes;
        this.markers = List.copyOf(markers);
    }

    /** A copy of the raw bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** True for a boolean property such as {@code read-only;}. */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /**
     * The value read as 32-bit big-endian cells.
     *
     * @throws IllegalStateException if the length is not a multiple of four
     */
    public long[] cells() {
        if (bytes.length % 4 != 0) {
            throw new IllegalStateException("value of " + bytes.length + " bytes is not a list of 32-bit cells");
        }
        long[] cells = new long[bytes.length / 4];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(i * 4);
        }
        return cells;
    }

    /**
     * The number spelt by {@code count} cells from cell {@code first}, most significant first: an
     * address or size of {@code #address-cells}/{@code #size-cells} cells in a {@code reg} or
     * {@code ranges}.
     *
     * @throws IllegalStateException if the length is not a multiple of four
     */
    public long number(int first, int count) {
        long[] cells = cells();
        long value = 0;
        for (int i = first; i < first + count; i++) {
            value = (value << 32) | cells[i];
        }
        return value;
    }

    /** True if the value is a whole number of 32-bit cells (possibly none). */
    public boolean isCellList() {
        return bytes.length % 4 == 0;
    }

    /**
     * The value read as a list of NUL-terminated strings ({@code "a", "b"}).
     *
     * @throws IllegalStateException if the value does not end with a NUL
     */
    public List<String> strings() {
        if (bytes.length == 0 || bytes[bytes.length - 1] != 0) {
            throw new IllegalStateException("value is not a string list");
        }
        List<String> strings = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                strings.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return List.copyOf(strings);
    }

    /** True if the value is one or more NUL-terminated strings. */
    public boolean isStringList() {
        return bytes.length > 0 && bytes[bytes.length - 1] == 0;
    }

    /** The first string of a string list. */
    public String string() {
        return strings().get(0);
    }

    List<Marker> markers() {
        return markers;
    }

    byte[] rawBytes() {
        return bytes;
    }

    private long cell(int offset) {
        return ((bytes[offset] & 0xffL) << 24)
                | ((bytes[offset + 1] & 0xffL) << 16)
                | ((bytes[offset + 2] & 0xffL) << 8)
                | (bytes[offset + 3] & 0xffL);
    }

    /** Returns a copy whose 4 bytes at {@code offset} are {@code value}. */
    PropertyValue withCell(int offset, long value) {
        byte[] copy = bytes.clone();
        copy[offset] = (byte) (value >>> 24);
        copy[offset + 1] = (byte) (value >>> 16);
        copy[offset + 2] = (byte) (value >>> 8);
        copy[offset + 3] = (byte) value;
        return new PropertyValue(copy, markers);
    }

    /**
     * Returns a copy with {@code inserted} placed at the offset of {@code markerIndex}; every
     * later marker moves along, as dtc does when it fills in a path reference.
     */
    PropertyValue withInsertion(int markerIndex, byte[] inserted) {
        int at = markers.get(markerIndex).offset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        List<Marker> moved = new ArrayList<>(markers.size());
        for (int i = 0; i < markers.size(); i++) {
            moved.add(i > markerIndex ? markers.get(i).shifted(inserted.length) : markers.get(i));
        }
        return new PropertyValue(out.toByteArray(), moved);
    }

    /** One 32-bit cell, typed, as dtc creates the {@code phandle} property it adds. */
    static PropertyValue ofCell(long value) {
        return new PropertyValue(new byte[4], List.of(new Marker(MarkerType.TYPE_UINT32, 0, null, null)))
                .withCell(0, value);
    }

    @Override
    public String toString() {
        return ValueFormatter.valueText(this);
    }
}
