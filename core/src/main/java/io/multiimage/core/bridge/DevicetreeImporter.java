package io.multiimage.core.bridge;

import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeException;
import io.multiimage.core.devicetree.MemoryFactsExtractor;
import io.multiimage.core.devicetree.Node;
import io.multiimage.core.devicetree.Property;
import io.multiimage.core.devicetree.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the partition tables of a merged devicetree as a static layout: every partition with its
 * address, size and region, containers with the partitions they span. The rules (see
 * docs/devicetree-bridge.md):
 *
 * <ul>
 *   <li>A {@code fixed-partitions} table belongs to the region of the node it lies under:
 *       {@code flash_primary} for {@code chosen/zephyr,flash}, {@code external_flash} for
 *       {@code chosen/nordic,pm-ext-flash}, a region mapped to one of the node's labels, or
 *       {@code otp} / {@code ram_flash} for a node so labelled. A table under any other node is
 *       skipped with a warning.</li>
 *   <li>Addresses are the node's base plus the partition's offset, through the {@code ranges} of
 *       {@code fixed-subpartitions} containers; an external chip counts from 0.</li>
 *   <li>A {@code fixed-subpartitions} node is a container spanning the partitions inside it,
 *       gaps ({@code EMPTY_<n>}) left out. A partition of a later table of the same node that
 *       covers whole partitions of the first table is a container spanning those.</li>
 *   <li>RAM partitions are the {@code partition@} nodes under {@code /reserved-memory} (and its
 *       {@code overlapping-partitions}), in region {@code sram_primary}.</li>
 *   <li>A partition's name is its {@code label} property when that is a name (letters, digits,
 *       '_'); else Zephyr's node label for an area the partition manager names
 *       ({@code slot0_partition} is {@code mcuboot_primary}); else its node label without
 *       {@code _partition}.</li>
 * </ul>
 *
 * Errors name the file and line: overlapping partitions, a partition without a name, a
 * {@code reg} outside its node or container, more than one {@code reg} entry, cells beyond two.
 */
public final class DevicetreeImporter {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Regions found by a node label equal to their name. */
    private static final List<String> LABELLED_REGIONS = List.of("otp", "ram_flash");

    private final RegionNodes regionNodes;

    /** An importer that maps nodes to regions as {@code regionNodes} says, besides the standard choices. */
    public DevicetreeImporter(RegionNodes regionNodes) {
        this.regionNodes = regionNodes;
    }

    /**
     * The static layout of {@code tree}.
     *
     * @throws DevicetreeException naming FILE:LINE for a table that cannot be read as partitions
     */
    public ImportedLayout read(DeviceTree tree) throws DevicetreeException {
        List<String> warnings = new ArrayList<>();
        Map<Node, List<Node>> tablesByDevice = new LinkedHashMap<>();
        for (Node table : tree.compatibleNodes("fixed-partitions")) {
            Node device = table.parent().orElseThrow();
            tablesByDevice.computeIfAbsent(device, d -> new ArrayList<>()).add(table);
        }
        List<Entry> all = new ArrayList<>();
        for (Map.Entry<Node, List<Node>> device : tablesByDevice.entrySet()) {
            Optional<String> region = regionOf(tree, device.getKey());
            if (region.isEmpty()) {
                warnings.add(device.getValue().get(0).location() + ": partitions of "
                        + device.getKey().path()
                        + " belong to no region and are left out; name the region with REGION="
                        + device.getKey().labels().stream().findFirst().orElse("NODE_LABEL"));
                continue;
            }
            MemoryTarget target = MemoryTarget.of(region.get(), device.getKey());
            readDevice(region.get(), target, device.getValue(), all);
        }
        Optional<Node> reserved = tree.node("/reserved-memory");
        if (reserved.isPresent()) {
            List<Node> ram = reserved.get().children().stream()
                    .filter(n -> n.name().startsWith("partition@"))
                    .toList();
            List<Entry> main = new ArrayList<>();
            for (Node node : ram) {
                main.add(readNode(node, 0, MemoryTarget.SRAM_PRIMARY, null, false));
            }
            checkSiblings(main);
            List<Entry> later = new ArrayList<>();
            for (Node group : reserved.get().children()) {
                if (group.name().equals(DevicetreeExporter.OVERLAPPING_TABLE)) {
                    for (Node node : group.children()) {
                        later.add(readNode(node, 0, MemoryTarget.SRAM_PRIMARY, null, false));
                    }
                }
            }
            all.addAll(flatten(main));
            all.addAll(covering(later, leavesOf(main)));
        }
        return new ImportedLayout(partitionsOf(all), codePartition(tree, all), warnings);
    }

