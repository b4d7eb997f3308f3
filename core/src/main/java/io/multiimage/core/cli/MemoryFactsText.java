package io.multiimage.core.cli;

import io.multiimage.core.devicetree.ExternalFlash;
import io.multiimage.core.devicetree.FlashPartition;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.devicetree.MemoryRegion;
import io.multiimage.core.devicetree.PartitionTable;

/** Renders {@link MemoryFacts} as the plain text {@code dts facts} prints. */
final class MemoryFactsText {

    private MemoryFactsText() {}

    static String format(MemoryFacts facts) {
        StringBuilder out = new StringBuilder();
        region(out, "flash", facts.flash());
        region(out, "sram", facts.sram());
        out.append("code-partition: ")
                .append(facts.codePartitionPath().orElse("(none)"))
                .append('\n');
        for (ExternalFlash flash : facts.externalFlash()) {
            out.append("external-flash: ")
                    .append(flash.nodePath())
                    .append(' ')
                    .append(flash.compatible())
                    .append(" size ")
                    .append(hex(flash.size()))
                    .append(flash.enabled() ? " enabled" : " disabled")
                    .append('\n');
        }
        for (PartitionTable table : facts.partitionTables()) {
            out.append("partitions of ")
                    .append(table.flashDevicePath())
                    .append(table.flashBase().map(base -> " at " + hex(base)).orElse(""))
                    .append(":\n");
            for (FlashPartition partition : table.partitions()) {
                out.append("  ")
                        .append(hex(partition.offset()))
                        .append(' ')
                        .append(hex(partition.size()))
                        .append(' ')
                        .append(partition.label().orElse("-"))
                        .append(
                                partition.nodeLabels().isEmpty()
                                        ? ""
                                        : " (" + String.join(", ", partition.nodeLabels()) + ")")
                        .append(partition.readOnly() ? " read-only" : "")
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static void region(StringBuilder out, String name, MemoryRegion region) {
        out.append(name)
                .append(": ")
                .append(region.nodePath())
                .append(" at ")
                .append(hex(region.address()))
                .append(" size ")
                .append(hex(region.size()))
                .append('\n');
    }

    private static String hex(long value) {
        return String.format("0x%08x", value);
    }
}
