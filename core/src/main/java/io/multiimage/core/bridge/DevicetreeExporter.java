package io.multiimage.core.bridge;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.Node;
import io.multiimage.core.devicetree.Property;
import io.multiimage.partition.ImageRam;
import io.multiimage.partition.OutputDomain;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes a domain's layout as the devicetree overlay of one image: every region's partitions as
 * a {@code fixed-partitions} table under the region's memory (replacing the tables the board has
 * there), RAM partitions under {@code /reserved-memory}, and {@code chosen} pointing
 * {@code zephyr,code-partition} at the image's partition and {@code zephyr,sram} at its RAM. Apply
 * the overlay after the board's devicetree and the image's own overlays. The text depends only on
 * its inputs: the same layout and devicetree give the same bytes.
 *
 * <pre>{@code
 * OutputDomain layout = OutputDomain.parse("", "partitions.yml", partitionsYaml, "regions.yml", regionsYaml);
 * DeviceTree board = BoardCatalog.shipped().lookup("nrf52840dk/nrf52840").devicetree();
 * String overlay = new DevicetreeExporter(RegionNodes.standard())
 *         .overlay(layout, "partitions.yml", board, "app", "app");
 * }</pre>
 *
 * Containers become {@code fixed-subpartitions} nodes holding their members, with child addresses
 * relative to the container ({@code ranges}); a container that would cross another is written
 * flat in a second table, {@code overlapping-partitions} (see {@link PartitionForest}).
 */
public final class DevicetreeExporter {

    /** Name of the second table, holding containers that cannot nest. */
    static final String OVERLAPPING_TABLE = "overlapping-partitions";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long MAX_CELL = 0xffffffffL;

    private final RegionNodes regionNodes;

    /** An exporter that finds each region's node as {@code regionNodes} says. */
    public DevicetreeExporter(RegionNodes regionNodes) {
        this.regionNodes = regionNodes;
    }

    /**
     * The overlay of one image.
     *
     * @param layout the image's domain, as the partition manager laid it out
     * @param source names the layout in messages ({@code partitions.yml})
     * @param tree the image's devicetree: its board with the board's and the image's overlays
     * @param image the image's name, for the overlay's comment
     * @param partition the partition the image is linked into ({@code app} for the top image)
     * @throws InvalidConfigurationException when the layout cannot be written for that devicetree:
     *     a region without a node, a partition outside its node, a name that is no devicetree
     *     label, a label the board already uses
     */
    public String overlay(OutputDomain layout, String source, DeviceTree tree, String image, String partition)
            throws InvalidConfigurationException {
        List<LayoutPartition> partitions = LayoutPartitions.of(layout, source);
        Map<String, LayoutPartition> byName = new LinkedHashMap<>();
        for (LayoutPartition p : partitions) {
            if (!IDENTIFIER.matcher(p.name()).matches()) {
                throw new InvalidConfigurationException(source + ": partition name '" + p.name()
                        + "' cannot be a devicetree label (letters, digits and '_', not starting with a digit)");
            }
            byName.put(p.name(), p);
        }
        LayoutPartition code = byName.get(partition);
        if (code == null || code.region().equals(MemoryTarget.SRAM_PRIMARY)) {
            throw new InvalidConfigurationException(source + ": image '" + image + "' is placed in partition '"
                    + partition + "', which is not a flash partition of the layout; partitions: " + byName.keySet());
        }
        Optional<LayoutPartition> ram = ImageRam.choose(image, name -> Optional.ofNullable(byName.get(name)))
                .filter(p -> p.region().equals(MemoryTarget.SRAM_PRIMARY));

        OverlayText text = new OverlayText();
        text.line("/*");
        text.line(" * Partitions of " + (layout.name().isEmpty() ? "the default domain" : "domain " + layout.name())
                + " from " + source + ", for image '" + image + "'.");
        text.line(" * Written by multiimage. Apply after the board's devicetree and the image's overlays:");
        text.line(" * it replaces the partition tables of the memories below.");
        text.line(" */");
        Set<String> deletedPaths = new TreeSet<>();
        Set<Node> devicesUsed = new HashSet<>();
        List<RegionPart> flashRegions = new ArrayList<>();
        RegionPart ramRegion = null;
        for (String region : regionOrder(layout, partitions)) {
            List<LayoutPartition> members =
                    partitions.stream().filter(p -> p.region().equals(region)).toList();
            if (region.equals(MemoryTarget.SRAM_PRIMARY)
                    && regionNodes.labelFor(region).isEmpty()) {
                ramRegion = new RegionPart(region, null, PartitionForest.of(members, source));
                continue;
            }
            MemoryTarget target =
                    MemoryTarget.find(tree, region, regionNodes).orElseThrow(() -> noNode(source, region));
            if (!devicesUsed.add(target.device())) {
                throw new InvalidConfigurationException(source + ": region '" + region + "' would use "
                        + target.device().path() + ", which another region of the layout uses already; map one of"
                        + " them to another node (REGION=NODE_LABEL)");
            }
            for (LayoutPartition p : members) {
                requireInside(source, p, target);
            }
            for (Node child : target.device().children()) {
                if (child.isCompatible("fixed-partitions")) {
                    deletedPaths.add(child.path());
                }
            }
            flashRegions.add(new RegionPart(region, target, PartitionForest.of(members, source)));
        }
        Optional<Node> reserved = tree.node("/reserved-memory");
        if (ramRegion != null && reserved.isPresent()) {
            requireOneCell(reserved.get());
            for (Node child : reserved.get().children()) {
                if (child.name().startsWith("partition@") || child.name().equals(OVERLAPPING_TABLE)) {
                    deletedPaths.add(child.path());
                }
            }
        }
        Labels labels = new Labels(liveLabels(tree, deletedPaths));
        for (LayoutPartition p : partitions) {
            labels.assign(source, p.name());
        }
        partitions.forEach(p -> labels.addZephyrLabel(p.name()));
        for (RegionPart region : flashRegions) {
            writeFlashRegion(text, region, labels, source);
        }
        text.line("");
        text.open("/");
        text.open("chosen");
        text.line("zephyr,code-partition = &" + ZephyrLabels.ownLabel(partition) + ";");
        if (ramRegion != null && ram.isPresent()) {
            text.line("zephyr,sram = &" + ZephyrLabels.ownLabel(ram.get().name()) + ";");
        }
        text.close();
        if (ramRegion != null) {
            text.line("");
            writeRam(text, ramRegion, reserved, labels, source);
        }
        text.close();
        return text.toString();
    }

