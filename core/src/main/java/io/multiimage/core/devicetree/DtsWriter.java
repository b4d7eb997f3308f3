package io.multiimage.core.devicetree;

import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a merged tree as devicetree source in exactly the form {@code dtc -I dts -O dts}
 * (1.6.1) prints: tabs, {@code <0x01>} cells, blank line before each child, storage order.
 */
public final class DtsWriter {

    private DtsWriter() {}

    /** The whole {@code zephyr.dts} text. */
    public static String toDts(DeviceTree tree) {
        StringBuilder out = new StringBuilder();
        out.append("/dts-v1/;\n\n");
        for (MemoryReservation reservation : tree.reservations()) {
            for (String label : reservation.labels()) {
                out.append(label).append(": ");
            }
            out.append("/memreserve/\t")
                    .append(hex16(reservation.address()))
                    .append(' ')
                    .append(hex16(reservation.size()))
                    .append(";\n");
        }
        appendNode(out, tree.root(), 0);
        return out.toString();
    }

    /**
     * Writes {@link #toDts} to {@code target}: first to a temporary file in the same
     * directory, then moved into place, so a reader never sees half a file.
     */
    public static void write(DeviceTree tree, Path target) throws IOException {
        AtomicFiles.writeString(target.toAbsolutePath(), toDts(tree));
    }

    private static void appendNode(StringBuilder out, Node node, int level) {
        indent(out, level);
        for (String label : node.labels()) {
            out.append(label).append(": ");
        }
        out.append(node.name().isEmpty() ? "/" : node.name()).append(" {\n");
        for (Property property : node.properties()) {
            indent(out, level + 1);
            for (String label : property.labels()) {
                out.append(label).append(": ");
            }
            out.append(property.name());
            ValueFormatter.appendAssignment(out, property.value());
            out.append('\n');
        }
        for (Node child : node.children()) {
            out.append('\n');
            appendNode(out, child, level + 1);
        }
        indent(out, level);
        out.append("};\n");
    }

    private static void indent(StringBuilder out, int level) {
        out.append("\t".repeat(level));
    }

    private static String hex16(long value) {
        String digits = Long.toHexString(value);
        return "0x" + "0".repeat(16 - digits.length()) + digits;
    }
}