    /** The region a device's tables belong to, if any. */
    private Optional<String> regionOf(DeviceTree tree, Node device) {
        for (Map.Entry<String, String> mapping : regionNodes.mappings().entrySet()) {
            if (device.labels().contains(mapping.getValue())) {
                return Optional.of(mapping.getKey());
            }
        }
        if (tree.chosen("zephyr,flash").filter(n -> n == device).isPresent()) {
            return Optional.of(MemoryTarget.FLASH_PRIMARY);
        }
        if (tree.chosen("nordic,pm-ext-flash").filter(n -> n == device).isPresent()) {
            return Optional.of(MemoryTarget.EXTERNAL_FLASH);
        }
        return LABELLED_REGIONS.stream().filter(device.labels()::contains).findFirst();
    }

    /** Reads the tables of one device: the first as the partitions, later ones as containers over them. */
    private void readDevice(String region, MemoryTarget target, List<Node> tables, List<Entry> into)
            throws DevicetreeException {
        List<Entry> main = new ArrayList<>();
        for (Node node : tables.get(0).children()) {
            main.add(readNode(node, target.base(), region, target, true));
        }
        checkSiblings(main);
        List<Entry> later = new ArrayList<>();
        for (Node table : tables.subList(1, tables.size())) {
            for (Node node : table.children()) {
                later.add(readNode(node, target.base(), region, target, true));
            }
        }
        into.addAll(flatten(main));
        into.addAll(covering(later, leavesOf(main)));
    }

    /** A partition node read, with its absolute address and the nodes inside it. */
    private record Entry(
            String name,
            long address,
            long size,
            String region,
            String path,
            SourceLocation location,
            List<Entry> children,
            List<String> span) {

        long end() {
            return address + size;
        }

        boolean container() {
            return !children.isEmpty() || !span.isEmpty();
        }
    }

    /**
     * Reads a partition node whose {@code reg} counts from {@code base}. In a flash table, a
     * {@code fixed-subpartitions} node is a container; under {@code /reserved-memory}, any node with
     * children is.
     */
    private Entry readNode(Node node, long base, String region, MemoryTarget target, boolean flash)
            throws DevicetreeException {
        Property reg = node.property("reg")
                .orElseThrow(() -> new DevicetreeException(
                        node.location(), "partition " + node.path() + " has no 'reg' property"));
        long[] first = MemoryFactsExtractor.firstReg(node);
        int entryBytes = entryBytes(node);
        if (reg.value().length() != entryBytes) {
            throw new DevicetreeException(
                    reg.location(),
                    "'reg' of partition " + node.path() + " has " + reg.value().length() / entryBytes
                            + " (address, size) entries; a partition has exactly one");
        }
        long address = base + first[0];
        long size = first[1];
        if (target != null
                && target.size().isPresent()
                && base == target.base()
                && first[0] + size > target.size().get()) {
            throw new DevicetreeException(
                    reg.location(),
                    "partition " + node.path() + " (offset "
                            + DevicetreeExporter.hex(first[0]) + ", " + DevicetreeExporter.hex(size)
                            + " bytes) reaches past the end"
                            + " of " + target.device().path() + " ("
                            + DevicetreeExporter.hex(target.size().get()) + " bytes)");
        }
        List<Node> childNodes = node.children();
        boolean container = flash ? node.isCompatible("fixed-subpartitions") : !childNodes.isEmpty();
        List<Entry> children = new ArrayList<>();
        if (container) {
            long childBase = childBase(node, address);
            for (Node child : childNodes) {
                Entry entry = readNode(child, childBase, region, null, flash);
                if (entry.address() < address || entry.end() > address + size) {
                    throw new DevicetreeException(
                            child.location(),
                            "partition " + child.path() + " does not lie inside its container " + node.path());
                }
                children.add(entry);
            }
            checkSiblings(children);
            if (children.isEmpty()) {
                throw new DevicetreeException(node.location(), "container " + node.path() + " holds no partition");
            }
        }
        return new Entry(
                nameOf(node), address, size, region, node.path(), node.location(), List.copyOf(children), List.of());
    }