    /** A region's node (none for RAM) and its partitions as nodes. */
    private record RegionPart(String region, MemoryTarget target, PartitionForest forest) {}

    private void writeFlashRegion(OverlayText text, RegionPart region, Labels labels, String source)
            throws InvalidConfigurationException {
        MemoryTarget target = region.target();
        text.line("");
        text.line("/* region " + region.region() + " */");
        text.open(target.reference());
        boolean deleted = false;
        for (Node child : target.device().children()) {
            if (child.isCompatible("fixed-partitions")) {
                text.line("/delete-node/ " + child.name() + ";");
                deleted = true;
            }
        }
        if (deleted) {
            text.line("");
        }
        text.open("partitions");
        text.line("compatible = \"fixed-partitions\";");
        text.line("#address-cells = <1>;");
        text.line("#size-cells = <1>;");
        writeNodes(text, region.forest().roots(), target.base(), true, labels, source);
        text.close();
        if (!region.forest().detached().isEmpty()) {
            text.line("");
            text.line("/* containers that cross others: each covers whole partitions of the table above */");
            text.open(OVERLAPPING_TABLE);
            text.line("compatible = \"fixed-partitions\";");
            text.line("#address-cells = <1>;");
            text.line("#size-cells = <1>;");
            writeNodes(text, leavesOf(region.forest().detached()), target.base(), true, labels, source);
            text.close();
        }
        text.close();
    }

    private void writeRam(OverlayText text, RegionPart region, Optional<Node> reserved, Labels labels, String source)
            throws InvalidConfigurationException {
        text.open("reserved-memory");
        text.line("#address-cells = <1>;");
        text.line("#size-cells = <1>;");
        text.line("ranges;");
        if (reserved.isPresent()) {
            for (Node child : reserved.get().children()) {
                if (child.name().startsWith("partition@") || child.name().equals(OVERLAPPING_TABLE)) {
                    text.line("/delete-node/ " + child.name() + ";");
                }
            }
        }
        writeNodes(text, region.forest().roots(), 0, false, labels, source);
        if (!region.forest().detached().isEmpty()) {
            text.line("");
            text.open(OVERLAPPING_TABLE);
            text.line("#address-cells = <1>;");
            text.line("#size-cells = <1>;");
            text.line("ranges;");
            writeNodes(text, leavesOf(region.forest().detached()), 0, false, labels, source);
            text.close();
        }
        text.close();
    }

    private static List<PartitionForest.TreeNode> leavesOf(List<LayoutPartition> partitions) {
        return partitions.stream()
                .map(p -> new PartitionForest.TreeNode(p, List.of()))
                .toList();
    }

    /** Writes sibling nodes whose addresses count from {@code base}; fails on two with one unit address. */
    private void writeNodes(
            OverlayText text,
            List<PartitionForest.TreeNode> nodes,
            long base,
            boolean flash,
            Labels labels,
            String source)
            throws InvalidConfigurationException {
        Map<Long, String> unitAddresses = new LinkedHashMap<>();
        for (PartitionForest.TreeNode node : nodes) {
            LayoutPartition p = node.partition();
            long offset = p.address() - base;
            String previous = unitAddresses.putIfAbsent(offset, p.name());
            if (previous != null) {
                throw new InvalidConfigurationException(source + ": partitions '" + previous + "' and '" + p.name()
                        + "' both start at " + hex(p.address()) + " at one level of the devicetree, where node names"
                        + " must differ; a partition of size 0 there cannot be written");
            }
            requireCell(source, p, offset);
            text.line("");
            text.open(String.join(": ", labels.of(p.name())) + ": partition@" + Long.toHexString(offset));
            boolean container = !node.children().isEmpty();
            if (container && flash) {
                text.line("compatible = \"fixed-subpartitions\";");
            }
            text.line("label = \"" + p.name() + "\";");
            text.line("reg = <" + hex(offset) + " " + hex(p.size()) + ">;");
            if (container) {
                text.line("ranges = <0x0 " + hex(offset) + " " + hex(p.size()) + ">;");
                text.line("#address-cells = <1>;");
                text.line("#size-cells = <1>;");
                writeNodes(text, node.children(), p.address(), flash, labels, source);
            }
            text.close();
        }
    }

