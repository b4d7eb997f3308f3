package io.multiimage.core.devicetree;

/** Kinds of {@link Marker}. The first five start a typed piece of a value. */
enum MarkerType {
    TYPE_UINT8(1, "[", "]"),
    TYPE_UINT16(2, "/bits/ 16 <", ">"),
    TYPE_UINT32(4, "<", ">"),
    TYPE_UINT64(8, "/bits/ 64 <", ">"),
    TYPE_STRING(0, "", ""),
    LABEL(0, null, null),
    REF_PHANDLE(0, null, null),
    REF_PATH(0, null, null);

    final int width;
    final String open;
    final String close;

    MarkerType(int width, String open, String close) {
        this.width = width;
        this.open = open;
        this.close = close;
    }

    boolean isTypeMarker() {
        return open != null;
    }

    /** The cell type marker for {@code /bits/ N}, or {@code null} for an unsupported size. */
    static MarkerType forBits(long bits) {
        if (bits == 8) {
            return TYPE_UINT8;
        } else if (bits == 16) {
            return TYPE_UINT16;
        } else if (bits == 32) {
            return TYPE_UINT32;
        } else if (bits == 64) {
            return TYPE_UINT64;
        }
        return null;
    }
}