    /** The address a container's child offset 0 stands for, from its {@code ranges}. */
    private static long childBase(Node container, long address) throws DevicetreeException {
        Optional<Property> ranges = container.property("ranges");
        if (ranges.isEmpty()) {
            throw new DevicetreeException(
                    container.location(),
                    "container " + container.path()
                            + " has no 'ranges'; its partitions' addresses cannot be placed in the flash");
        }
        if (ranges.get().value().isEmpty()) {
            return address - MemoryFactsExtractor.firstReg(container)[0];
        }
        int childCells = container.cellCount("#address-cells", 2);
        int parentCells = container.parent().orElseThrow().cellCount("#address-cells", 2);
        int sizeCells = container.cellCount("#size-cells", 1);
        int words = childCells + parentCells + sizeCells;
        long[] values = ranges.get().value().cells();
        if (values.length != words) {
            throw new DevicetreeException(
                    ranges.get().location(),
                    "'ranges' of " + container.path() + " must be one (child address, parent address, size) entry of "
                            + words + " cells");
        }
        long child = ranges.get().value().number(0, childCells);
        long parent = ranges.get().value().number(childCells, parentCells);
        // parent is an offset in the container's own parent, like the container's reg address
        return address - MemoryFactsExtractor.firstReg(container)[0] + parent - child;
    }

    private static int entryBytes(Node node) throws DevicetreeException {
        Node parent = node.parent().orElseThrow();
        return (parent.cellCount("#address-cells", 2) + parent.cellCount("#size-cells", 1)) * 4;
    }

    /**
     * Siblings may not overlap, except that a partition may lie inside a container's range where
     * none of the container's partitions are (a static container covering a partition that is not
     * its member).
     */
    private static void checkSiblings(List<Entry> siblings) throws DevicetreeException {
        for (int i = 0; i < siblings.size(); i++) {
            for (int j = i + 1; j < siblings.size(); j++) {
                Entry a = siblings.get(i);
                Entry b = siblings.get(j);
                boolean overlap = a.address() < b.end() && b.address() < a.end();
                if (overlap && !besideMembers(a, b) && !besideMembers(b, a)) {
                    Entry later = a.location().line() >= b.location().line() ? a : b;
                    Entry earlier = later == a ? b : a;
                    throw new DevicetreeException(
                            later.location(),
                            "partition '" + later.name() + "' ("
                                    + hexRange(later) + ") overlaps partition '" + earlier.name() + "' ("
                                    + hexRange(earlier)
                                    + ") defined at " + earlier.location());
                }
            }
        }
    }

    /** True when {@code other} lies in the range of the container {@code container} but overlaps none of its partitions. */
    private static boolean besideMembers(Entry container, Entry other) {
        if (container.children().isEmpty()
                || !LayoutPartition.liesWithin(other.address(), other.size(), container.address(), container.size())) {
            return false;
        }
        for (Entry leaf : leavesOf(container.children())) {
            if (leaf.address() < other.end() && other.address() < leaf.end()) {
                return false;
            }
        }
        return true;
    }

    private static String hexRange(Entry e) {
        return DevicetreeExporter.hex(e.address()) + ".." + DevicetreeExporter.hex(e.end());
    }

    /** Every entry of a tree, containers with the non-gap partitions inside them as their span. */
    private static List<Entry> flatten(List<Entry> roots) {
        List<Entry> out = new ArrayList<>();
        for (Entry entry : roots) {
            if (entry.children().isEmpty()) {
                out.add(entry);
                continue;
            }
            List<Entry> inside = flatten(entry.children());
            List<String> span = inside.stream()
                    .filter(e -> !e.container() && !LayoutPartition.isGapName(e.name()))
                    .sorted(Comparator.comparingLong(Entry::address))
                    .map(Entry::name)
                    .toList();
            out.add(new Entry(
                    entry.name(),
                    entry.address(),
                    entry.size(),
                    entry.region(),
                    entry.path(),
                    entry.location(),
                    List.of(),
                    span));
            out.addAll(inside);
        }
        return out;
    }