    private static void requireCell(String source, LayoutPartition p, long offset)
            throws InvalidConfigurationException {
        if (offset > MAX_CELL || p.size() > MAX_CELL) {
            throw new InvalidConfigurationException(source + ": partition '" + p.name() + "' needs addresses or sizes"
                    + " beyond 32 bits; the overlay writes one cell each");
        }
    }

    private static void requireInside(String source, LayoutPartition p, MemoryTarget target)
            throws InvalidConfigurationException {
        long offset = p.address() - target.base();
        boolean inside = offset >= 0
                && (target.size().isEmpty()
                        || offset + p.size() <= target.size().get());
        if (!inside) {
            throw new InvalidConfigurationException(source + ": partition '" + p.name() + "' (" + hex(p.address())
                    + ", " + hex(p.size()) + " bytes) of region " + p.region() + " lies outside "
                    + target.device().path() + " (" + hex(target.base()) + ", "
                    + target.size().map(DevicetreeExporter::hex).orElse("?")
                    + " bytes): is the layout for this board?");
        }
    }

    private static void requireOneCell(Node reserved) throws InvalidConfigurationException {
        for (String cells : List.of("#address-cells", "#size-cells")) {
            Optional<Property> property = reserved.property(cells);
            if (property.isPresent()
                    && (property.get().value().length() != 4
                            || property.get().value().cells()[0] != 1)) {
                throw new InvalidConfigurationException(property.get().location() + ": " + cells + " of "
                        + reserved.path() + " is not 1; RAM partitions are written with one cell for addresses and"
                        + " sizes");
            }
        }
    }

    private InvalidConfigurationException noNode(String source, String region) {
        String where = switch (region) {
            case MemoryTarget.FLASH_PRIMARY -> "/chosen has no 'zephyr,flash'";
            case MemoryTarget.EXTERNAL_FLASH -> "/chosen has no 'nordic,pm-ext-flash' naming the external flash";
            default -> "no node is labelled '" + region + "'";
        };
        return new InvalidConfigurationException(source + ": region '" + region + "' has no node in the devicetree: "
                + where + "; name one with " + region + "=NODE_LABEL");
    }

    /** The regions in the layout's order, then regions only partitions name, sorted. */
    private static List<String> regionOrder(OutputDomain layout, List<LayoutPartition> partitions) {
        Set<String> order = new java.util.LinkedHashSet<>(layout.regions().keySet());
        partitions.stream().map(LayoutPartition::region).sorted().forEach(order::add);
        List<String> used = new ArrayList<>();
        for (String region : order) {
            if (partitions.stream().anyMatch(p -> p.region().equals(region))) {
                used.add(region);
            }
        }
        return used;
    }

    /** Every label of a live node outside the subtrees the overlay deletes. */
    private static Set<String> liveLabels(DeviceTree tree, Set<String> deletedPaths) {
        Set<String> labels = new HashSet<>();
        for (Node node : tree.nodes()) {
            String path = node.path();
            if (deletedPaths.stream().noneMatch(d -> path.equals(d) || path.startsWith(d + "/"))) {
                labels.addAll(node.labels());
            }
        }
        return labels;
    }

    /** The node labels of each partition: Zephyr's where one applies and is free, then its own. */
    private static final class Labels {
        private final Set<String> taken;
        private final Map<String, List<String>> byPartition = new LinkedHashMap<>();

        Labels(Set<String> boardLabels) {
            this.taken = new HashSet<>(boardLabels);
        }

        void assign(String source, String partition) throws InvalidConfigurationException {
            String own = ZephyrLabels.ownLabel(partition);
            if (!taken.add(own)) {
                throw new InvalidConfigurationException(source + ": the label '" + own + "' for partition '" + partition
                        + "' is already used by a node of the devicetree");
            }
            byPartition.put(partition, new ArrayList<>(List.of(own)));
        }

        /** Adds Zephyr's label for the partition when it has one that no other node carries. */
        void addZephyrLabel(String partition) {
            Optional<String> zephyr = ZephyrLabels.forPartition(partition);
            if (zephyr.isPresent() && taken.add(zephyr.get())) {
                byPartition.get(partition).add(0, zephyr.get());
            }
        }

        List<String> of(String partition) {
            return byPartition.get(partition);
        }
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
