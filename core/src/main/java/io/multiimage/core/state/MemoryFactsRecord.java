package io.multiimage.core.state;

import io.multiimage.core.devicetree.ExternalFlash;
import io.multiimage.core.devicetree.FlashPartition;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.devicetree.MemoryRegion;
import io.multiimage.core.devicetree.PartitionTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link MemoryFacts} as lines of tab-separated fields, and back: how a devicetree merge's
 * result is kept in an image's state directory. Devicetree names and labels hold neither tabs
 * nor line ends; facts that would are not kept ({@link #format} returns empty).
 */
public final class MemoryFactsRecord {

    private static final String NONE = "-";

    private MemoryFactsRecord() {}

    /** The lines of {@code facts}, or empty when a value cannot be written in this form. */
    public static Optional<List<String>> format(MemoryFacts facts) {
        List<String> lines = new ArrayList<>();
        lines.add(region("flash", facts.flash()));
        lines.add(region("sram", facts.sram()));
        facts.codePartitionPath().ifPresent(p -> lines.add(line("code-partition", p)));
        facts.pmExternalFlashPath().ifPresent(p -> lines.add(line("pm-ext-flash", p)));
        facts.flashEraseBlockSize().ifPresent(n -> lines.add(line("erase-block", Long.toString(n))));
        facts.flashControllerLabel().ifPresent(l -> lines.add(line("flash-controller", l)));
        for (ExternalFlash flash : facts.externalFlash()) {
            List<String> fields = new ArrayList<>(List.of(
                    "external-flash",
                    flash.nodePath(),
                    flash.compatible(),
                    Long.toString(flash.size()),
                    Boolean.toString(flash.enabled())));
            fields.addAll(flash.labels());
            lines.add(String.join("\t", fields));
        }
        for (PartitionTable table : facts.partitionTables()) {
            lines.add(line(
                    "partitions",
                    table.nodePath(),
                    table.flashDevicePath(),
                    table.flashBase().map(String::valueOf).orElse(NONE)));
            for (FlashPartition partition : table.partitions()) {
                List<String> fields = new ArrayList<>(List.of(
                        "partition",
                        partition.nodePath(),
                        partition.label().orElse(NONE),
                        Long.toString(partition.offset()),
                        Long.toString(partition.size()),
                        Boolean.toString(partition.readOnly())));
                fields.addAll(partition.nodeLabels());
                lines.add(String.join("\t", fields));
            }
        }
        return writable(facts) ? Optional.of(lines) : Optional.empty();
    }

    /** The facts {@link #format} wrote, or empty when {@code lines} are not such a record. */
    public static Optional<MemoryFacts> parse(List<String> lines) {
        try {
            MemoryRegion flash = null;
            MemoryRegion sram = null;
            String codePartition = null;
            String pmExternalFlash = null;
            Long eraseBlock = null;
            String controller = null;
            List<ExternalFlash> external = new ArrayList<>();
            List<PartitionTable> tables = new ArrayList<>();
            String tablePath = null;
            String tableDevice = null;
            Optional<Long> tableBase = Optional.empty();
            List<FlashPartition> partitions = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "flash" -> flash = region(f);
                    case "sram" -> sram = region(f);
                    case "code-partition" -> codePartition = f[1];
                    case "pm-ext-flash" -> pmExternalFlash = f[1];
                    case "erase-block" -> eraseBlock = Long.parseLong(f[1]);
                    case "flash-controller" -> controller = f[1];
                    case "external-flash" ->
                        external.add(new ExternalFlash(
                                f[1], rest(f, 5), f[2], Long.parseLong(f[3]), Boolean.parseBoolean(f[4])));
                    case "partitions" -> {
                        if (tablePath != null) {
                            tables.add(new PartitionTable(tablePath, tableDevice, tableBase, partitions));
                        }
                        tablePath = f[1];
                        tableDevice = f[2];
                        tableBase = f[3].equals(NONE) ? Optional.empty() : Optional.of(Long.parseLong(f[3]));
                        partitions = new ArrayList<>();
                    }
                    case "partition" ->
                        partitions.add(new FlashPartition(
                                f[1],
                                rest(f, 6),
                                f[2].equals(NONE) ? Optional.empty() : Optional.of(f[2]),
                                Long.parseLong(f[3]),
                                Long.parseLong(f[4]),
                                Boolean.parseBoolean(f[5])));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (tablePath != null) {
                tables.add(new PartitionTable(tablePath, tableDevice, tableBase, partitions));
            }
            if (flash == null || sram == null) {
                return Optional.empty();
            }
            return Optional.of(new MemoryFacts(
                    flash,
                    sram,
                    Optional.ofNullable(codePartition),
                    external,
                    tables,
                    Optional.ofNullable(pmExternalFlash),
                    Optional.ofNullable(eraseBlock),
                    Optional.ofNullable(controller)));
        } catch (RuntimeException e) {
            return Optional.empty(); // damaged or from another version: merge again
        }
    }

    private static String region(String name, MemoryRegion region) {
        List<String> fields = new ArrayList<>(
                List.of(name, region.nodePath(), Long.toString(region.address()), Long.toString(region.size())));
        fields.addAll(region.labels());
        return String.join("\t", fields);
    }

    private static MemoryRegion region(String[] f) {
        return new MemoryRegion(f[1], rest(f, 4), Long.parseLong(f[2]), Long.parseLong(f[3]));
    }

    private static List<String> rest(String[] fields, int from) {
        return List.copyOf(Arrays.asList(fields).subList(from, fields.length));
    }

    private static String line(String... fields) {
        return String.join("\t", fields);
    }

    /**
     * Whether every name and label fits the form: no tab or line end inside, and no partition
     * label that reads like the "no label" mark.
     */
    private static boolean writable(MemoryFacts facts) {
        List<String> values = new ArrayList<>();
        values.add(facts.flash().nodePath());
        values.addAll(facts.flash().labels());
        values.add(facts.sram().nodePath());
        values.addAll(facts.sram().labels());
        facts.codePartitionPath().ifPresent(values::add);
        facts.pmExternalFlashPath().ifPresent(values::add);
        facts.flashControllerLabel().ifPresent(values::add);
        for (ExternalFlash flash : facts.externalFlash()) {
            values.add(flash.nodePath());
            values.add(flash.compatible());
            values.addAll(flash.labels());
        }
        for (PartitionTable table : facts.partitionTables()) {
            values.add(table.nodePath());
            values.add(table.flashDevicePath());
            for (FlashPartition partition : table.partitions()) {
                values.add(partition.nodePath());
                if (partition.label().map(NONE::equals).orElse(false)) {
                    return false;
                }
                partition.label().ifPresent(values::add);
                values.addAll(partition.nodeLabels());
            }
        }
        return values.stream().noneMatch(v -> v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0);
    }
}