    private static List<Entry> leavesOf(List<Entry> roots) {
        return flatten(roots).stream().filter(e -> !e.container()).toList();
    }

    /**
     * Partitions of a later table: one that covers whole partitions of the first table is a
     * container spanning them; one that overlaps part of one is an error; one that overlaps none
     * is a partition of its own.
     */
    private static List<Entry> covering(List<Entry> later, List<Entry> leaves) throws DevicetreeException {
        List<Entry> out = new ArrayList<>();
        for (Entry entry : flatten(later)) {
            List<String> span = new ArrayList<>();
            for (Entry leaf : leaves) {
                boolean inside = LayoutPartition.liesWithin(leaf.address(), leaf.size(), entry.address(), entry.size());
                boolean overlaps = leaf.address() < entry.end() && entry.address() < leaf.end();
                if (overlaps && !inside) {
                    throw new DevicetreeException(
                            entry.location(),
                            "partition '" + entry.name() + "' ("
                                    + hexRange(entry) + ") covers part of partition '" + leaf.name() + "' ("
                                    + hexRange(leaf)
                                    + ") defined at " + leaf.location()
                                    + "; a partition of a second table must cover whole"
                                    + " partitions of the first");
                }
                if (inside && !LayoutPartition.isGapName(leaf.name())) {
                    span.add(leaf.name());
                }
            }
            out.add(new Entry(
                    entry.name(),
                    entry.address(),
                    entry.size(),
                    entry.region(),
                    entry.path(),
                    entry.location(),
                    List.of(),
                    entry.container() ? entry.span() : span));
        }
        return out;
    }

    /** The partitions, checked for duplicate names, in address order. */
    private static List<LayoutPartition> partitionsOf(List<Entry> entries) throws DevicetreeException {
        Map<String, Entry> byName = new LinkedHashMap<>();
        for (Entry entry : entries) {
            Entry previous = byName.putIfAbsent(entry.name(), entry);
            if (previous != null) {
                throw new DevicetreeException(
                        entry.location(),
                        "a second partition is named '" + entry.name() + "'; the first is defined at "
                                + previous.location());
            }
        }
        List<LayoutPartition> partitions = new ArrayList<>();
        for (Entry entry : byName.values()) {
            partitions.add(
                    new LayoutPartition(entry.name(), entry.address(), entry.size(), entry.region(), entry.span()));
        }
        partitions.sort(Comparator.comparing(LayoutPartition::region)
                .thenComparingLong(LayoutPartition::address)
                .thenComparing(LayoutPartition::name));
        return List.copyOf(partitions);
    }

    private static Optional<String> codePartition(DeviceTree tree, List<Entry> entries) {
        Optional<Node> chosen = tree.chosen("zephyr,code-partition");
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        String path = chosen.get().path();
        return entries.stream()
                .filter(e -> e.path().equals(path))
                .map(Entry::name)
                .findFirst();
    }

    /** The partition manager's name of a partition node. */
    private static String nameOf(Node node) throws DevicetreeException {
        Optional<String> label = node.property("label")
                .filter(p -> p.value().isStringList())
                .map(p -> p.value().string());
        if (label.isPresent() && NAME.matcher(label.get()).matches()) {
            return label.get();
        }
        for (String nodeLabel : node.labels()) {
            Optional<String> known = ZephyrLabels.partitionFor(nodeLabel);
            if (known.isPresent()) {
                return known.get();
            }
        }
        for (String nodeLabel : node.labels()) {
            if (nodeLabel.endsWith("_partition") && nodeLabel.length() > "_partition".length()) {
                return nodeLabel.substring(0, nodeLabel.length() - "_partition".length());
            }
        }
        throw new DevicetreeException(
                node.location(),
                "partition " + node.path() + " has no name: give it a label"
                        + " property naming it (label = \"storage\";)"
                        + label.map(l -> ", not \"" + l + "\",").orElse("")
                        + " or a node label ending in _partition");
    }
}
