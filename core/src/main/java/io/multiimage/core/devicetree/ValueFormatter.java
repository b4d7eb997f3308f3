package io.multiimage.core.devicetree;

import java.util.List;

/**
 * Prints a property value the way {@code dtc -O dts} 1.6.1 does: piece by piece from the
 * markers, with its two quirks (an extra space before a reference that is not at the start
 * of the property, and a trailing value label after the closing delimiter).
 */
final class ValueFormatter {

    private ValueFormatter() {}

    /** The text after the property name: {@code ;} or {@code  = <0x01>;}. */
    static void appendAssignment(StringBuilder out, PropertyValue value) {
        if (value.isEmpty()) {
            out.append(';');
            return;
        }
        out.append(" =");
        appendPieces(out, value);
        out.append(';');
    }

    /** The value alone, for {@code toString()}. */
    static String valueText(PropertyValue value) {
        StringBuilder out = new StringBuilder();
        appendPieces(out, value);
        return out.toString().strip();
    }

    private static void appendPieces(StringBuilder out, PropertyValue value) {
        byte[] bytes = value.rawBytes();
        int length = bytes.length;
        // every non-empty value the parser or the resolver builds starts with a type marker
        List<Marker> markers = value.markers();
        MarkerType emit = null;
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            int chunkEnd = i + 1 < markers.size() ? markers.get(i + 1).offset() : length;
            int chunkLength = chunkEnd - marker.offset();
            int typeLength = typeMarkerLength(markers, i);
            int dataLength = typeLength != 0 ? typeLength : length - marker.offset();
            if (marker.type().isTypeMarker()) {
                emit = marker.type();
                out.append(' ').append(emit.open);
            } else if (marker.type() == MarkerType.LABEL) {
                out.append(' ').append(marker.ref()).append(':');
            } else if (marker.offset() != 0) {
                out.append(' ');
            }
            if (emit == null) {
                continue;
            }
            if (emit == MarkerType.TYPE_STRING) {
                appendString(out, bytes, marker.offset(), chunkLength);
            } else {
                appendIntegers(out, bytes, marker.offset(), chunkLength, emit.width);
            }
            if (chunkLength == dataLength) {
                out.append(emit.close);
                if (marker.offset() + chunkLength != length) {
                    out.append(',');
                }
                emit = null;
            }
        }
    }

    /** Distance to the next type marker after {@code index}, or 0 if there is none. */
    private static int typeMarkerLength(List<Marker> markers, int index) {
        for (int j = index + 1; j < markers.size(); j++) {
            if (markers.get(j).type().isTypeMarker()) {
                return markers.get(j).offset() - markers.get(index).offset();
            }
        }
        return 0;
    }

    private static void appendString(StringBuilder out, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        out.append('"');
        for (int i = offset; i < offset + length - 1; i++) {
            byte b = bytes[i];
            switch (b) {
                case 7 -> out.append("\\a");
                case 8 -> out.append("\\b");
                case 9 -> out.append("\\t");
                case 10 -> out.append("\\n");
                case 11 -> out.append("\\v");
                case 12 -> out.append("\\f");
                case 13 -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case 0 -> out.append("\\0");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        out.append((char) b);
                    } else {
                        // dtc prints the sign-extended char, hence \xffffffc3 for 0xc3
                        out.append("\\x").append(twoDigits(Integer.toHexString(b)));
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendIntegers(StringBuilder out, byte[] bytes, int offset, int length, int width) {
        for (int p = offset; p + width <= offset + length; p += width) {
            long item = 0;
            for (int k = 0; k < width; k++) {
                item = (item << 8) | (bytes[p + k] & 0xff);
            }
            if (width > 1) {
                out.append("0x");
            }
            out.append(twoDigits(Long.toHexString(item)));
            if (p + width < offset + length) {
                out.append(' ');
            }
        }
    }

    private static String twoDigits(String hex) {
        return hex.length() < 2 ? "0" + hex : hex;
    }
}
